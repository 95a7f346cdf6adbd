using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

using ClovaCodegen.Testing;

namespace ClovaCodegen.Analyzers.Benchmarks;

/// <summary>
/// A 1,000-file consumer that calls CLOVA Studio through the OpenAI SDK, MEAI and HttpClient (a JSON string and a
/// dictionary body) in every file. Most code is right; every 5th, 7th or 9th file carries a mistake (TopK through MEAI,
/// EndUserId and a client without ClovaCodegen.OpenAI's policy, logprobs in a body) so that every path up to reporting runs.
/// <see cref="CompilationWithoutMistakes"/> is the same project with every mistake left out: what the rules cost on code they
/// find nothing in (no diagnostic reported, and in <c>endpoint</c> scope no evidence search, which runs only for a finding).
/// </summary>
public static class SyntheticProject
{
    public const int FileCount = 1000;

    /// <summary>The analyzers the compiler loads (the hosts, each running its rules).</summary>
    public static readonly ImmutableArray<DiagnosticAnalyzer> Analyzers = ClovaRules.CreateHosts();

    private static readonly ImmutableArray<MetadataReference> References = CreateReferences();

    public static readonly ImmutableArray<SyntaxTree> Trees = Parse(withMistakes: true);

    private static readonly Lazy<ImmutableArray<SyntaxTree>> TreesWithoutMistakes = new(() => Parse(withMistakes: false));

    private static readonly CSharpCompilationOptions Options = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable)
        .WithSpecificDiagnosticOptions(new[] { "SCME0001", "OPENAI001", "MEAI001" }.ToDictionary(id => id, _ => ReportDiagnostic.Suppress));

    /// <summary>Analyzer options with <c>clova_codegen.scope</c> set as an .editorconfig would (null: the default, project).</summary>
    public static AnalyzerOptions AnalyzerOptions(string? scope) => scope is null
        ? new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty)
        : new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty, new ScopeOptionsProvider(scope));

    /// <summary>A fresh compilation (no cached binding) over the same parsed trees.</summary>
    public static CSharpCompilation Compilation() => CSharpCompilation.Create("Synthetic", Trees, References, Options);

    /// <summary>A fresh compilation of the same project with no mistake in any file.</summary>
    public static CSharpCompilation CompilationWithoutMistakes() => CSharpCompilation.Create("Synthetic", TreesWithoutMistakes.Value, References, Options);

    private static ImmutableArray<SyntaxTree> Parse(bool withMistakes) => Enumerable.Range(0, FileCount)
        .Select(i => CSharpSyntaxTree.ParseText(Source(i, withMistakes), new CSharpParseOptions(LanguageVersion.Latest), path: $"File{i}.cs"))
        .ToImmutableArray();

    // Each mistake is in every 5th, 7th or 9th file, or (without mistakes) in none.
    private static string Source(int i, bool withMistakes)
    {
        bool Every(int n) => withMistakes && i % n == 0;
        return Source(i, Every(5), Every(7), Every(9));
    }

    private static string Source(int i, bool fifth, bool seventh, bool ninth) => $$"""
        using System;
        using System.ClientModel;
        using System.Collections.Generic;
        using System.Net.Http;
        using System.Text;
        using System.Threading.Tasks;
        using Microsoft.Extensions.AI;
        using OpenAI;
        using OpenAI.Chat;
        using OpenAI.Embeddings;

        namespace Synthetic.Feature{{i}};

        public sealed class Service{{i}}
        {
            private const string BaseUrl = "https://clovastudio.stream.ntruss.com/v1/openai/";
            private readonly ChatClient _chat;
            private readonly EmbeddingClient _embeddings;
            private readonly HttpClient _http = new() { BaseAddress = new Uri(BaseUrl) };

            public Service{{i}}(string apiKey)
            {
                // Most files use ClovaCodegen.OpenAI's options (embeddings go out as "float"); every 7th forgets it.
                var options = {{(seventh ? "new OpenAIClientOptions { Endpoint = new Uri(BaseUrl) }" : "ClovaCodegen.OpenAI.ClovaOpenAI.CreateClientOptions(new Uri(BaseUrl))")}};
                var client = new OpenAIClient(new ApiKeyCredential(apiKey), options);
                _chat = client.GetChatClient("HCX-005");
                _embeddings = client.GetEmbeddingClient("bge-m3");
            }

            public async Task<string> AskAsync(string question, int attempt)
            {
                var options = new ChatCompletionOptions
                {
                    Temperature = 0.{{i % 10}}f,
                    TopP = 0.8f,
                    MaxOutputTokenCount = {{256 + i}},
                    {{(seventh ? "EndUserId = \"user-" + i + "\"," : "")}}
                };
                options.StopSequences.Add("###");
                var messages = new List<OpenAI.Chat.ChatMessage> { new SystemChatMessage("You are helpful."), new UserChatMessage(question) };
                for (var n = 0; n < attempt; n++)
                {
                    messages.Add(new UserChatMessage($"Retry {n}: {question}"));
                }

                ChatCompletion completion = await _chat.CompleteChatAsync(messages, options);
                return completion.Content[0].Text;
            }

            public async Task<float[]> EmbedAsync(string text)
            {
                var result = await _embeddings.GenerateEmbeddingAsync(text);
                return result.Value.ToFloats().ToArray();
            }

            public async Task<ChatResponse> AskMeaiAsync(IChatClient chat, string question)
            {
                var options = new ChatOptions { Temperature = 0.5f, MaxOutputTokens = 1024{{(fifth ? ", TopK = 3" : "")}} };
                return await chat.GetResponseAsync(question, options);
            }

            public async Task<string> RawAsync(string question)
            {
                var body = "{\"model\":\"HCX-005\",\"max_tokens\":512,\"messages\":[{\"role\":\"user\",\"content\":\"" + question + "\"}]}";
                using var response = await _http.PostAsync("chat/completions", new StringContent(body, Encoding.UTF8, "application/json"));
                var payload = new Dictionary<string, object> { ["model"] = "HCX-005", ["messages"] = new object[0], ["max_tokens"] = 512{{(ninth ? ", [\"logprobs\"] = true" : "")}} };
                using var second = await _http.PostAsync("chat/completions", new StringContent(System.Text.Json.JsonSerializer.Serialize(payload), Encoding.UTF8, "application/json"));
                return await response.Content.ReadAsStringAsync() + await second.Content.ReadAsStringAsync();
            }

            public static int Helper{{i}}(int x, int y)
            {
                var total = 0;
                for (var k = 0; k < x; k++)
                {
                    total += k * y % 7 == 0 ? k : -k;
                }

                return total + "{{i}}".Length;
            }
        }
        """;

    private static ImmutableArray<MetadataReference> CreateReferences()
    {
        var trusted = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p) is "netstandard.dll" or "mscorlib.dll" or "Microsoft.Bcl.AsyncInterfaces.dll");
        var extra = new[]
        {
            typeof(global::OpenAI.OpenAIClient), typeof(System.ClientModel.ApiKeyCredential), typeof(Microsoft.Extensions.AI.ChatOptions),
            typeof(Microsoft.Extensions.AI.OpenAIClientExtensions), typeof(ClovaCodegen.OpenAI.ClovaOpenAI), typeof(ClovaCodegen.ClovaStudioClient),
        }.Select(t => t.Assembly.Location);
        return trusted.Concat(extra).Distinct().Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToImmutableArray();
    }
}
