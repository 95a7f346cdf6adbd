using System.Collections.Generic;
using System.Linq;
using ClovaCodegen.Generator.Model;
using ClovaCodegen.Spec.Model;

namespace ClovaCodegen.Generator.Emitters;

/// <summary>
/// What ties the structured-output types to requests and answers: <c>ClovaStructuredOutputs.For&lt;T&gt;()</c> (a
/// typeof lookup the JIT and Native AOT fold, no reflection), <c>ResponseFormat&lt;T&gt;()</c> and
/// <c>JsonObjectResponse()</c> on the chat builder, and <c>completion.ReadAs&lt;T&gt;()</c>.
/// </summary>
internal static class StructuredOutputRegistryEmitter
{
    public const string HintName = "ClovaStructuredOutputs.g.cs";

    private const string Builder = "ChatCompletionRequestBuilder";

    /// <summary>
    /// The file, or null when there is nothing to write: the chat builder needs a chat endpoint that accepts
    /// <c>response_format</c>, and <c>For&lt;T&gt;</c> and <c>ReadAs&lt;T&gt;</c> need the runtime's structured-output types.
    /// </summary>
    public static string? Emit(GeneratorOptions options, CompatSpec spec, CompilationFacts facts, IReadOnlyList<StructuredOutputModel> types)
    {
        var chat = spec.FindEndpoint(EndpointSpec.ChatCompletions);
        var builder = options.GenerateRequests && facts.HasSystemTextJson && chat?.FindField("response_format") is { IsAccepted: true };
        if (!builder && !facts.HasStructuredOutputs)
        {
            return null;
        }

        var writer = EmitterCommon.OpenFile(options);
        if (facts.HasStructuredOutputs)
        {
            writer.Line("/// <summary>The structured outputs of the types marked <c>[ClovaStructuredOutput]</c> in this project.</summary>");
            writer.Line(EmitterCommon.GeneratedCode);
            writer.Open($"{options.Accessibility} static partial class ClovaStructuredOutputs");
            writer.Line("/// <summary>The structured output of <typeparamref name=\"T\"/>: its JSON Schema, <c>response_format</c> and reader.</summary>");
            writer.Line("/// <exception cref=\"global::System.InvalidOperationException\"><typeparamref name=\"T\"/> is not marked <c>[ClovaStructuredOutput]</c> in this project, or CLOVA205 stopped its generation.</exception>");
            writer.Line("public static global::ClovaCodegen.ClovaStructuredOutput<T> For<T>() =>");
            writer.Line("    Cache<T>.Value ?? throw new global::System.InvalidOperationException(\"No structured output is generated for \" + typeof(T).FullName + \": mark the type [ClovaCodegen.ClovaStructuredOutput] in this project (and fix any CLOVA205 on it).\");");
            writer.Line();
            writer.Open("private static object? Find(global::System.Type type)");
            foreach (var type in types.Where(t => t.CanGenerate).OrderBy(t => t.SafeName, System.StringComparer.Ordinal))
            {
                writer.Open($"if (type == typeof({type.TypeName}))").Line($"return {type.SafeName};").Close();
                writer.Line();
            }

            writer.Line("return null;");
            writer.Close();
            writer.Line();
            writer.Open("private static class Cache<T>");
            writer.Line("public static readonly global::ClovaCodegen.ClovaStructuredOutput<T>? Value = (global::ClovaCodegen.ClovaStructuredOutput<T>?)Find(typeof(T));");
            writer.Close();
            writer.Close();
        }

        if (builder)
        {
            var models = spec.FindCapability(CapabilitySpec.StructuredOutputs) is { Models.IsEmpty: false } capability
                ? $" The spec lists {string.Join(", ", capability.Models.Select(m => "<c>" + OptionField.Xml(m) + "</c>"))} for structured outputs{(capability.Uncertain ? " (uncertain for this endpoint)" : "")}."
                : "";
            writer.Line();
            writer.Open($"{options.Accessibility} sealed partial class {Builder}");
            if (facts.HasStructuredOutputs)
            {
                writer.Line($"/// <summary>Asks for an answer in the shape of <typeparamref name=\"T\"/> (wire field <c>response_format</c>: <c>json_schema</c>, strict, with the schema generated at compile time).{models}</summary>");
                writer.Line("/// <exception cref=\"global::System.InvalidOperationException\"><typeparamref name=\"T\"/> is not marked <c>[ClovaStructuredOutput]</c>.</exception>");
                writer.Line($"public {Builder} ResponseFormat<T>() => ResponseFormat(ClovaStructuredOutputs.For<T>().ResponseFormatJson);");
                writer.Line();
            }

            writer.Line("/// <summary>Asks for any JSON object (wire field <c>response_format</c>: <c>{\"type\":\"json_object\"}</c>, OpenAI's JSON mode; the spec marks it uncertain for CLOVA Studio). Say in a message that the answer must be JSON.</summary>");
            writer.Line($"public {Builder} JsonObjectResponse() => ResponseFormat(\"{{\\\"type\\\":\\\"json_object\\\"}}\");");
            writer.Close();
        }

        if (facts.HasStructuredOutputs && facts.HasRuntimeResponses)
        {
            writer.Line();
            writer.Line("/// <summary>Reads chat answers as structured-output types.</summary>");
            writer.Line(EmitterCommon.GeneratedCode);
            writer.Open($"{options.Accessibility} static class ClovaStructuredOutputCompletionExtensions");
            writer.Line("/// <summary>Reads the first choice's text as <typeparamref name=\"T\"/>, with the reader generated for it.</summary>");
            writer.Line("/// <exception cref=\"global::ClovaCodegen.ClovaStructuredOutputException\">The answer is not JSON or does not fit <typeparamref name=\"T\"/>; the exception carries the text.</exception>");
            writer.Line("/// <exception cref=\"global::System.InvalidOperationException\"><typeparamref name=\"T\"/> is not marked <c>[ClovaStructuredOutput]</c>.</exception>");
            writer.Line("public static T ReadAs<T>(this global::ClovaCodegen.ClovaChatCompletion completion) =>");
            writer.Line("    global::ClovaCodegen.ClovaStructuredOutputExtensions.ReadAs(completion, ClovaStructuredOutputs.For<T>());");
            writer.Close();
        }

        return writer.Close().ToString();
    }
}
