using ClovaCodegen.Spec.Model;

namespace ClovaCodegen.Generator.Model;

/// <summary>When to emit the OpenAI SDK bridge.</summary>
internal enum OpenAIExtensionsMode
{
    Auto,
    Always,
    Never,
}

/// <summary>A problem with an MSBuild option, reported by the output step (equatable, unlike Diagnostic).</summary>
internal sealed record OptionProblem(string DescriptorId, EquatableArray<string> Arguments);

/// <summary>The MSBuild options the generator reads, parsed and validated.</summary>
internal sealed record GeneratorOptions(
    string Namespace,
    bool IsPublic,
    bool GenerateRequests,
    OpenAIExtensionsMode OpenAIExtensions,
    bool GenerateFieldTables,
    EquatableArray<OptionProblem> Problems)
{
    public const string DefaultNamespace = "ClovaCodegen.Requests";

    public string Accessibility => IsPublic ? "public" : "internal";
}

/// <summary>
/// What the consumer's compilation offers the generated code. <paramref name="HasRuntimeResponses"/>: the runtime's
/// response types (<c>ClovaChatResponseMessage</c>, <c>ClovaChatToolCall</c>) exist, so the generated messages take
/// their tool calls from a response instead of declaring a tool-call type of their own.
/// </summary>
internal sealed record CompilationFacts(bool HasRuntimeContracts, bool HasOpenAIChatOptions, bool HasSystemTextJson, bool HasJsonMetadataServices, bool HasRuntimeResponses = false)
{
    /// <summary>The runtime's structured-output types (<c>ClovaStructuredOutput&lt;T&gt;</c> and its reading helpers) exist.</summary>
    public bool HasStructuredOutputs { get; init; }
}

/// <summary>What a structured-output type's own file depends on besides the type: the namespace and whether the runtime is there.</summary>
internal sealed record StructuredOutputSettings(GeneratorOptions Options, bool HasStructuredOutputs);

/// <summary>Everything one generation needs: the spec (or its problems), the options and the compilation facts.</summary>
internal sealed record GenerationModel(ClovaCodegen.Spec.SpecReadResult Spec, GeneratorOptions Options, CompilationFacts Facts);
