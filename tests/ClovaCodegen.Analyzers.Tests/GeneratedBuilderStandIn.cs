namespace ClovaCodegen.Analyzers.Tests;

/// <summary>
/// The shapes of the generator's request builders that the rules recognise (the generator's <c>[GeneratedCode]</c>, type
/// names, and setters named after wire fields in PascalCase), declared in the test source so a rule test needs no generator
/// run. Append after top-level statements.
/// </summary>
internal static class GeneratedBuilderStandIn
{
    public const string Source = """

        [System.CodeDom.Compiler.GeneratedCode("ClovaCodegen.Generator", "0.1.0")]
        sealed class ChatCompletionRequest
        {
            public static ChatCompletionRequestBuilder Create(string model) => new();
        }

        [System.CodeDom.Compiler.GeneratedCode("ClovaCodegen.Generator", "0.1.0")]
        sealed class ChatCompletionRequestBuilder
        {
            public ChatCompletionRequestBuilder User(string content) => this;
            public ChatCompletionRequestBuilder Temperature(double value) => this;
            public ChatCompletionRequestBuilder TopK(int value) => this;
            public ChatCompletionRequestBuilder MaxTokens(int value) => this;
            public ChatCompletionRequestBuilder ResponseFormat<T>() => this;
            public ChatCompletionRequestBuilder ResponseFormat(string json) => this;
            public ChatCompletionRequestBuilder JsonObjectResponse() => this;
            public ChatCompletionRequestBuilder AddTool(object tool) => this;
            public ChatCompletionRequestBuilder AddTools(System.Collections.Generic.IEnumerable<object> tools) => this;
            public ChatCompletionRequestBuilder AddFunctionTool(string name, string description, string parametersJsonSchema) => this;
            public ChatCompletionRequest Build() => new();
        }
        """;

    /// <summary>
    /// The same types in the generator's default namespace, <c>ClovaCodegen.Requests</c>, where samples/Mistakes names
    /// them: for tests that compile the sample without running the generator. Append after the sample's statements.
    /// </summary>
    public const string InDefaultNamespace = "\nnamespace ClovaCodegen.Requests\n{" + Source + "\n}\n";
}
