using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using ClovaCodegen.OpenAI;
using Microsoft.Extensions.AI;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using Microsoft.SemanticKernel.Connectors.OpenAI;
using Xunit;

namespace ClovaCodegen.SemanticKernel.Tests;

/// <summary>
/// The supported path for Semantic Kernel users (docs/semantic-kernel.md, samples/SemanticKernel): SK's registrations over
/// <see cref="ClovaOpenAI"/>'s client, CLOVA-only fields through <c>ExtraBody</c>. The compatibility policy underneath
/// turns SK's base64 embeddings into float ones and takes out the stream_options SK adds to every stream.
/// </summary>
public sealed class SupportedPathTests : SemanticKernelEmulator
{
    [Fact]
    public async Task Top_k_goes_through_ExtraBody_and_the_request_is_one_CLOVA_accepts()
    {
        var kernel = ClovaKernel();
        var chat = kernel.GetRequiredService<IChatCompletionService>();

        var answer = await chat.GetChatMessageContentAsync("hi", new OpenAIPromptExecutionSettings
        {
            MaxTokens = 256,
            ExtraBody = new Dictionary<string, object?> { ["top_k"] = 20, ["repetition_penalty"] = 1.1 },
        }, kernel);

        var request = Assert.Single(Clova.Requests);
        Assert.Equal(new Dictionary<string, string> { ["max_completion_tokens"] = "256", ["top_k"] = "20", ["repetition_penalty"] = "1.1" }, ExtraFields(request));
        Assert.True(request.SpecAccepted, string.Join("; ", request.Problems));
        Assert.Equal(200, request.StatusCode);
        Assert.False(string.IsNullOrEmpty(answer.Content));
    }

    [Fact]
    public async Task Streaming_reaches_CLOVA_without_stream_options()
    {
        var kernel = ClovaKernel();
        var chat = kernel.GetRequiredService<IChatCompletionService>();

        var chunks = new List<string>();
        await foreach (var chunk in chat.GetStreamingChatMessageContentsAsync("hi", new OpenAIPromptExecutionSettings { MaxTokens = 256, ExtraBody = new Dictionary<string, object?> { ["top_k"] = 20 } }, kernel))
        {
            chunks.Add(chunk.Content ?? "");
        }

        var request = Assert.Single(Clova.Requests);
        Assert.Equal(new Dictionary<string, string> { ["max_completion_tokens"] = "256", ["stream"] = "true", ["top_k"] = "20" }, ExtraFields(request));
        Assert.True(request.SpecAccepted, string.Join("; ", request.Problems));
        Assert.NotEmpty(string.Concat(chunks));
    }

    [Fact]
    public async Task Embeddings_are_float_and_answered()
    {
        var kernel = ClovaKernel();
        var generator = kernel.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>();

        var embeddings = await generator.GenerateAsync(["클로바", "스튜디오"]);

        var request = Assert.Single(Clova.Requests);
        Assert.Equal("float", request.StringField("encoding_format"));
        Assert.True(request.SpecAccepted, string.Join("; ", request.Problems));
        Assert.Equal(2, embeddings.Count);
        Assert.All(embeddings, e => Assert.True(e.Vector.Length > 0));
    }

    [Fact]
    public async Task An_unsupported_settings_member_is_refused_before_anything_is_sent()
    {
        var kernel = ClovaKernel();
        var chat = kernel.GetRequiredService<IChatCompletionService>();

        var error = await Assert.ThrowsAnyAsync<System.Exception>(() => chat.GetChatMessageContentAsync("hi", new OpenAIPromptExecutionSettings { MaxTokens = 256, User = "user-1" }, kernel));

        Assert.Empty(Clova.Requests);
        var refusal = Assert.IsType<ClovaCompatibilityException>(error is ClovaCompatibilityException ? error : error.InnerException);
        Assert.Equal(["user"], refusal.Fields);
    }
}
