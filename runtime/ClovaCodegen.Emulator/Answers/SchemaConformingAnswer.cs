using System.IO;
using System.Linq;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using ClovaCodegen.Emulator.Validation;

namespace ClovaCodegen.Emulator.Answers;

/// <summary>
/// The emulator's answer to a <c>json_schema</c> request: JSON generated from the schema, the same for the same schema
/// and question. Every property is written (strict mode requires all), strings carry the property name and the
/// question, an enum or a type list takes its first non-null choice, an array holds one item, a local <c>$ref</c> is
/// followed (a recursive one becomes null, or an empty object or array, past a few levels).
/// </summary>
internal static class SchemaConformingAnswer
{
    private const int MaxDepth = 8;

    public static string Generate(JsonElement schema, string question)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            Write(writer, schema, schema, "value", question, 0);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void Write(Utf8JsonWriter writer, JsonElement node, JsonElement root, string name, string question, int depth)
    {
        if (node.ValueKind != JsonValueKind.Object)
        {
            writer.WriteNullValue();
            return;
        }

        if (node.TryGetProperty("$ref", out var reference) && reference.ValueKind == JsonValueKind.String && SchemaReferences.Resolve(root, reference.GetString()!) is { } target)
        {
            if (depth >= MaxDepth)
            {
                WriteEmpty(writer, target);
                return;
            }

            Write(writer, target, root, name, question, depth + 1);
            return;
        }

        if (node.TryGetProperty("const", out var constant))
        {
            constant.WriteTo(writer);
            return;
        }

        if (node.TryGetProperty("enum", out var values) && values.ValueKind == JsonValueKind.Array && values.GetArrayLength() > 0)
        {
            (values.EnumerateArray().Where(v => v.ValueKind != JsonValueKind.Null).Cast<JsonElement?>().FirstOrDefault() ?? values[0]).WriteTo(writer);
            return;
        }

        foreach (var combinator in new[] { "anyOf", "oneOf" })
        {
            if (node.TryGetProperty(combinator, out var options) && options.ValueKind == JsonValueKind.Array && options.GetArrayLength() > 0)
            {
                var choice = options.EnumerateArray().FirstOrDefault(o => TypeOf(o) != "null");
                Write(writer, choice.ValueKind == JsonValueKind.Undefined ? options[0] : choice, root, name, question, depth + 1);
                return;
            }
        }

        switch (TypeOf(node))
        {
            case "object":
                writer.WriteStartObject();
                if (node.TryGetProperty("properties", out var properties) && properties.ValueKind == JsonValueKind.Object && depth < MaxDepth)
                {
                    foreach (var property in properties.EnumerateObject())
                    {
                        writer.WritePropertyName(property.Name);
                        Write(writer, property.Value, root, property.Name, question, depth + 1);
                    }
                }

                writer.WriteEndObject();
                break;
            case "array":
                writer.WriteStartArray();
                if (node.TryGetProperty("items", out var items) && depth < MaxDepth)
                {
                    Write(writer, items, root, name, question, depth + 1);
                }

                writer.WriteEndArray();
                break;
            case "integer":
                writer.WriteNumberValue(1);
                break;
            case "number":
                writer.WriteNumberValue(1.5);
                break;
            case "boolean":
                writer.WriteBooleanValue(true);
                break;
            case "null":
                writer.WriteNullValue();
                break;
            default:
                writer.WriteStringValue(question.Length == 0 ? name : name + ": " + question);
                break;
        }
    }

    /// <summary>The first non-null type a schema allows ("string" when it names none).</summary>
    private static string TypeOf(JsonElement node)
    {
        if (node.ValueKind != JsonValueKind.Object || !node.TryGetProperty("type", out var type))
        {
            return node.ValueKind == JsonValueKind.Object && node.TryGetProperty("properties", out _) ? "object" : "string";
        }

        if (type.ValueKind == JsonValueKind.String)
        {
            return type.GetString()!;
        }

        var names = type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Where(t => t.ValueKind == JsonValueKind.String).Select(t => t.GetString()!).ToList() : new();
        return names.FirstOrDefault(t => t != "null") ?? names.FirstOrDefault() ?? "string";
    }

    private static void WriteEmpty(Utf8JsonWriter writer, JsonElement target)
    {
        var type = target.TryGetProperty("type", out var t) ? t.GetRawText() : "";
        if (type.Contains("\"null\"", System.StringComparison.Ordinal))
        {
            writer.WriteNullValue();
        }
        else if (TypeOf(target) == "array")
        {
            writer.WriteStartArray();
            writer.WriteEndArray();
        }
        else
        {
            writer.WriteStartObject();
            writer.WriteEndObject();
        }
    }
}
