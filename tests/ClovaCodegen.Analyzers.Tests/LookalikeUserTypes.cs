namespace ClovaCodegen.Analyzers.Tests;

/// <summary>
/// A user's own types that share simple names with ClovaCodegen's API, the generated builders and the SDK types the rules
/// look for (issue 14, finding 5). Rules compare symbols, so none of these may trigger or silence a rule. Append after
/// top-level statements.
/// </summary>
internal static class LookalikeUserTypes
{
    public const string Source = """

        namespace Lookalike
        {
            sealed class ClovaStudioClientOptions
            {
                public System.Uri? Endpoint { get; set; }
            }

            static class ClovaOpenAI
            {
                public static OpenAI.OpenAIClientOptions CreateClientOptions(System.Uri? endpoint = null) => new();
            }

            sealed class ChatCompletionRequest
            {
                public static ChatCompletionRequestBuilder Create(string model) => new();
            }

            sealed class ChatCompletionRequestBuilder
            {
                public ChatCompletionRequestBuilder User(string content) => this;
                public ChatCompletionRequestBuilder TopK(int value) => this;
                public object Build() => this;
            }

            sealed class JsonObject : System.Collections.IEnumerable
            {
                public object this[string key] { get => key; set { } }
                public System.Collections.IEnumerator GetEnumerator() => new object[0].GetEnumerator();
            }

            sealed class Options
            {
                public PatchBag Patch { get; } = new();
            }

            sealed class PatchBag
            {
                public void Set(System.ReadOnlySpan<byte> path, bool value) { }
            }
        }
        """;
}
