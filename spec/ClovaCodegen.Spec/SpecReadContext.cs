using System;
using System.Collections.Generic;
using System.Linq;
using ClovaCodegen.Spec.Diagnostics;
using ClovaCodegen.Spec.Json;
using ClovaCodegen.Spec.Model;

namespace ClovaCodegen.Spec;

/// <summary>Reading state: the text, its line map and the diagnostics found so far.</summary>
internal sealed class SpecReadContext
{
    private readonly List<SpecDiagnostic> _diagnostics = new();
    private LineMap? _lines;

    public SpecReadContext(string text, string filePath)
    {
        Text = text;
        FilePath = filePath;
    }

    public string Text { get; }

    public string FilePath { get; }

    public HashSet<string> SourceKeys { get; } = new(StringComparer.Ordinal);

    public HashSet<string> DeclaredEndpointIds { get; } = new(StringComparer.Ordinal);

    public HashSet<string> DeclaredFields { get; } = new(StringComparer.Ordinal);

    public bool HasSourceTable { get; set; }

    /// <summary>True when any diagnostic is an error (then <see cref="Spec"/> is null).</summary>
    public bool HasErrors => _diagnostics.Any(d => d.Severity == SpecSeverity.Error);

    public SpecReadResult Result(CompatSpec? spec) => new(HasErrors ? null : spec, _diagnostics.ToEquatableArray());

    public void Report(SpecDiagnosticKind kind, JsonNode node, string message) => Report(kind, node.Start, node.Length, message);

    public void Report(SpecDiagnosticKind kind, int offset, int length, string message)
    {
        _lines ??= new LineMap(Text);
        offset = Math.Max(0, Math.Min(offset, Text.Length));
        length = Math.Max(0, Math.Min(length, Text.Length - offset));
        var (startLine, startColumn) = _lines.Locate(offset);
        var (endLine, endColumn) = _lines.Locate(offset + length);
        _diagnostics.Add(new SpecDiagnostic(kind.Id, kind.Severity, message, FilePath, offset, length, startLine, startColumn, endLine, endColumn));
    }

    public bool ExpectObject(JsonNode node, string what) => ExpectKind(node, JsonNodeKind.Object, what);

    public bool ExpectKind(JsonNode node, JsonNodeKind kind, string what)
    {
        if (node.Kind == kind)
        {
            return true;
        }

        Report(SpecDiagnosticIds.WrongJsonType, node, $"{what} must be {JsonNode.Describe(kind)}, not {JsonNode.Describe(node.Kind)}");
        return false;
    }

    /// <summary>Reports properties the format does not define (likely typos) and repeated property names.</summary>
    public void CheckProperties(JsonNode node, string what, params string[] known)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in node.Properties)
        {
            if (!seen.Add(property.Name))
            {
                Report(SpecDiagnosticIds.DuplicateEntry, property.NameStart, property.NameLength, $"Property '{property.Name}' appears more than once in {what}");
            }
            else if (Array.IndexOf(known, property.Name) < 0)
            {
                Report(SpecDiagnosticIds.UnknownProperty, property.NameStart, property.NameLength, $"Unknown property '{property.Name}' in {what}; known properties are {string.Join(", ", known)}");
            }
        }
    }

    public void CheckSource(JsonNode node)
    {
        var source = GetString(node, "source", required: false);
        if (source is not null && HasSourceTable && !SourceKeys.Contains(source))
        {
            Report(SpecDiagnosticIds.UnknownSource, node.Find("source")!.Value, $"Source '{source}' is not a key of the spec's 'sources'");
        }
    }

    private JsonNode? Get(JsonNode node, string name, JsonNodeKind kind, bool required, string expected)
    {
        var property = node.Find(name);
        if (property is null)
        {
            if (required)
            {
                Report(SpecDiagnosticIds.MissingProperty, node.Start, 1, $"Required property '{name}' is missing");
            }

            return null;
        }

        if (property.Value.Kind != kind && !(kind == JsonNodeKind.True && property.Value.IsBoolean))
        {
            Report(SpecDiagnosticIds.WrongJsonType, property.Value, $"'{name}' must be {expected}, not {JsonNode.Describe(property.Value.Kind)}");
            return null;
        }

        return property.Value;
    }

    public string? GetString(JsonNode node, string name, bool required) =>
        Get(node, name, JsonNodeKind.String, required, "a string")?.StringValue;

    /// <summary>
    /// The required <c>status</c> of an entry, one of <paramref name="statuses"/>' names; an unknown one is reported with
    /// the names expected, in their order, and reads as null.
    /// </summary>
    public T? GetStatus<T>(JsonNode node, params (string Name, T Value)[] statuses)
        where T : struct
    {
        var text = GetNonEmptyString(node, "status");
        if (text is null)
        {
            return null;
        }

        foreach (var (name, value) in statuses)
        {
            if (name == text)
            {
                return value;
            }
        }

        var names = statuses.Select(s => s.Name).ToList();
        var expected = string.Join(", ", names.Take(names.Count - 1)) + " or " + names[names.Count - 1];
        Report(SpecDiagnosticIds.UnknownStatus, node.Find("status")!.Value, $"Unknown status '{text}'; expected {expected}");
        return null;
    }

    public string? GetNonEmptyString(JsonNode node, string name)
    {
        var value = GetString(node, name, required: true);
        if (value is not null && value.Trim().Length == 0)
        {
            Report(SpecDiagnosticIds.InvalidValue, node.Find(name)!.Value, $"'{name}' must not be empty");
            return null;
        }

        return value;
    }

    public JsonNode? GetObject(JsonNode node, string name, bool required) => Get(node, name, JsonNodeKind.Object, required, "an object");

    public JsonNode? GetArray(JsonNode node, string name, bool required) => Get(node, name, JsonNodeKind.Array, required, "an array");

    public bool? GetBoolean(JsonNode node, string name) => Get(node, name, JsonNodeKind.True, required: false, "true or false")?.Kind == JsonNodeKind.True
        ? true
        : node.Find(name)?.Value.Kind == JsonNodeKind.False ? false : null;

    public double? GetNumber(JsonNode node, string name) => Get(node, name, JsonNodeKind.Number, required: false, "a number")?.NumberValue;

    public long? GetInteger(JsonNode node, string name, bool required)
    {
        var value = Get(node, name, JsonNodeKind.Number, required, "an integer");
        if (value is null)
        {
            return null;
        }

        if (!value.IsIntegerLiteral || Math.Abs(value.NumberValue) > int.MaxValue)
        {
            Report(SpecDiagnosticIds.WrongJsonType, value, $"'{name}' must be an integer, not {value.RawText}");
            return null;
        }

        return (long)value.NumberValue;
    }

    /// <summary>
    /// Reads the array <paramref name="name"/> of <paramref name="node"/> whose entries are objects, as every list section
    /// of the spec is: an entry that is not an object is reported (as <paramref name="entry"/>) and skipped, each object is
    /// read by <paramref name="read"/>, which returns null for one it reported as broken. A missing or mistyped array reads as empty.
    /// </summary>
    public EquatableArray<T> ReadObjects<T>(JsonNode node, string name, bool required, string entry, Func<JsonNode, T?> read)
        where T : class, IEquatable<T>
    {
        var array = GetArray(node, name, required);
        if (array is null)
        {
            return EquatableArray<T>.Empty;
        }

        var result = new List<T>();
        foreach (var item in array.Items)
        {
            if (ExpectObject(item, entry) && read(item) is { } value)
            {
                result.Add(value);
            }
        }

        return result.ToEquatableArray();
    }

    public EquatableArray<string> GetStringArray(JsonNode node, string name)
    {
        var array = GetArray(node, name, required: false);
        if (array is null)
        {
            return EquatableArray<string>.Empty;
        }

        var result = new List<string>();
        foreach (var item in array.Items)
        {
            if (ExpectKind(item, JsonNodeKind.String, $"An entry of '{name}'"))
            {
                result.Add(item.StringValue!);
            }
        }

        return result.ToEquatableArray();
    }
}
