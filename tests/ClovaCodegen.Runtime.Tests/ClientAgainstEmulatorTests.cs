using System;
using System.ClientModel;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ClovaCodegen.Emulator;
using ClovaCodegen.Requests;
using ClovaCodegen.Spec;
using OpenAI;
using OpenAI.Embeddings;
using Xunit;

namespace ClovaCodegen.Runtime.Tests;

/// <summary>ClovaStudioClient against the emulator on 127.0.0.1, with requests from the generated builders.</summary>
public sealed class ClientAgainstEmulatorTests : IAsyncLifetime
{
    private const string FakeKey = "nv-test-0000000000000000fake";
    private ClovaStudioEmulator _emulator = null!;
    private ClovaStudioClient _client = null!;

    public async Task InitializeAsync()
    {
        _emulator = await ClovaStudioEmulator.StartAsync();
        _client = new ClovaStudioClient(new ClovaStudioClientOptions { ApiKey = FakeKey, Endpoint = _emulator.BaseUrl, MaxRetries = 0 });
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _emulator.DisposeAsync();
    }

    private static ChatCompletionRequest Hello(string text = "안녕하세요 emulator") =>
        ChatCompletionRequest.Create("HCX-005").System("Be brief.").User(text).TopK(20).MaxTokens(100).Build();

    [Fact]
    public async Task Chat_completion_round_trips()
    {
        var completion = await _client.CompleteChatAsync(Hello());

        Assert.Equal("HCX-005", completion.Model);
        Assert.Equal("Echo: 안녕하세요 emulator", completion.Choices.Single().Message.Content);
        Assert.Equal("stop", completion.Choices[0].FinishReason);
        Assert.True(completion.Usage!.TotalTokens > 0);
    }

    [Fact]
    public async Task Streaming_yields_the_answer_in_order_and_ends_at_done()
    {
        var text = "";
        var chunks = 0;
        await foreach (var chunk in _client.StreamChatAsync(Hello("one two three")))
        {
            text += chunk.Choices[0].Delta.Content;
            chunks++;
        }

        Assert.Equal("Echo: one two three", text);
        Assert.Equal(5, chunks);
    }

    [Fact]
    public async Task A_cut_stream_throws_instead_of_returning_a_short_answer()
    {
        _emulator.Options.CutStreamAfterChunks = 2;
        var received = 0;

        var error = await Assert.ThrowsAsync<ClovaStudioException>(async () =>
        {
            await foreach (var _ in _client.StreamChatAsync(Hello("one two three four")))
            {
                received++;
            }
        });

        Assert.Equal(2, received);
        Assert.Equal("stream_ended_early", error.ErrorCode);
    }

    [Fact]
    public async Task Cancellation_mid_stream_is_honoured()
    {
        using var cancellation = new CancellationTokenSource();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in _client.StreamChatAsync(Hello("a b c d e f"), cancellation.Token))
            {
                cancellation.Cancel();
            }
        });
    }

    [Fact]
    public async Task Embeddings_are_deterministic_unit_vectors_of_the_model_dimension()
    {
        var request = EmbeddingRequest.Create("bge-m3").Inputs(new[] { "클로바", "studio" }).Build();

        var first = await _client.CreateEmbeddingsAsync(request);
        var second = await _client.CreateEmbeddingsAsync(request);

        Assert.Equal(2, first.Data.Count);
        Assert.All(first.Data, d => Assert.Equal(1024, d.Embedding.Length));
        Assert.All(first.Data, d => Assert.InRange(Math.Sqrt(d.Embedding.Sum(v => (double)v * v)), 0.999, 1.001));
        Assert.Equal(first.Data[0].Embedding, second.Data[0].Embedding);
        Assert.NotEqual(first.Data[0].Embedding, first.Data[1].Embedding);
    }

    [Fact]
    public async Task Model_list_is_the_specs()
    {
        var models = await _client.ListModelsAsync();

        var expected = SpecReader.ReadDefault().Spec!.Endpoints.SelectMany(e => e.Models).Select(m => m.Name);
        Assert.Equal(expected.OrderBy(n => n), models.Select(m => m.Id).OrderBy(n => n));
    }

    [Fact]
    public async Task Unknown_model_surfaces_as_an_exception_with_status_code_and_request_id_but_no_key()
    {
        var error = await Assert.ThrowsAsync<ClovaStudioException>(() => _client.CompleteChatAsync(ChatCompletionRequest.Create("gpt-4o").User("hi").Build()));

        Assert.Equal(404, error.StatusCode);
        Assert.Equal("model_not_found", error.ErrorCode);
        Assert.StartsWith("emu-", error.RequestId);
        Assert.DoesNotContain(FakeKey, error.ToString());
        Assert.DoesNotContain(FakeKey, _client.ToString());
    }

    [Fact]
    public async Task A_wrong_key_format_is_a_401()
    {
        using var client = new ClovaStudioClient(new ClovaStudioClientOptions { ApiKey = "nv-test bad key", Endpoint = _emulator.BaseUrl });

        var error = await Assert.ThrowsAsync<ClovaStudioException>(() => client.ListModelsAsync());

        Assert.Equal(401, error.StatusCode);
        Assert.DoesNotContain("bad key", error.Message);
    }

    [Fact]
    public async Task Injected_server_errors_surface_with_their_status()
    {
        _emulator.Options.FailureStatusCode = 500;
        _emulator.Options.FailNextRequests = 1;

        var error = await Assert.ThrowsAsync<ClovaStudioException>(() => _client.ListModelsAsync());

        Assert.Equal(500, error.StatusCode);
        Assert.Equal("server_error", error.ErrorCode);
        Assert.NotEmpty(await _client.ListModelsAsync());
    }

    [Fact]
    public async Task Retries_honour_retry_after_and_then_succeed()
    {
        _emulator.Options.FailureStatusCode = 429;
        _emulator.Options.RetryAfterSeconds = 1;
        _emulator.Options.FailNextRequests = 1;
        using var client = new ClovaStudioClient(new ClovaStudioClientOptions { ApiKey = FakeKey, Endpoint = _emulator.BaseUrl, MaxRetries = 2, RetryBaseDelay = TimeSpan.FromMilliseconds(10) });
        var watch = System.Diagnostics.Stopwatch.StartNew();

        var models = await client.ListModelsAsync();

        Assert.NotEmpty(models);
        Assert.Equal(0, _emulator.Options.FailNextRequests);
        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(900), $"retried after {watch.Elapsed}, before Retry-After's 1 s");
    }

    [Fact]
    public async Task Retries_stop_at_the_bound()
    {
        _emulator.Options.FailureStatusCode = 503;
        _emulator.Options.FailNextRequests = 5;
        using var client = new ClovaStudioClient(new ClovaStudioClientOptions { ApiKey = FakeKey, Endpoint = _emulator.BaseUrl, MaxRetries = 2, RetryBaseDelay = TimeSpan.FromMilliseconds(5) });

        var error = await Assert.ThrowsAsync<ClovaStudioException>(() => client.CompleteChatAsync(Hello()));

        Assert.Equal(503, error.StatusCode);
        Assert.Equal(2, _emulator.Options.FailNextRequests); // 1 attempt + 2 retries consumed 3 failures
    }

    [Fact]
    public void Plain_http_is_refused_except_for_loopback()
    {
        Assert.Throws<ArgumentException>(() => new ClovaStudioClient(new ClovaStudioClientOptions { ApiKey = FakeKey, Endpoint = new Uri("http://clovastudio.stream.ntruss.com/v1/openai/") }));
        Assert.Throws<ArgumentException>(() => new ClovaStudioClient(new ClovaStudioClientOptions { Endpoint = ClovaStudioEndpoints.Public }));
        using var loopback = new ClovaStudioClient(new ClovaStudioClientOptions { ApiKey = FakeKey, Endpoint = new Uri("http://127.0.0.1:1/v1/openai") });
        Assert.Equal("http://127.0.0.1:1/v1/openai/", loopback.BaseUrl.ToString());
        Assert.DoesNotContain(FakeKey, new ClovaStudioClientOptions { ApiKey = FakeKey }.ToString());
    }

    [Fact]
    public void Endpoints_equal_the_specs_base_urls()
    {
        var spec = SpecReader.ReadDefault().Spec!;

        Assert.Equal(spec.BaseUrls.Single(b => b.Cloud == "public").Url, ClovaStudioEndpoints.Public.ToString());
        Assert.Equal(spec.BaseUrls.Single(b => b.Cloud == "gov").Url, ClovaStudioEndpoints.Gov.ToString());
        Assert.Equal(2, spec.BaseUrls.Count);
    }

    [Fact]
    public async Task OpenAI_sdk_embeddings_fail_with_400_as_on_clova_and_work_when_patched_to_float()
    {
        var sdk = new OpenAIClient(new ApiKeyCredential(FakeKey), new OpenAIClientOptions { Endpoint = _emulator.BaseUrl }).GetEmbeddingClient("bge-m3");

        var error = await Assert.ThrowsAsync<ClientResultException>(() => sdk.GenerateEmbeddingAsync("hello"));
        Assert.Equal(400, error.Status);

        var options = new EmbeddingGenerationOptions();
        options.Patch.Set("$.encoding_format"u8, "float");
        OpenAIEmbedding embedding = await sdk.GenerateEmbeddingAsync("hello", options);
        Assert.Equal(1024, embedding.ToFloats().Length);
    }

    [Theory]
    [MemberData(nameof(UnsupportedChatFields))]
    public async Task Emulator_rejects_each_unsupported_chat_field(string field)
    {
        using var http = new System.Net.Http.HttpClient();
        using var request = new System.Net.Http.HttpRequestMessage(System.Net.Http.HttpMethod.Post, new Uri(_emulator.BaseUrl, "chat/completions"))
        {
            Content = new System.Net.Http.StringContent($$"""{"model":"HCX-005","messages":[{"role":"user","content":"hi"}],"{{field}}":null}""", System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", FakeKey);

        using var response = await http.SendAsync(request);

        Assert.Equal(400, (int)response.StatusCode);
        Assert.Contains("Unsupported field: " + field, await response.Content.ReadAsStringAsync());
    }

    public static TheoryData<string> UnsupportedChatFields()
    {
        var data = new TheoryData<string>();
        foreach (var field in SpecReader.ReadDefault().Spec!.FindEndpoint("chat.completions")!.Fields.Where(f => f.Status == Spec.Model.FieldStatus.Unsupported))
        {
            data.Add(field.Name);
        }

        return data;
    }

    [Theory]
    [InlineData("/testapp/v3/chat-completions/HCX-005")]
    [InlineData("/serviceapp/v1/openai/chat/completions")]
    [InlineData("/v1/api-tools/embedding/v2")]
    public async Task Native_paths_are_404(string path)
    {
        using var http = new System.Net.Http.HttpClient();
        using var request = new System.Net.Http.HttpRequestMessage(System.Net.Http.HttpMethod.Post, new Uri(_emulator.BaseUrl, path));
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", FakeKey);

        using var response = await http.SendAsync(request);

        Assert.Equal(404, (int)response.StatusCode);
    }
}
