using System;
using System.ClientModel;
using System.Linq;
using System.Threading.Tasks;
using OpenAI;
using OpenAI.Chat;
using OpenAI.Embeddings;
using OpenAI.Models;
using Xunit;

namespace ClovaCodegen.Emulator.Tests;

/// <summary>
/// The OpenAI .NET SDK's typed responses, read from the emulator, hold a value wherever CLOVA Studio sends one:
/// <c>usage</c> on embeddings, <c>created</c> and <c>owned_by</c> on models, id, model, created and usage on chat.
/// </summary>
public sealed class SdkResponseShapeTests : IAsyncLifetime
{
    private static readonly DateTimeOffset LongAgo = new(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private ClovaStudioEmulator _emulator = null!;
    private OpenAIClient _sdk = null!;

    public async Task InitializeAsync()
    {
        _emulator = await ClovaStudioEmulator.StartAsync();
        _sdk = new OpenAIClient(new ApiKeyCredential(EmulatorHttp.FakeKey), new OpenAIClientOptions { Endpoint = _emulator.BaseUrl });
    }

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    [Fact]
    public async Task Embeddings_carry_usage()
    {
        var options = new EmbeddingGenerationOptions();
        options.Patch.Set("$.encoding_format"u8, "float"); // the SDK sends base64, which CLOVA Studio refuses

        OpenAIEmbeddingCollection embeddings = await _sdk.GetEmbeddingClient("bge-m3").GenerateEmbeddingsAsync(new[] { "hello", "world!" }, options);

        Assert.Equal("bge-m3", embeddings.Model);
        Assert.NotNull(embeddings.Usage);
        Assert.True(embeddings.Usage.InputTokenCount > 0, $"input tokens {embeddings.Usage.InputTokenCount}");
        Assert.Equal(embeddings.Usage.InputTokenCount, embeddings.Usage.TotalTokenCount);
        Assert.Equal(new[] { 0, 1 }, embeddings.Select(e => e.Index));
    }

    [Fact]
    public async Task Models_carry_created_and_owner()
    {
        OpenAIModelCollection models = await _sdk.GetOpenAIModelClient().GetModelsAsync();

        Assert.NotEmpty(models);
        Assert.All(models, model =>
        {
            Assert.False(string.IsNullOrEmpty(model.Id));
            Assert.False(string.IsNullOrEmpty(model.OwnedBy));
            Assert.True(model.CreatedAt > LongAgo && model.CreatedAt <= DateTimeOffset.UtcNow, $"{model.Id} created {model.CreatedAt}");
        });
    }

    [Fact]
    public async Task Chat_completions_carry_id_model_created_and_usage()
    {
        ChatCompletion completion = await _sdk.GetChatClient("HCX-005").CompleteChatAsync(new UserChatMessage("hello there"));

        Assert.False(string.IsNullOrEmpty(completion.Id));
        Assert.Equal("HCX-005", completion.Model);
        Assert.True(completion.CreatedAt > LongAgo);
        Assert.Equal(ChatFinishReason.Stop, completion.FinishReason);
        Assert.Equal(ChatMessageRole.Assistant, completion.Role);
        Assert.Equal("Echo: hello there", completion.Content.Single().Text);
        Assert.NotNull(completion.Usage);
        Assert.Equal(completion.Usage.InputTokenCount + completion.Usage.OutputTokenCount, completion.Usage.TotalTokenCount);
    }
}
