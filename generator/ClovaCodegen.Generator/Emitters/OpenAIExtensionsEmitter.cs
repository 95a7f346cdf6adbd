using System.Collections.Generic;
using System.Linq;
using ClovaCodegen.Generator.Model;
using ClovaCodegen.Spec.Model;

namespace ClovaCodegen.Generator.Emitters;

/// <summary>
/// Emits typed extension methods on the OpenAI SDK's <c>ChatCompletionOptions</c> for each CLOVA-only chat field, written
/// through the SDK's <c>Patch</c> API and validated against the same documented ranges as the builders.
/// </summary>
internal static class OpenAIExtensionsEmitter
{
    public const string HintName = "ClovaChatCompletionOptionsExtensions.g.cs";

    public static string? Emit(GeneratorOptions options, EndpointSpec chat)
    {
        var fields = chat.Fields
            .Where(f => f.Status == FieldStatus.ClovaOnly)
            .Select(f => new OptionField(f))
            .Where(f => f.Kind is OptionKind.Integer or OptionKind.Number or OptionKind.Boolean or OptionKind.String)
            .ToList();
        if (fields.Count == 0)
        {
            return null;
        }

        // Patch is experimental in the SDK (SCME0001); using it is the point of this bridge.
        var writer = EmitterCommon.OpenFile(options, "SCME0001", "OPENAI001");
        writer.Line("/// <summary>CLOVA Studio's own fields on the OpenAI SDK's chat options, sent through <c>Patch</c>.</summary>");
        writer.Line(EmitterCommon.GeneratedCode);
        writer.Open($"{options.Accessibility} static partial class ClovaChatCompletionOptionsExtensions");
        foreach (var field in fields)
        {
            writer.Line($"private static readonly byte[] s_path{field.PropertyName} = global::System.Text.Encoding.UTF8.GetBytes({OptionField.Literal("$." + field.WireName)});");
        }

        foreach (var field in fields)
        {
            writer.Line();
            writer.Line($"/// <summary>Sets {field.Documentation}</summary>");
            writer.Line($"/// <exception cref=\"global::System.ArgumentOutOfRangeException\">The value lies outside the documented range.</exception>");
            writer.Open($"public static global::OpenAI.Chat.ChatCompletionOptions Set{field.PropertyName}(this global::OpenAI.Chat.ChatCompletionOptions options, {field.ParameterDeclaration})");
            writer.Open("if (options is null)");
            writer.Line("throw new global::System.ArgumentNullException(nameof(options));");
            writer.Close();
            if (field.OutOfRangeCondition("value") is { } condition)
            {
                writer.Line();
                writer.Open($"if ({condition})");
                writer.Line($"throw new global::System.ArgumentOutOfRangeException({OptionField.Literal(field.WireName)}, value, {OptionField.Literal(field.RangeMessage)});");
                writer.Close();
            }

            writer.Line();
            writer.Line($"options.Patch.Set(s_path{field.PropertyName}, {field.ParameterName});");
            writer.Line("return options;");
            writer.Close();
        }

        writer.Close();
        return writer.Close().ToString();
    }
}
