using System.Collections.Generic;
using System.Linq;
using ClovaCodegen.Generator.Helpers;
using ClovaCodegen.Generator.Model;
using ClovaCodegen.Spec.Model;

namespace ClovaCodegen.Generator.Emitters;

/// <summary>
/// Emits <c>ClovaWireFields</c> (opt-in, <c>ClovaCodegenGenerateFieldTables</c>, always internal): the spec's field lists
/// and documented ranges for code that meets request fields by name rather than through a builder, as ClovaCodegen's own
/// OpenAI SDK policy and Microsoft.Extensions.AI adapter do. With requests generated, the chat builder also learns to
/// set a numeric option by its wire name. Range checks throw exactly what <c>Build()</c> throws.
/// </summary>
internal static class FieldTablesEmitter
{
    public const string HintName = "ClovaWireFields.g.cs";

    public static string Emit(GeneratorOptions options, CompatSpec spec)
    {
        var chat = spec.FindEndpoint(EndpointSpec.ChatCompletions);
        var embeddings = spec.FindEndpoint(EndpointSpec.Embeddings);
        var writer = EmitterCommon.OpenFile(options);
        writer.Line("/// <summary>The spec's field lists and documented ranges, for code that meets request fields by name.</summary>");
        writer.Line(EmitterCommon.GeneratedCode);
        writer.Open("internal static class ClovaWireFields");
        EmitNameList(writer, "UnsupportedChat", "Chat fields with status <c>unsupported</c>", chat, FieldStatus.Unsupported);
        EmitNameList(writer, "ClovaOnlyChat", "Chat fields with status <c>clova-only</c>", chat, FieldStatus.ClovaOnly);
        EmitNameList(writer, "UnsupportedEmbeddings", "Embedding fields with status <c>unsupported</c>", embeddings, FieldStatus.Unsupported);

        writer.Line();
        writer.Line("/// <summary>The wire name of the chat field with native (camelCase) name <paramref name=\"nativeName\"/>, or null.</summary>");
        var natives = (chat?.Fields ?? default).SelectMany(f => f.NativeNames.Select(n => (Native: n, Wire: f.Name))).OrderBy(p => p.Native, System.StringComparer.Ordinal);
        EmitSwitch(writer, "public static string? ChatWireNameOf(string nativeName) => nativeName switch", natives.Select(p => (OptionField.Literal(p.Native), OptionField.Literal(p.Wire))), "null");

        writer.Line();
        writer.Line("/// <summary>The vector size the spec gives for embedding model <paramref name=\"model\"/>, or null.</summary>");
        var dimensions = (embeddings?.Models ?? default).Where(m => m.Dimension is not null).OrderBy(m => m.Name, System.StringComparer.Ordinal);
        EmitSwitch(writer, "public static int? EmbeddingDimensionOf(string model) => model switch", dimensions.Select(m => (OptionField.Literal(m.Name), m.Dimension!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture))), "null");

        EmitRangeCheck(writer, "CheckChatRange", "chat", chat is null ? new List<OptionField>() : RequestTypesEmitter.ChatOptions(chat));
        EmitRangeCheck(writer, "CheckEmbeddingRange", "embedding", embeddings is null ? new List<OptionField>() : RequestTypesEmitter.EmbeddingOptions(embeddings));
        writer.Close();

        if (options.GenerateRequests && chat is not null)
        {
            EmitSetByName(writer, RequestTypesEmitter.ChatOptions(chat));
        }

        return writer.Close().ToString();
    }

    private static void EmitNameList(SourceWriter writer, string name, string summary, EndpointSpec? endpoint, FieldStatus status)
    {
        var names = (endpoint?.Fields ?? default).Where(f => f.Status == status).Select(f => f.Name).OrderBy(n => n, System.StringComparer.Ordinal);
        writer.Line();
        writer.Line($"/// <summary>{summary}, in ordinal order.</summary>");
        writer.Line($"public static readonly string[] {name} = new string[] {{ {string.Join(", ", names.Select(OptionField.Literal))} }};");
    }

    private static void EmitSwitch(SourceWriter writer, string head, IEnumerable<(string Key, string Value)> arms, string fallback)
    {
        writer.Open(head);
        foreach (var (key, value) in arms)
        {
            writer.Line($"{key} => {value},");
        }

        writer.Line($"_ => {fallback},");
        writer.Close(";");
    }

    private static void EmitRangeCheck(SourceWriter writer, string method, string endpoint, List<OptionField> fields)
    {
        writer.Line();
        writer.Line($"/// <summary>Throws what the {endpoint} builder's <c>Build()</c> throws when <paramref name=\"value\"/> lies outside the documented range of field <paramref name=\"wireName\"/>; other fields pass.</summary>");
        writer.Line($"/// <exception cref=\"global::System.ArgumentOutOfRangeException\">The value lies outside its documented range; the parameter name is the wire field.</exception>");
        writer.Open($"public static void {method}(string wireName, double value)");
        writer.Open("switch (wireName)");
        foreach (var field in fields)
        {
            if (field.OutOfRangeCondition("value") is not { } condition)
            {
                continue;
            }

            writer.Line($"case {OptionField.Literal(field.WireName)}:").Indent();
            writer.Open($"if ({condition}{(field.Kind == OptionKind.Integer ? " || double.IsNaN(value)" : "")})");
            writer.Line($"throw new global::System.ArgumentOutOfRangeException({OptionField.Literal(field.WireName)}, value, {OptionField.Literal(field.RangeMessage)});");
            writer.Close();
            writer.Line();
            writer.Line("break;").Outdent();
        }

        writer.Close();
        writer.Close();
    }

    private static void EmitSetByName(SourceWriter writer, List<OptionField> fields)
    {
        writer.Line();
        writer.Open("partial class ChatCompletionRequestBuilder");
        writer.Line("/// <summary>Sets the numeric option <paramref name=\"wireName\"/> (values that arrive by name); false when it names none. <see cref=\"Build\"/> checks the range.</summary>");
        writer.Line("/// <exception cref=\"global::System.ArgumentException\">An integer field got a value with a fraction or beyond <see cref=\"int\"/>.</exception>");
        writer.Open("internal bool TrySetNumber(string wireName, double value)");
        writer.Open("switch (wireName)");
        foreach (var field in fields.Where(f => f.Kind is OptionKind.Integer or OptionKind.Number))
        {
            var argument = field.Kind == OptionKind.Integer ? "ToInt32(wireName, value)" : "value";
            writer.Line($"case {OptionField.Literal(field.WireName)}:").Indent();
            writer.Line($"{field.PropertyName}({argument});");
            writer.Line("return true;").Outdent();
        }

        writer.Line("default:").Indent();
        writer.Line("return false;").Outdent();
        writer.Close();
        writer.Close();
        writer.Line();
        writer.Open("private static int ToInt32(string wireName, double value)");
        writer.Open("if (value != global::System.Math.Floor(value) || value < int.MinValue || value > int.MaxValue)");
        writer.Line("throw new global::System.ArgumentException($\"{wireName} must be an integer; got {value}.\", wireName);");
        writer.Close();
        writer.Line();
        writer.Line("return (int)value;");
        writer.Close();
        writer.Close();
    }
}
