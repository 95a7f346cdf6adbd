using System.Linq;
using System.Threading.Tasks;
using Xunit;

namespace ClovaCodegen.Analyzers.Tests.Rules;

/// <summary>clova_codegen.scope: project (default) checks all code; endpoint only call sites that provably talk to CLOVA Studio.</summary>
public class ScopeTests
{
    private const string OpenAIOnly = """
        using OpenAI;
        using OpenAI.Chat;
        var client = new OpenAIClient(new System.ClientModel.ApiKeyCredential(System.Environment.GetEnvironmentVariable("K")!),
            new OpenAIClientOptions { Endpoint = new System.Uri("https://api.openai.com/v1") });
        var options = new ChatCompletionOptions { EndUserId = "u", MaxOutputTokenCount = 10 };
        client.GetChatClient("gpt-4o").CompleteChat(new OpenAI.Chat.ChatMessage[] { new UserChatMessage("hi") }, options);
        """;

    [Theory]
    [InlineData(null, true)]
    [InlineData("project", true)]
    [InlineData("endpoint", false)]
    public async Task A_file_that_only_calls_api_openai_com_is_checked_only_in_project_scope(string? scope, bool reported)
    {
        var diagnostics = await AnalyzerHarness.AnalyzeAsync(OpenAIOnly, scope: scope);

        Assert.Equal(reported, diagnostics.Any(d => d.Id == "CLOVA001"));
        Assert.Equal(reported, diagnostics.Any(d => d.Id == "CLOVA004"));
    }

    [Fact]
    public async Task A_file_with_a_clova_endpoint_is_checked_in_endpoint_scope()
    {
        var source = OpenAIOnly.Replace("https://api.openai.com/v1", "https://clovastudio.stream.ntruss.com/v1/openai/");

        var diagnostics = await AnalyzerHarness.AnalyzeAsync(source, scope: "endpoint");

        Assert.Contains(diagnostics, d => d.Id == "CLOVA001");
        Assert.Contains(diagnostics, d => d.Id == "CLOVA004");
    }

    /// <summary>One class, two clients: only the CLOVA one's options, models and bodies are checked in endpoint scope.</summary>
    private const string TwoClients = """
        using System;
        using System.ClientModel;
        using System.Collections.Generic;
        using System.Net.Http;
        using Microsoft.Extensions.AI;
        using OpenAI;
        using OpenAI.Chat;
        using OpenAI.Embeddings;

        new Assistant(Environment.GetEnvironmentVariable("K")!).AskClova();

        class Assistant
        {
            private const string ClovaBase = "https://clovastudio.stream.ntruss.com/v1/openai/";
            private readonly ChatClient _clova;
            private readonly ChatClient _openai;
            private readonly EmbeddingClient _clovaEmbeddings;
            private readonly EmbeddingClient _openaiEmbeddings;
            private readonly HttpClient _http = new HttpClient();

            public Assistant(string key)
            {
                var clovaOptions = new OpenAIClientOptions { Endpoint = new Uri(ClovaBase) };
                var clova = new OpenAIClient(new ApiKeyCredential(key), clovaOptions);
                _clova = clova.GetChatClient({|CLOVA004:"gpt-4o"|});
                _clovaEmbeddings = clova.GetEmbeddingClient("bge-m3");
                var openai = new OpenAIClient(new ApiKeyCredential(key));
                _openai = openai.GetChatClient("gpt-4o");
                _openaiEmbeddings = openai.GetEmbeddingClient("text-embedding-3-small");
            }

            public void AskClova()
            {
                var options = new ChatCompletionOptions { {|CLOVA001:EndUserId|} = "u", TopP = {|CLOVA006:1.5f|}, MaxOutputTokenCount = 10 };
                _clova.CompleteChat(new OpenAI.Chat.ChatMessage[] { new UserChatMessage("hi") }, options);
                {|CLOVA008:_clova.CompleteChat(new OpenAI.Chat.ChatMessage[] { new UserChatMessage("no max tokens") })|};
            }

            public void AskOpenAI()
            {
                var options = new ChatCompletionOptions { EndUserId = "u", TopP = 1.5f, MaxOutputTokenCount = 10 };
                _openai.CompleteChat(new OpenAI.Chat.ChatMessage[] { new UserChatMessage("hi") }, options);
                _openai.CompleteChat(new OpenAI.Chat.ChatMessage[] { new UserChatMessage("no max tokens") });
            }

            public void Embed()
            {
                {|CLOVA002:_clovaEmbeddings.GenerateEmbedding("a")|};
                _openaiEmbeddings.GenerateEmbedding("a");
            }

            public void AskThroughMeai()
            {
                IChatClient clova = _clova.AsIChatClient();
                var clovaOptions = new ChatOptions { {|CLOVA009:TopK|} = 5, MaxOutputTokens = 10 };
                clova.GetResponseAsync("hi", clovaOptions);
                IChatClient openai = _openai.AsIChatClient();
                var openaiOptions = new ChatOptions { TopK = 5, MaxOutputTokens = 10 };
                openai.GetResponseAsync("hi", openaiOptions);
            }

            public void PostToClova()
            {
                var body = new Dictionary<string, object> { ["model"] = "HCX-005", ["messages"] = new object[0], [{|CLOVA001:"logprobs"|}] = true, [{|CLOVA005:"topK"|}] = 5, ["max_tokens"] = 10 };
                var content = new StringContent(System.Text.Json.JsonSerializer.Serialize(body));
                _http.PostAsync(ClovaBase + "chat/completions", content);
            }

            public void PostToOpenAI()
            {
                var body = new Dictionary<string, object> { ["model"] = "gpt-4o", ["messages"] = new object[0], ["logprobs"] = true, ["topK"] = 5 };
                var content = new StringContent(System.Text.Json.JsonSerializer.Serialize(body));
                _http.PostAsync("https://api.openai.com/v1/chat/completions", content);
            }
        }
        """;

    [Fact]
    public Task Endpoint_scope_follows_options_and_bodies_to_their_client_through_locals_fields_and_constructors() =>
        ClovaVerifier.VerifyAsync(TwoClients, scope: "endpoint");

    /// <summary>
    /// The search finds where a variable is written by looking for its name in the text: a verbatim identifier (<c>@base</c>)
    /// is a use, while a comment, a string or a longer name that contains the name is not.
    /// </summary>
    private const string LookalikeNames = """
        using System;
        using System.ClientModel;
        using OpenAI;
        using OpenAI.Chat;

        new Service(Environment.GetEnvironmentVariable("K")!).Ask();

        class Service
        {
            private readonly ChatClient _chat; // _chat is set in the constructor
            private readonly ChatClient _chatForOpenAI;

            public Service(string key)
            {
                OpenAIClientOptions @base;
                @base = new OpenAIClientOptions { Endpoint = new Uri("https://clovastudio.stream.ntruss.com/v1/openai/") };
                Console.WriteLine("_chat and base");
                _chatForOpenAI = new OpenAIClient(new ApiKeyCredential(key)).GetChatClient("gpt-4o");
                _chat = new OpenAIClient(new ApiKeyCredential(key), @base).GetChatClient("HCX-005");
            }

            public void Ask()
            {
                var options = new ChatCompletionOptions { {|CLOVA001:EndUserId|} = "u", MaxOutputTokenCount = 10 };
                _chat.CompleteChat(new ChatMessage[] { new UserChatMessage("hi") }, options);
                var other = new ChatCompletionOptions { EndUserId = "u", MaxOutputTokenCount = 10 };
                _chatForOpenAI.CompleteChat(new ChatMessage[] { new UserChatMessage("hi") }, other);
            }
        }
        """;

    [Fact]
    public Task Endpoint_scope_finds_a_variables_writes_by_name_including_verbatim_identifiers_and_not_lookalikes() =>
        ClovaVerifier.VerifyAsync(LookalikeNames, scope: "endpoint");

    /// <summary>
    /// A field's origins are the statements that write it (<c>this.x = ...</c>) or configure it (<c>x.Headers.Add(...)</c>),
    /// told from the syntax around each mention; a statement that only reads it (passes it to a method) is none, even with
    /// a CLOVA host beside it.
    /// </summary>
    private const string WrittenConfiguredAndRead = """
        using System.Collections.Generic;
        using System.Net.Http;
        using System.Text.Json;

        new Poster().Post();

        class Poster
        {
            private readonly HttpClient _clova;
            private readonly HttpClient _other;

            public Poster()
            {
                this._clova = new HttpClient();
                _clova.DefaultRequestHeaders.Add("Referer", "https://clovastudio.stream.ntruss.com/");
                _other = new HttpClient();
                Log(_other, "https://clovastudio.stream.ntruss.com/");
            }

            private static void Log(HttpClient client, string note) => System.Console.WriteLine(note + client.Timeout);

            public void Post()
            {
                var body = new Dictionary<string, object> { ["model"] = "HCX-005", ["messages"] = new object[0], [{|CLOVA001:"logprobs"|}] = true, ["max_tokens"] = 10 };
                _clova.PostAsync("chat/completions", new StringContent(JsonSerializer.Serialize(body)));
                var other = new Dictionary<string, object> { ["model"] = "HCX-005", ["messages"] = new object[0], ["logprobs"] = true, ["max_tokens"] = 10 };
                _other.PostAsync("chat/completions", new StringContent(JsonSerializer.Serialize(other)));
            }
        }
        """;

    [Fact]
    public Task Endpoint_scope_takes_a_fields_writes_and_configuring_calls_as_origins_and_not_its_reads() =>
        ClovaVerifier.VerifyAsync(WrittenConfiguredAndRead, scope: "endpoint");

    /// <summary>
    /// The host is in an interpolated string's text, and the client is written by an assignment after its declaration, next
    /// to a longer name that starts with the client's (<c>clientOptions</c>): the search reads the written mention, not the
    /// longer name, and finds the host in the interpolated text.
    /// </summary>
    private const string InterpolatedHostAssignedClient = """
        using System;
        using System.ClientModel;
        using OpenAI;
        using OpenAI.Chat;

        var version = Environment.GetEnvironmentVariable("V");
        var key = Environment.GetEnvironmentVariable("K")!;
        OpenAIClient client;
        var clientOptions = new OpenAIClientOptions { Endpoint = new Uri($"https://clovastudio.stream.ntruss.com/{version}/openai/") };
        client = new OpenAIClient(new ApiKeyCredential(key), clientOptions);
        var options = new ChatCompletionOptions { {|CLOVA001:EndUserId|} = "u", MaxOutputTokenCount = 10 };
        client.GetChatClient("HCX-005").CompleteChat(new ChatMessage[] { new UserChatMessage("hi") }, options);
        """;

    [Fact]
    public Task Endpoint_scope_finds_a_host_in_interpolated_text_through_a_later_assignment() =>
        ClovaVerifier.VerifyAsync(InterpolatedHostAssignedClient, scope: "endpoint");

    [Fact]
    public Task Endpoint_scope_finds_no_clova_host_in_interpolated_text_of_another_host() =>
        ClovaVerifier.VerifyAsync(
            InterpolatedHostAssignedClient.Replace("clovastudio.stream.ntruss.com/{version}/openai/", "api.openai.com/{version}/").Replace("{|CLOVA001:EndUserId|}", "EndUserId"),
            scope: "endpoint");

    [Fact]
    public async Task Project_scope_checks_both_clients()
    {
        var (source, _) = AnalyzerHarness.Parse(TwoClients);

        var diagnostics = await AnalyzerHarness.AnalyzeAsync(source, scope: "project");

        // Each finding on the CLOVA path is also reported on the OpenAI path.
        var (_, expectedInEndpointScope) = AnalyzerHarness.Parse(TwoClients);
        foreach (var id in expectedInEndpointScope.Select(e => e.Id).Distinct())
        {
            Assert.True(diagnostics.Count(d => d.Id == id) >= 2 * expectedInEndpointScope.Count(e => e.Id == id), $"{id} should be reported on both paths in project scope");
        }
    }

    /// <summary>Issue 14, finding 8: other providers' connectors have DTOs named like ours; a name proves nothing.</summary>
    private const string ForeignDto = """
        using System;
        using System.ClientModel;
        using OpenAI;
        using OpenAI.Chat;
        using OtherProvider;

        Console.WriteLine();

        sealed class Connector
        {
            private readonly ChatClient _chat = new OpenAIClient(new ApiKeyCredential(Environment.GetEnvironmentVariable("K")!)).GetChatClient("gpt-4o");

            public void Ask()
            {
                var request = new ChatCompletionRequest { Model = "gpt-4o" };
                var options = new ChatCompletionOptions { EndUserId = "u", TopP = 1.5f, MaxOutputTokenCount = 10 };
                _chat.CompleteChat(new ChatMessage[] { new UserChatMessage(request.Model!) }, options);
            }
        }

        namespace OtherProvider
        {
            [ChatCompletionRequest]
            sealed class ChatCompletionRequest : Attribute
            {
                public string? Model { get; set; }
            }
        }
        """;

    [Fact]
    public Task Finding8_in_endpoint_scope_a_foreign_type_named_like_ours_is_no_evidence() => ClovaVerifier.VerifyAsync(ForeignDto, scope: "endpoint");

    [Fact]
    public Task Finding8_in_endpoint_scope_our_generated_request_is_evidence() => ClovaVerifier.VerifyAsync(
        ForeignDto.Replace("using OtherProvider;", "using ClovaCodegen.Requests;").Replace("namespace OtherProvider", "namespace ClovaCodegen.Requests")
            .Replace("EndUserId = \"u\", TopP = 1.5f", "{|CLOVA001:EndUserId|} = \"u\", TopP = {|CLOVA006:1.5f|}")
            .Replace(".GetChatClient(\"gpt-4o\")", ".GetChatClient({|CLOVA004:\"gpt-4o\"|})"),
        scope: "endpoint");

    /// <summary>
    /// A settings class whose URL defaults to CLOVA: an object initializer that sets the URL gives it a new value, so the
    /// default it replaces is no evidence that the client it configures talks to CLOVA.
    /// </summary>
    private const string OverwrittenDefault = """
        using System;
        using System.ClientModel;
        using OpenAI;
        using OpenAI.Chat;

        Console.WriteLine();

        sealed class Settings
        {
            public string Url { get; set; } = "https://clovastudio.stream.ntruss.com/v1/openai/";
        }

        sealed class Connector
        {
            public void Ask()
            {
                var settings = new Settings { Url = "https://api.openai.com/v1" };
                var client = new OpenAIClient(new ApiKeyCredential(Environment.GetEnvironmentVariable("K")!), new OpenAIClientOptions { Endpoint = new Uri(settings.Url) });
                var options = new ChatCompletionOptions { EndUserId = "u", MaxOutputTokenCount = 10 };
                client.GetChatClient("HCX-005").CompleteChat(new ChatMessage[] { new UserChatMessage("hi") }, options);
            }
        }
        """;

    [Fact]
    public Task Endpoint_scope_takes_no_evidence_from_a_default_an_object_initializer_overwrites() =>
        ClovaVerifier.VerifyAsync(OverwrittenDefault, scope: "endpoint");

    [Fact]
    public void Finding8_the_per_file_text_check_does_not_match_names_inside_longer_identifiers()
    {
        var longer = Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText("[ChatCompletionRequestOptions] class A { ChatCompletionRequestBuilderX b; }");
        var exact = Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText("class A { ChatCompletionRequest b; }");
        var names = new[] { "ChatCompletionRequest" };

        Assert.False(Infrastructure.CallSiteEvidence.MentionsAny(longer, System.Array.Empty<string>(), names, default));
        Assert.True(Infrastructure.CallSiteEvidence.MentionsAny(exact, System.Array.Empty<string>(), names, default));
    }
}
