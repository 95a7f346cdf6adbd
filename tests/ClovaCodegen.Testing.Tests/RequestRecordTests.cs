using System;
using System.Linq;
using System.Threading.Tasks;
using ClovaCodegen.Emulator;
using ClovaCodegen.Requests;
using ClovaCodegen.Spec.Model;
using Xunit;

namespace ClovaCodegen.Testing.Tests;

/// <summary>Every request is recorded with its wire body, each field's verdict from the spec, and the answer's status.</summary>
public sealed class RequestRecordTests : IAsyncLifetime
{
    private ClovaStudioEmulator _clova = null!;

    public async Task InitializeAsync() => _clova = await ClovaStudioEmulator.StartAsync();

    public async Task DisposeAsync() => await _clova.DisposeAsync();

    [Fact]
    public async Task A_client_request_is_recorded_as_sent_and_accepted_by_the_spec()
    {
        using var client = _clova.CreateClovaStudioClient();

        await client.CompleteChatAsync(ChatCompletionRequest.Create("HCX-005").User("hi").TopK(20).MaxTokens(64).Build());

        var request = Assert.Single(_clova.Requests);
        Assert.Equal("chat.completions", request.Endpoint);
        Assert.Equal("/v1/openai/chat/completions", request.Path);
        Assert.Equal("HCX-005", request.Model);
        Assert.Equal(20, request.Field("top_k")!.Value.GetInt32());
        Assert.Equal(FieldStatus.ClovaOnly, request.Field("top_k")!.Status);
        Assert.Contains("\"top_k\":20", request.Body, StringComparison.Ordinal);
        Assert.True(request.SpecAccepted, string.Join("; ", request.Problems));
        Assert.Equal(200, request.StatusCode);
        Assert.Contains("\"choices\"", request.ResponseText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_problem_of_a_request_is_listed_not_only_the_first_the_emulator_answers_with()
    {
        using var http = _clova.CreateHttpClient();

        var (status, _) = await Wire.PostAsync(http, "chat/completions", """{"model":"HCX-005","user":"u-1","n":2,"temperature":"hot","surprise":true}""");

        Assert.Equal(400, status);
        var request = Assert.Single(_clova.Requests);
        Assert.False(request.SpecAccepted);
        Assert.NotNull(request.ErrorCode); // the emulator names one problem; the record names them all
        Assert.Contains("user: unsupported by CLOVA Studio", request.Problems);
        Assert.Contains("n: unsupported by CLOVA Studio", request.Problems);
        Assert.Contains(request.Problems, p => p.StartsWith("temperature: must be number", StringComparison.Ordinal));
        Assert.Contains("surprise: not a field of this endpoint in the spec", request.Problems);
        Assert.Contains("messages: required but not sent", request.Problems);
        Assert.True(request.Field("model")!.Accepted);
        Assert.Equal(5, request.Problems.Count);
    }

    [Fact]
    public async Task Embeddings_record_their_encoding_format_and_a_base64_one_is_a_problem()
    {
        using var client = _clova.CreateClovaStudioClient();
        using var http = _clova.CreateHttpClient();

        await client.CreateEmbeddingsAsync(EmbeddingRequest.Create("bge-m3").Input("클로바").Build());
        await Wire.PostAsync(http, "embeddings", """{"model":"bge-m3","input":"x","encoding_format":"base64"}""");

        var embeddings = _clova.Requests.Where(r => r.Endpoint == "embeddings").ToList();
        Assert.Equal(2, embeddings.Count);
        Assert.Equal("float", embeddings[0].StringField("encoding_format"));
        Assert.True(embeddings[0].SpecAccepted);
        Assert.Equal("base64", embeddings[1].StringField("encoding_format"));
        Assert.Equal(["encoding_format: must be one of \"float\""], embeddings[1].Problems);
        Assert.Equal(400, embeddings[1].StatusCode);
    }

    [Fact]
    public async Task Out_of_range_values_are_problems_of_the_record()
    {
        var range = _clova.Options.Spec!.FindEndpoint(EndpointSpec.ChatCompletions)!.Fields.First(f => f.Range?.Maximum is not null);
        using var http = _clova.CreateHttpClient();

        await Wire.PostAsync(http, "chat/completions", $$"""{"model":"HCX-005","messages":[{"role":"user","content":"hi"}],"{{range.Name}}":{{range.Range!.Maximum + 1}}}""");

        var problem = Assert.Single(Assert.Single(_clova.Requests).Problems);
        Assert.StartsWith(range.Name + ": ", problem, StringComparison.Ordinal);
        Assert.Contains("is outside", problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_out_of_range_value_of_a_range_the_spec_marks_uncertain_is_reported_as_such()
    {
        using var spec = TemporarySpecFile.FromDefault("\"minimum\": 0, \"maximum\": 2,", "\"minimum\": 0, \"maximum\": 2, \"uncertain\": true,");
        await using var clova = await ClovaStudioEmulator.StartInMemoryAsync(new EmulatorOptions { SpecFile = spec.Path });
        using var http = clova.CreateHttpClient();

        await Wire.PostAsync(http, "chat/completions", """{"model":"HCX-005","messages":[{"role":"user","content":"hi"}],"temperature":3}""");

        Assert.Equal(["temperature: 3 is outside [0, 2] (a range the spec marks uncertain)"], Assert.Single(clova.Requests).Problems);
    }

    [Fact]
    public async Task Requests_that_never_reach_a_route_are_recorded_too_and_the_key_never_is()
    {
        const string Key = "nv-obviously-fake-key-for-recording";
        using var http = _clova.CreateHttpClient(Key);

        var (status, _) = await Wire.PostAsync(http, "/testapp/v1/chat-completions/HCX-005", """{"messages":[]}""");

        Assert.Equal(404, status);
        var request = Assert.Single(_clova.Requests);
        Assert.Null(request.Endpoint);
        Assert.Empty(request.Problems); // no spec endpoint to judge it by; the 404 says what is wrong
        Assert.Equal("not_found", request.ErrorCode);
        Assert.DoesNotContain(Key, request.ToString() + request.Body + request.ResponseText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Records_are_in_arrival_order_and_can_be_cleared()
    {
        using var client = _clova.CreateClovaStudioClient();
        await client.ListModelsAsync();
        _clova.ClearRequests();

        await client.CompleteChatAsync(ChatCompletionRequest.Create("HCX-005").User("one").MaxTokens(8).Build());
        await client.CompleteChatAsync(ChatCompletionRequest.Create("HCX-005").User("two").MaxTokens(8).Build());

        var requests = _clova.Requests;
        Assert.Equal(2, requests.Count);
        Assert.True(requests[0].Sequence < requests[1].Sequence);
        Assert.Contains("one", requests[0].Body, StringComparison.Ordinal);
        Assert.Contains("two", requests[1].Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_log_keeps_only_the_newest_requests_up_to_its_limit()
    {
        var options = new EmulatorOptions { RecordedRequestLimit = 2 };
        await using var clova = await ClovaStudioEmulator.StartInMemoryAsync(options);
        using var client = clova.CreateClovaStudioClient();

        for (var i = 0; i < 3; i++)
        {
            await client.ListModelsAsync();
        }

        Assert.Equal([2L, 3L], clova.Requests.Select(r => r.Sequence));
    }
}
