using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using ClovaCodegen.Spec.Model;

namespace ClovaCodegen.SpecTool.Diffing;

/// <summary>
/// One fact two specs disagree on: where (<paramref name="Scope"/>: an endpoint id, or <c>spec</c>), about what
/// (<paramref name="Subject"/>: <c>field seed</c>, <c>model HCX-005</c>, ...), which aspect, and each side's value
/// (<c>absent</c> when the subject is missing on that side).
/// </summary>
public sealed record SpecDifference(string Scope, string Subject, string Aspect, string Left, string Right)
{
    public const string Absent = "absent";
    public const string Present = "present";

    public override string ToString() => $"{Scope} {Subject} {Aspect}: {Left} -> {Right}";
}

/// <summary>
/// What two specs disagree on, fact by fact: endpoints, models, fields (status, type, required, default, range, allowed
/// values, required value, native names, uncertain), bindings, base URLs and the API key. Notes and sources are the
/// evidence, not the facts, and are not compared.
/// </summary>
public static class SpecDiff
{
    public static IReadOnlyList<SpecDifference> Compare(CompatSpec left, CompatSpec right)
    {
        var differences = new List<SpecDifference>();
        CompareKeyed(differences, "spec", "base URL", left.BaseUrls, right.BaseUrls, b => b.Cloud, (l, r, add) =>
        {
            add("url", l.Url, r.Url);
            add("verified", Bool(l.Verified), Bool(r.Verified));
        });
        if (left.ApiKey is { } lk && right.ApiKey is { } rk)
        {
            void Add(string aspect, string? l, string? r)
            {
                if (!string.Equals(l, r, StringComparison.Ordinal))
                {
                    differences.Add(new SpecDifference("spec", "api key", aspect, l ?? "-", r ?? "-"));
                }
            }

            Add("header", lk.Header, rk.Header);
            Add("scheme", lk.Scheme, rk.Scheme);
            Add("prefix", lk.Prefix, rk.Prefix);
            Add("environment variable", lk.EnvironmentVariable, rk.EnvironmentVariable);
        }
        else if ((left.ApiKey is null) != (right.ApiKey is null))
        {
            differences.Add(new SpecDifference("spec", "api key", "presence", left.ApiKey is null ? SpecDifference.Absent : SpecDifference.Present, right.ApiKey is null ? SpecDifference.Absent : SpecDifference.Present));
        }

        if (!string.Equals(left.RequestIdHeader, right.RequestIdHeader, StringComparison.Ordinal))
        {
            differences.Add(new SpecDifference("spec", "request id header", "name", left.RequestIdHeader ?? "-", right.RequestIdHeader ?? "-"));
        }

        CompareKeyed(differences, "spec", "endpoint", left.Endpoints, right.Endpoints, e => e.Id, (l, r, add) =>
        {
            add("method", l.Method, r.Method);
            add("path", l.Path, r.Path);
        });
        foreach (var endpoint in left.Endpoints.Where(e => right.FindEndpoint(e.Id) is not null))
        {
            var other = right.FindEndpoint(endpoint.Id)!;
            CompareKeyed(differences, endpoint.Id, "model", endpoint.Models, other.Models, m => m.Name, (l, r, add) =>
            {
                add("verified", Bool(l.Verified), Bool(r.Verified));
                add("default", Bool(l.IsDefault), Bool(r.IsDefault));
                add("dimension", Number(l.Dimension), Number(r.Dimension));
            });
            CompareKeyed(differences, endpoint.Id, "field", endpoint.Fields, other.Fields, f => f.Name, (l, r, add) =>
            {
                add("status", Status(l.Status), Status(r.Status));
                add("type", Type(l.Type), Type(r.Type));
                add("required", Bool(l.Required), Bool(r.Required));
                add("default", l.Default?.ToJson() ?? "-", r.Default?.ToJson() ?? "-");
                add("range", l.Range?.ToString() ?? "-", r.Range?.ToString() ?? "-");
                add("allowed values", Values(l.AllowedValues), Values(r.AllowedValues));
                add("required value", Bool(l.RequiredValue), Bool(r.RequiredValue));
                add("native names", string.Join(", ", l.NativeNames), string.Join(", ", r.NativeNames));
                add("uncertain", Bool(l.Uncertain), Bool(r.Uncertain));
            });
        }

        CompareKeyed(differences, "spec", "binding", left.Bindings, right.Bindings, b => b.Member + " -> " + b.Endpoint + "." + b.Field, (l, r, add) =>
            add("dropped by", l.DroppedBy ?? "-", r.DroppedBy ?? "-"));
        return differences;
    }

    /// <summary>A plain-text table, one row per difference, columns aligned; or a line saying the specs agree.</summary>
    public static string FormatTable(IReadOnlyList<SpecDifference> differences, string leftName, string rightName, bool markdown = false)
    {
        if (differences.Count == 0)
        {
            return $"The specs agree: {leftName} and {rightName} state the same facts.\n";
        }

        var header = new[] { "where", "what", "aspect", leftName, rightName };
        var rows = differences.Select(d => new[] { d.Scope, d.Subject, d.Aspect, d.Left, d.Right }).ToList();
        var builder = new StringBuilder();
        if (markdown)
        {
            builder.Append("| ").AppendJoin(" | ", header.Select(EscapeCell)).Append(" |\n");
            builder.Append('|').Append(string.Concat(header.Select(_ => " --- |"))).Append('\n');
            foreach (var row in rows)
            {
                builder.Append("| ").AppendJoin(" | ", row.Select(EscapeCell)).Append(" |\n");
            }
        }
        else
        {
            var widths = header.Select((h, i) => Math.Max(h.Length, rows.Max(r => r[i].Length))).ToArray();
            void Line(string[] cells) => builder.Append(string.Join("  ", cells.Select((c, i) => i + 1 < cells.Length ? c.PadRight(widths[i]) : c))).Append('\n');
            Line(header);
            Line(widths.Select(w => new string('-', w)).ToArray());
            rows.ForEach(Line);
        }

        builder.Append(CultureInfo.InvariantCulture, $"{differences.Count} difference{(differences.Count == 1 ? "" : "s")}.\n");
        return builder.ToString();
    }

    private static void CompareKeyed<T>(
        List<SpecDifference> differences,
        string scope,
        string kind,
        EquatableArray<T> left,
        EquatableArray<T> right,
        Func<T, string> key,
        Action<T, T, Action<string, string, string>> compare)
        where T : IEquatable<T>
    {
        var rightByKey = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var item in right)
        {
            rightByKey[key(item)] = item;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in left)
        {
            var name = key(item);
            seen.Add(name);
            if (!rightByKey.TryGetValue(name, out var other))
            {
                differences.Add(new SpecDifference(scope, kind + " " + name, "presence", SpecDifference.Present, SpecDifference.Absent));
                continue;
            }

            compare(item, other, (aspect, l, r) =>
            {
                if (!string.Equals(l, r, StringComparison.Ordinal))
                {
                    differences.Add(new SpecDifference(scope, kind + " " + name, aspect, l, r));
                }
            });
        }

        foreach (var item in right.Where(i => !seen.Contains(key(i))))
        {
            differences.Add(new SpecDifference(scope, kind + " " + key(item), "presence", SpecDifference.Absent, SpecDifference.Present));
        }
    }

    internal static string Status(FieldStatus status) => status switch
    {
        FieldStatus.Supported => "supported",
        FieldStatus.Unsupported => "unsupported",
        FieldStatus.ClovaOnly => "clova-only",
        _ => "undocumented",
    };

    private static string Type(JsonFieldType type) => type == JsonFieldType.None
        ? "-"
        : string.Join(" | ", Enum.GetValues<JsonFieldType>().Where(t => t != JsonFieldType.None && (type & t) != 0).Select(t => t.ToString().ToLowerInvariant()));

    private static string Values(EquatableArray<SpecLiteral> values) => values.IsEmpty ? "-" : string.Join(", ", values.Select(v => v.ToJson()));

    private static string Bool(bool value) => value ? "true" : "false";

    private static string Number(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "-";

    private static string EscapeCell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);
}
