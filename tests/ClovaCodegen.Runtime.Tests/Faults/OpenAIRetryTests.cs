using System;
using System.ClientModel;
using System.Threading.Tasks;
using ClovaCodegen.OpenAI;
using ClovaCodegen.Testing;
using OpenAI.Chat;
using Xunit;

namespace ClovaCodegen.Runtime.Tests.Faults;

/// <summary>
/// Issue 15, item 3, for the OpenAI SDK adapter: clients from <see cref="ClovaOpenAI"/> retry only what CLOVA Studio
/// provably did not process, where the SDK alone retries a chat completion after a 500 or a dropped connection.
/// </summary>
public sealed class OpenAIRetryTests
{
    private static ChatClient Chat(LoopbackFaultServer server) => ClovaOpenAI.CreateClient(Calls.FakeKey, server.BaseUrl).GetChatClient("HCX-005");

    [Theory]
    [InlineData(500)]
    [InlineData(0)]
    public async Task A_chat_completion_that_may_have_been_processed_is_not_run_again(int status)
    {
        await using var server = LoopbackFaultServer.Start(_ => status == 0 ? Fault.DropAfterProcessing() : Fault.Answer(status, """{"error":{"code":"server_error","message":"boom"}}"""));

        await Bounded.ThrowsWithin<ClientResultException>(TimeSpan.FromSeconds(20), () => Chat(server).CompleteChatAsync(new UserChatMessage("billed once")));

        Assert.Equal(1, server.ExecutionsOf("billed once"));
    }

    [Fact]
    public async Task A_429_is_still_retried()
    {
        await using var server = LoopbackFaultServer.Start(request => request.Attempt == 1 ? Fault.Rejected(429, retryAfterSeconds: 0) : Fault.Success());

        ChatCompletion completion = await Chat(server).CompleteChatAsync(new UserChatMessage("throttled"));

        Assert.Equal("ok", completion.Content[0].Text);
        Assert.Equal(2, server.AttemptsOf("throttled"));
        Assert.Equal(1, server.ExecutionsOf("throttled"));
    }
}
