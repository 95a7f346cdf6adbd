using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ClovaCodegen.SpecTool.Writing;

/// <summary>
/// Writes a spec document in the layout of <c>spec/clova-openai-compat.json</c>: two-space indentation, and each model,
/// field and binding on one line, so that a probed spec differs from its original only on the lines that changed (a
/// reviewable pull request). The default spec written back unchanged is byte-identical to the file.
/// </summary>
internal static class SpecJsonWriter
{
    /// <summary>Arrays whose items are written one per line.</summary>
    private static readonly HashSet<string> OneLineItems = new(StringComparer.Ordinal) { "models", "fields", "bindings", "responseFormatTypes", "schemaKeywords" };

    private static readonly JsonSerializerOptions StringOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Write(JsonNode root)
    {
        var builder = new StringBuilder();
        WriteExpanded(builder, root, 0, key: null);
        return builder.Append('\n').ToString();
    }

    private static void WriteExpanded(StringBuilder builder, JsonNode? node, int indent, string? key)
    {
        switch (node)
        {
            case JsonObject obj when obj.Count > 0:
                builder.Append("{\n");
                var i = 0;
                foreach (var property in obj)
                {
                    builder.Append(' ', indent + 2).Append(Quote(property.Key)).Append(": ");
                    WriteExpanded(builder, property.Value, indent + 2, property.Key);
                    builder.Append(++i < obj.Count ? ",\n" : "\n");
                }

                builder.Append(' ', indent).Append('}');
                break;
            case JsonArray array when array.Count > 0 && (key is not null && OneLineItems.Contains(key) || array.Any(item => item is JsonObject or JsonArray)):
                builder.Append("[\n");
                for (var j = 0; j < array.Count; j++)
                {
                    builder.Append(' ', indent + 2);
                    if (key is not null && OneLineItems.Contains(key))
                    {
                        WriteInline(builder, array[j]);
                    }
                    else
                    {
                        WriteExpanded(builder, array[j], indent + 2, key: null);
                    }

                    builder.Append(j + 1 < array.Count ? ",\n" : "\n");
                }

                builder.Append(' ', indent).Append(']');
                break;
            default:
                WriteInline(builder, node);
                break;
        }
    }

    /// <summary>One line: <c>{ "name": "x", "type": ["string", "array"] }</c>.</summary>
    private static void WriteInline(StringBuilder builder, JsonNode? node)
    {
        switch (node)
        {
            case null:
                builder.Append("null");
                break;
            case JsonObject obj:
                if (obj.Count == 0)
                {
                    builder.Append("{}");
                    break;
                }

                builder.Append("{ ");
                builder.AppendJoin(", ", obj.Select(p =>
                {
                    var part = new StringBuilder(Quote(p.Key)).Append(": ");
                    WriteInline(part, p.Value);
                    return part.ToString();
                }));
                builder.Append(" }");
                break;
            case JsonArray array:
                builder.Append('[');
                builder.AppendJoin(", ", array.Select(item =>
                {
                    var part = new StringBuilder();
                    WriteInline(part, item);
                    return part.ToString();
                }));
                builder.Append(']');
                break;
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                builder.Append(Quote(value.GetValue<string>()));
                break;
            default:
                builder.Append(node.ToJsonString());
                break;
        }
    }

    private static string Quote(string text) => JsonSerializer.Serialize(text, StringOptions);
}
