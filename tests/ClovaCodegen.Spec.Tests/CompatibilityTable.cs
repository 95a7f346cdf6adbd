using System.Linq;
using System.Text;
using ClovaCodegen.Spec.Model;

namespace ClovaCodegen.Spec.Tests;

/// <summary>
/// Renders the spec as the Markdown page <c>docs/compatibility.md</c>. The page is generated, never edited by hand:
/// a test regenerates it and fails when the committed page and the spec disagree. It lives with the tests, not in the
/// spec reader the compiler loads.
/// </summary>
internal static class CompatibilityTable
{
    internal static string Render(CompatSpec spec)
    {
        var md = new StringBuilder();
        md.Append("# CLOVA Studio OpenAI-compatible API: field compatibility\n\n");
        md.Append("<!-- Generated from spec/clova-openai-compat.json by tests/ClovaCodegen.Spec.Tests/CompatibilityTable.cs. Do not edit:\n");
        md.Append("     run `CLOVA_UPDATE_DOCS=1 dotnet test tests/ClovaCodegen.Spec.Tests` after changing the spec. -->\n\n");
        md.Append("Status: **supported** (OpenAI field CLOVA Studio accepts), **unsupported** (rejected or ignored), ");
        md.Append("**clova-only** (CLOVA Studio's own field), **undocumented** (sent by official SDKs, not in the source tables: treated softly). ");
        md.Append("Ranges use interval notation; `(` and `)` exclude the bound. *Uncertain* marks facts the sources disagree on.\n\n");

        md.Append("## Base URLs\n\n| cloud | base URL | verified |\n| --- | --- | --- |\n");
        foreach (var baseUrl in spec.BaseUrls)
        {
            md.Append($"| {baseUrl.Cloud} | `{baseUrl.Url}` | {(baseUrl.Verified ? "yes" : "no")} |\n");
        }

        if (!spec.NativeUrlPatterns.IsEmpty)
        {
            md.Append("\nNative CLOVA Studio URL shapes, wrong for the OpenAI-compatible API:\n\n| id | path pattern | why |\n| --- | --- | --- |\n");
            foreach (var pattern in spec.NativeUrlPatterns)
            {
                md.Append($"| {pattern.Id} | `{Cell(pattern.PathPattern)}` | {Cell(pattern.Note)} |\n");
            }
        }

        foreach (var endpoint in spec.Endpoints)
        {
            md.Append($"\n## `{endpoint.Method} {endpoint.Path}` ({endpoint.Id})\n\n");
            if (!endpoint.Models.IsEmpty)
            {
                md.Append("Models: ").Append(string.Join(", ", endpoint.Models.Select(m =>
                    $"`{m.Name}`{(m.IsDefault ? " (default)" : "")}{(m.Dimension is { } d ? $" ({d} dimensions)" : "")}{(m.Verified ? "" : " (unverified)")}"))).Append("\n\n");
            }

            if (endpoint.Fields.IsEmpty)
            {
                md.Append("No request body.\n");
                continue;
            }

            md.Append("| field | status | type | default | range / allowed values | native name | note |\n");
            md.Append("| --- | --- | --- | --- | --- | --- | --- |\n");
            foreach (var field in endpoint.Fields)
            {
                var limits = field.Range?.ToString() ?? "";
                if (!field.AllowedValues.IsEmpty)
                {
                    limits = (limits.Length > 0 ? limits + "; " : "") + string.Join(", ", field.AllowedValues.Select(v => $"`{v.ToJson()}`"));
                }

                md.Append($"| `{field.Name}` | {StatusWord(field.Status)}{(field.Uncertain ? " (*uncertain*)" : "")} | {TypeWords(field.Type)} | ");
                md.Append(field.Default is null ? "" : $"`{field.Default.ToJson()}`").Append(" | ");
                md.Append(Cell(limits)).Append(" | ");
                md.Append(string.Join(", ", field.NativeNames.Select(n => $"`{n}`"))).Append(" | ");
                md.Append(Cell(field.Note)).Append(field.Source is null ? "" : $" [{field.Source}]").Append(" |\n");
            }
        }

        if (!spec.Capabilities.IsEmpty)
        {
            md.Append("\n## Capabilities\n\nFeatures only some models have. *Uncertain*: the list comes from the native API's guide or its editions disagree.\n\n");
            md.Append("| capability | field | models | name rule | note |\n| --- | --- | --- | --- | --- |\n");
            foreach (var capability in spec.Capabilities)
            {
                md.Append($"| {capability.Id}{(capability.Uncertain ? " (*uncertain*)" : "")} | `{capability.Field}` | {string.Join(", ", capability.Models.Select(m => $"`{m}`"))} | ");
                md.Append(capability.NamePattern is null ? "" : $"`{Cell(capability.NamePattern)}`").Append(" | ");
                md.Append(Cell(capability.Note)).Append(capability.Source is null ? "" : $" [{capability.Source}]").Append(" |\n");
            }
        }

        if (spec.StructuredOutputs is { } structured)
        {
            md.Append("\n## Structured outputs\n\n");
            if (structured.Note is not null)
            {
                md.Append(Cell(structured.Note)).Append("\n\n");
            }

            if (structured.NamePattern is not null)
            {
                md.Append($"`json_schema.name` must match `{Cell(structured.NamePattern)}`.\n\n");
            }

            foreach (var (title, terms) in new[] { ("`response_format` type", structured.ResponseFormatTypes), ("JSON Schema keyword", structured.SchemaKeywords) })
            {
                md.Append($"| {title} | status | note |\n| --- | --- | --- |\n");
                foreach (var term in terms)
                {
                    md.Append($"| `{term.Name}` | {term.Status.ToString().ToLowerInvariant()} | {Cell(term.Note)}{(term.Source is null ? "" : $" [{term.Source}]")} |\n");
                }

                md.Append('\n');
            }
        }

        if (!spec.Sources.IsEmpty)
        {
            md.Append(spec.StructuredOutputs is null ? "\n## Sources\n\n" : "## Sources\n\n");
            foreach (var source in spec.Sources)
            {
                md.Append($"- **{source.Key}**: {Cell(source.Description)}\n");
            }
        }

        return md.ToString();
    }

    internal static string StatusWord(FieldStatus status) => status switch
    {
        FieldStatus.Supported => "supported",
        FieldStatus.Unsupported => "unsupported",
        FieldStatus.ClovaOnly => "clova-only",
        _ => "undocumented",
    };

    private static string TypeWords(JsonFieldType type) =>
        string.Join(" \\| ", new[] { JsonFieldType.String, JsonFieldType.Integer, JsonFieldType.Number, JsonFieldType.Boolean, JsonFieldType.Array, JsonFieldType.Object }
            .Where(t => (type & t) != 0)
            .Select(t => t.ToString().ToLowerInvariant()));

    private static string Cell(string? text) => (text ?? "").Replace("|", "\\|").Replace("\n", " ");
}
