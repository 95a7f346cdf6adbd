using System.Collections.Generic;
using System.Linq;
using ClovaCodegen.Generator.Model;
using ClovaCodegen.Spec.Model;

namespace ClovaCodegen.Generator.Emitters;

/// <summary>The wire-name table: <c>ClovaJsonNames</c>, every JSON name the generated types write, encoded once.</summary>
internal static partial class RequestTypesEmitter
{
    public const string NamesHintName = "ClovaJsonNames.g.cs";

    /// <summary>
    /// The JSON names of the message, tool and request structure, with the C# member that holds each encoded. Option
    /// fields (the spec's) are named <c>Field_</c> plus their PascalCase name, so they can never collide with these.
    /// </summary>
    private static readonly Dictionary<string, string> StructuralNames = new()
    {
        ["role"] = "Role", ["content"] = "Content", ["tool_call_id"] = "ToolCallId", ["tool_calls"] = "ToolCalls", ["id"] = "Id",
        ["type"] = "Type", ["function"] = "Function", ["name"] = "Name", ["arguments"] = "Arguments", ["description"] = "Description",
        ["parameters"] = "Parameters", ["model"] = "Model", ["messages"] = "Messages", ["stream"] = "Stream", ["tools"] = "Tools",
        ["tool_choice"] = "ToolChoice", ["input"] = "Input", ["encoding_format"] = "EncodingFormat",
    };

    /// <summary>Fields the chat types model structurally rather than as options.</summary>
    private static readonly HashSet<string> ChatStructural = new() { "model", "messages", "stream", "tools", "tool_choice" };

    /// <summary>Fields the embedding types model structurally rather than as options.</summary>
    private static readonly HashSet<string> EmbeddingStructural = new() { "model", "input", "encoding_format" };

    /// <summary>The <c>ClovaJsonNames</c> member that holds <paramref name="wireName"/> encoded.</summary>
    public static string NameOf(string wireName) =>
        StructuralNames.TryGetValue(wireName, out var name) ? name : "Field_" + OptionField.ToPascalCase(wireName);

    public static string EmitNames(GeneratorOptions options, CompatSpec spec)
    {
        var names = new SortedDictionary<string, string>(StructuralNames, System.StringComparer.Ordinal);
        foreach (var field in spec.Endpoints.SelectMany(e => e.Fields).Where(f => f.IsAccepted))
        {
            names[field.Name] = NameOf(field.Name);
        }

        var writer = EmitterCommon.OpenFile(options);
        writer.Line("/// <summary>Wire names, encoded once, and the writer options the generated types use.</summary>");
        writer.Line(EmitterCommon.GeneratedCode);
        writer.Open("internal static class ClovaJsonNames");
        writer.Line("/// <summary>Writes non-ASCII text (Korean prompts) as raw UTF-8 instead of six-byte \\uXXXX escapes.</summary>");
        writer.Line("public static readonly global::System.Text.Json.JsonWriterOptions WriterOptions = new global::System.Text.Json.JsonWriterOptions { Encoder = global::System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };");
        foreach (var pair in names)
        {
            writer.Line($"public static readonly global::System.Text.Json.JsonEncodedText {pair.Value} = global::System.Text.Json.JsonEncodedText.Encode({OptionField.Literal(pair.Key)});");
        }

        writer.Line();
        writer.Line("/// <summary>The JSON name of a wire field.</summary>");
        writer.Open("public static global::System.Text.Json.JsonEncodedText Of(string wireName) => wireName switch");
        foreach (var pair in names)
        {
            writer.Line($"{OptionField.Literal(pair.Key)} => {pair.Value},");
        }

        writer.Line("_ => global::System.Text.Json.JsonEncodedText.Encode(wireName),");
        writer.Close(";");
        writer.Close();
        return writer.Close().ToString();
    }
}
