using System;
using System.ClientModel;
using System.ClientModel.Primitives;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using ClovaCodegen.Emulator;
using OpenAI;
using OpenAI.Chat;
using OpenAI.Embeddings;
using Xunit;

namespace ClovaCodegen.Testing.Tests;

/// <summary>
/// The official OpenAI SDK, pointed at the in-memory emulator without ClovaCodegen's policy: the records show what it
/// sends that CLOVA Studio refuses, which is what a user's integration test should catch.
/// </summary>
public sealed class OpenAISdkRecordTests : IAsyncLifetime
{
    private ClovaStudioEmulator _clova = null!;

    public async Task InitializeAsync() => _clova = await ClovaStudioEmulator.StartInMemoryAsync();

    public async Task DisposeAsync() => await _clova.DisposeAsync();

    private OpenAIClientOptions SdkOptions() => new()
    {
        Endpoint = _clova.BaseUrl,
        Transport = new HttpClientPipelineTransport(new HttpClient(_clova.CreateHandler())),
        RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
    };

    [Fact]
    public async Task The_sdks_base64_embeddings_are_a_recorded_problem_and_a_400()
    {
        var client = new EmbeddingClient("bge-m3", new ApiKeyCredential("nv-fake-sdk-key"), SdkOptions());

        var error = await Assert.ThrowsAsync<ClientResultException>(() => client.GenerateEmbeddingAsync("클로바"));

        Assert.Equal(400, error.Status);
        var request = Assert.Single(_clova.Requests);
        Assert.Equal("base64", request.StringField("encoding_format"));
        Assert.Contains("encoding_format: must be one of \"float\"", request.Problems);
    }

    [Fact]
    public async Task The_sdks_stream_options_are_a_recorded_problem()
    {
        var client = new ChatClient("HCX-005", new ApiKeyCredential("nv-fake-sdk-key"), SdkOptions());

        await Assert.ThrowsAsync<ClientResultException>(async () =>
        {
            await foreach (var _ in client.CompleteChatStreamingAsync(new UserChatMessage("hi")))
            {
            }
        });

        var request = Assert.Single(_clova.Requests);
        Assert.True(request.Stream);
        Assert.Contains("stream_options: unsupported by CLOVA Studio", request.Problems);
        Assert.False(request.Field("stream_options")!.Accepted);
    }
}
