using System;
using System.Threading.Tasks;
using ClovaCodegen.Emulator;
using ClovaCodegen.Extensions.AI;
using ClovaCodegen.OpenAI;
using ClovaCodegen.Requests;
using Microsoft.Extensions.AI;
using OpenAI.Chat;
using Xunit;

namespace ClovaCodegen.Runtime.Tests;

/// <summary>
/// A value outside the spec's documented range is refused alike on every path a request can take: the generated builder
/// (and so ClovaStudioClient), the Microsoft.Extensions.AI adapter, and the OpenAI SDK with the policy in strict mode. The
/// same exception, the same parameter (the wire name) and the same message, and nothing reaches the server.
/// </summary>
public sealed class RangeCheckTests : IAsyncLifetime
{
    private const string FakeKey = "nv-test-0000000000000000fake";
    private ClovaStudioEmulator _emulator = null!;

    public async Task InitializeAsync() => _emulator = await ClovaStudioEmulator.StartAsync();

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    [Fact]
    public async Task Top_k_500_is_refused_alike_by_the_builder_the_client_the_MEAI_adapter_and_the_OpenAI_policy()
    {
        var expected = Assert.Throws<ArgumentOutOfRangeException>(() => ChatCompletionRequest.Create("HCX-005").User("hi").TopK(500).Build());

        await AssertRefusedAlike(expected, new ChatOptions { TopK = 500 }, sdk => sdk.Patch.Set("$.top_k"u8, 500));
    }

    [Fact]
    public async Task Temperature_5_is_refused_alike_by_the_builder_the_client_the_MEAI_adapter_and_the_OpenAI_policy()
    {
        var expected = Assert.Throws<ArgumentOutOfRangeException>(() => ChatCompletionRequest.Create("HCX-005").User("hi").Temperature(5).Build());

        await AssertRefusedAlike(expected, new ChatOptions { Temperature = 5 }, sdk => sdk.Temperature = 5);
    }

    [Fact]
    public async Task A_CLOVA_only_field_in_AdditionalProperties_is_range_checked_like_the_builder_does()
    {
        var expected = Assert.Throws<ArgumentOutOfRangeException>(() => ChatCompletionRequest.Create("HCX-005").User("hi").RepetitionPenalty(3).Build());

        var options = new ChatOptions { AdditionalProperties = new AdditionalPropertiesDictionary { ["repetition_penalty"] = 3.0 } };
        await AssertRefusedAlike(expected, options, sdk => sdk.Patch.Set("$.repetition_penalty"u8, 3.0));
    }

    private async Task AssertRefusedAlike(ArgumentOutOfRangeException expected, ChatOptions meaiOptions, Action<ChatCompletionOptions> setSdkOption)
    {
        using var client = new ClovaStudioClient(new ClovaStudioClientOptions { ApiKey = FakeKey, Endpoint = _emulator.BaseUrl, MaxRetries = 0 });
        using var adapter = new ClovaChatClient(client, "HCX-005");
        var meai = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => adapter.GetResponseAsync("hi", meaiOptions));
        var meaiStreaming = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(async () =>
        {
            await foreach (var _ in adapter.GetStreamingResponseAsync("hi", meaiOptions))
            {
            }
        });

        var sdkOptions = new ChatCompletionOptions();
        setSdkOption(sdkOptions);
        var sdk = ClovaOpenAI.CreateClient(FakeKey, _emulator.BaseUrl).GetChatClient("HCX-005");
        var policy = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => sdk.CompleteChatAsync(new global::OpenAI.Chat.ChatMessage[] { new UserChatMessage("hi") }, sdkOptions));

        foreach (var refused in new[] { meai, meaiStreaming, policy })
        {
            Assert.Equal(expected.ParamName, refused.ParamName);
            Assert.Equal(expected.Message, refused.Message);
        }

        Assert.Empty(_emulator.Requests);
    }
}
