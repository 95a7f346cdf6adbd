using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using ClovaCodegen;
using Microsoft.Extensions.AI;

namespace ClovaCodegen.Extensions.AI;

/// <summary>Writes option values, tool arguments and tool results without reflection for the common types.</summary>
internal static class JsonValues
{
    public static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void Write(Utf8JsonWriter writer, object? value) => Write(writer, value, AIJsonUtilities.DefaultOptions);

    /// <summary>
    /// Writes <paramref name="value"/>: JSON values and the common primitives directly, anything else through
    /// <paramref name="options"/>' metadata for its type (no reflection under Native AOT: a type the options' resolver does
    /// not know throws <see cref="NotSupportedException"/>).
    /// </summary>
    public static void Write(Utf8JsonWriter writer, object? value, JsonSerializerOptions options)
    {
        switch (value)
        {
            case null: writer.WriteNullValue(); break;
            case string s: writer.WriteStringValue(s); break;
            case bool b: writer.WriteBooleanValue(b); break;
            case int i: writer.WriteNumberValue(i); break;
            case long l: writer.WriteNumberValue(l); break;
            case short sh: writer.WriteNumberValue(sh); break;
            case byte by: writer.WriteNumberValue(by); break;
            case uint ui: writer.WriteNumberValue(ui); break;
            case ulong ul: writer.WriteNumberValue(ul); break;
            case float f: writer.WriteNumberValue(f); break;
            case double d: writer.WriteNumberValue(d); break;
            case decimal m: writer.WriteNumberValue(m); break;
            case JsonElement element: element.WriteTo(writer); break;
            case JsonDocument document: document.RootElement.WriteTo(writer); break;
            case JsonNode node: node.WriteTo(writer); break;
            case IEnumerable<string> strings:
                writer.WriteStartArray();
                foreach (var item in strings)
                {
                    writer.WriteStringValue(item);
                }

                writer.WriteEndArray();
                break;
            default:
                // Anything else goes through the serializer options (by default MEAI's own, source-generated for MEAI's
                // types; a type they cannot describe throws NotSupportedException rather than falling back to reflection under AOT).
                JsonSerializer.Serialize(writer, value, options.GetTypeInfo(value.GetType()));
                break;
        }
    }

    public static string ToJsonString(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Tool-call arguments as the JSON string CLOVA Studio expects (never a JSON object).</summary>
    public static string Arguments(IDictionary<string, object?>? arguments) => ToJsonString(writer =>
    {
        writer.WriteStartObject();
        if (arguments is not null)
        {
            foreach (var pair in arguments)
            {
                writer.WritePropertyName(pair.Key);
                Write(writer, pair.Value);
            }
        }

        writer.WriteEndObject();
    });

    /// <summary>
    /// The arguments of a call of <paramref name="tool"/> as a JSON object, for its generated reader. JSON values are
    /// written as they are; a CLR value of a parameter's enum, list or record type with the tool's generated writer (so an
    /// enum member goes by the JSON name its schema lists, <c>[JsonStringEnumMemberName]</c> included); strings, numbers
    /// and booleans directly; anything else through <paramref name="options"/>. A value <paramref name="options"/> cannot
    /// write is the caller's mistake, not the model's: an <see cref="ArgumentException"/> that names the argument and its type.
    /// </summary>
    public static string Arguments(IDictionary<string, object?> arguments, JsonSerializerOptions options, ClovaTool tool)
    {
        // The runtime's per-thread writer: a tool call through FunctionInvokingChatClient costs the arguments' string only.
        var text = ClovaToolJsonWriter.Start();
        var writer = text.Json;
        writer.WriteStartObject();
        foreach (var pair in arguments)
        {
            writer.WritePropertyName(pair.Key);
            try
            {
                if (pair.Value is not JsonElement && tool.TryWriteArgument(writer, pair.Key, pair.Value))
                {
                    continue;
                }

                if (pair.Value is Enum value)
                {
                    // An enum that is not a parameter's type (the tool's writer knows those): by its C# name.
                    writer.WriteStringValue(value.ToString());
                }
                else
                {
                    Write(writer, pair.Value, options);
                }
            }
            catch (Exception ex) when (ex is NotSupportedException or InvalidOperationException)
            {
                throw new ArgumentException(
                    $"The argument '{pair.Key}' of tool '{tool.Name}' is a {pair.Value!.GetType()}, which the serializer options cannot write without reflection: "
                    + "pass it as a JsonElement or a primitive, or pass AsAIFunctions serializer options whose resolver knows the type.",
                    nameof(arguments),
                    ex);
            }
        }

        writer.WriteEndObject();
        return text.Finish();
    }

    /// <summary>A tool result as the string content of a <c>tool</c> message.</summary>
    public static string Result(object? result) => result switch
    {
        null => "",
        string s => s,
        JsonElement { ValueKind: JsonValueKind.String } e => e.GetString() ?? "",
        _ => ToJsonString(writer => Write(writer, result)),
    };

    /// <summary>Parses tool-call arguments into the dictionary FunctionCallContent carries (values are JsonElements).</summary>
    public static IDictionary<string, object?>? ParseArguments(string json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return new Dictionary<string, object?>();
        }

        using var document = JsonDocument.Parse(json);
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException("Tool-call arguments are not a JSON object.");
        }

        var arguments = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var property in document.RootElement.EnumerateObject())
        {
            arguments[property.Name] = property.Value.Clone();
        }

        return arguments;
    }
}
