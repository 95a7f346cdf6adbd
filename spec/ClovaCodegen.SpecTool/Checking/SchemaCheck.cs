using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using ClovaCodegen.Spec.Diagnostics;
using Json.Schema;

namespace ClovaCodegen.SpecTool.Checking;

/// <summary>
/// The spec against its JSON Schema (<c>spec/clova-openai-compat.schema.json</c>, the one editors use), each violation
/// located at the value it is about, as <c>path(line,col): error schema: ...</c>. The reader's CLOVA1xx checks cover
/// the same format and more (ranges, duplicates, bindings); the schema is the contract editors and other languages see.
/// </summary>
internal static class SchemaCheck
{
    public const string Id = "schema";

    private const string ResourceName = "ClovaCodegen.SpecTool.clova-openai-compat.schema.json";

    private static readonly Lazy<JsonSchema> Schema = new(() =>
    {
        using var stream = typeof(SchemaCheck).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing.");
        using var reader = new StreamReader(stream);
        return JsonSchema.FromText(reader.ReadToEnd());
    });

    public static IReadOnlyList<SpecDiagnostic> Validate(string text, string path)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(bytes);
        }
        catch (JsonException)
        {
            return Array.Empty<SpecDiagnostic>(); // not JSON: the reader's CLOVA101 says where
        }

        using (document)
        {
            var results = Schema.Value.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.Hierarchical });
            if (results.IsValid)
            {
                return Array.Empty<SpecDiagnostic>();
            }

            var offsets = ValueOffsets(bytes);
            var lines = new LineIndex(text);
            var diagnostics = new List<SpecDiagnostic>();

            // Only down failing nodes: the failed branch of a oneOf that another branch satisfied is no problem.
            var failing = new Stack<EvaluationResults>();
            failing.Push(results);
            while (failing.Count > 0)
            {
                var node = failing.Pop();
                foreach (var child in node.Details ?? (IEnumerable<EvaluationResults>)Array.Empty<EvaluationResults>())
                {
                    if (!child.IsValid)
                    {
                        failing.Push(child);
                    }
                }

                if (node.Errors is not { Count: > 0 } errors)
                {
                    continue;
                }

                var pointer = node.InstanceLocation.ToString().TrimStart('#');
                var byteOffset = offsets.TryGetValue(pointer, out var found) ? found : 0;
                var offset = Encoding.UTF8.GetCharCount(bytes, 0, byteOffset);
                var (line, column) = lines.Locate(offset);
                var at = pointer.Length == 0 ? "/" : pointer;
                foreach (var error in errors)
                {
                    // additionalProperties: false evaluates each extra property against the false schema.
                    var message = error.Key.Length == 0
                        ? $"'{at.Substring(at.LastIndexOf('/') + 1)}' is not a property the schema allows here (at '{at}')"
                        : $"{error.Value} (at '{at}', schema keyword '{error.Key}')";
                    diagnostics.Add(new SpecDiagnostic(Id, SpecSeverity.Error, message, path, offset, 0, line, column, line, column));
                }
            }

            return diagnostics.Distinct().OrderBy(d => d.Offset).ToList();
        }
    }

    /// <summary>The byte offset where each value starts, by JSON Pointer (<c>/endpoints/0/fields/3</c>; the root is <c>""</c>).</summary>
    private static Dictionary<string, int> ValueOffsets(byte[] bytes)
    {
        var offsets = new Dictionary<string, int>(StringComparer.Ordinal);
        var containers = new List<(string Pointer, bool IsArray, int NextIndex)>();
        string? property = null;
        var reader = new Utf8JsonReader(bytes);
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName:
                    property = reader.GetString();
                    continue;
                case JsonTokenType.EndObject or JsonTokenType.EndArray:
                    containers.RemoveAt(containers.Count - 1);
                    continue;
            }

            // A value: named by the property before it, or by its index in the enclosing array.
            var pointer = "";
            if (containers.Count > 0)
            {
                var parent = containers[^1];
                if (parent.IsArray)
                {
                    pointer = parent.Pointer + "/" + parent.NextIndex.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    containers[^1] = parent with { NextIndex = parent.NextIndex + 1 };
                }
                else
                {
                    pointer = parent.Pointer + "/" + Escape(property ?? "");
                }
            }

            offsets[pointer] = (int)reader.TokenStartIndex;
            if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
            {
                containers.Add((pointer, reader.TokenType == JsonTokenType.StartArray, 0));
            }
        }

        return offsets;
    }

    private static string Escape(string name) => name.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);

    private sealed class LineIndex
    {
        private readonly List<int> _starts = new() { 0 };

        public LineIndex(string text)
        {
            for (var i = 0; i < text.Length; i++)
            {
                if (text[i] == '\n')
                {
                    _starts.Add(i + 1);
                }
            }
        }

        public (int Line, int Column) Locate(int offset)
        {
            var index = _starts.BinarySearch(offset);
            var line = index >= 0 ? index : ~index - 1;
            return (line, offset - _starts[line]);
        }
    }
}
