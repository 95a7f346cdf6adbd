using System;
using System.Threading;
using System.Threading.Tasks;
using ClovaCodegen.Testing;
using Xunit;

namespace ClovaCodegen.Runtime.Tests.Faults;

/// <summary>
/// Issue 15, item 1: an error answer whose body stalls (<c>500</c>, <c>Content-Length: 100</c>, then <c>{"error":{</c> and
/// nothing more) must not hang the call: the body is read under the caller's token and the client's timeout.
/// </summary>
public sealed class StalledErrorBodyTests
{
    private static LoopbackFaultServer StallingServer() =>
        LoopbackFaultServer.Start(_ => Fault.CutBody(500, contentLength: 100, part: """{"error":{""", stall: true));

    [Fact]
    public async Task A_stream_whose_error_body_stalls_ends_when_the_caller_cancels()
    {
        await using var server = StallingServer();
        using var client = Calls.Client(server);
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        var (_, elapsed) = await Bounded.ThrowsWithin<OperationCanceledException>(TimeSpan.FromSeconds(5), () => Calls.DrainAsync(client, "stall-cancel", cancellation.Token));

        Assert.True(elapsed < TimeSpan.FromSeconds(3), $"ended after {elapsed}");
    }

    [Fact]
    public async Task A_stream_whose_error_body_stalls_ends_at_the_HttpClient_timeout_with_the_status()
    {
        await using var server = StallingServer();
        using var client = Calls.Client(server, maxRetries: 3, httpTimeout: TimeSpan.FromSeconds(2));

        var (error, _) = await Bounded.ThrowsWithin<ClovaStudioException>(TimeSpan.FromSeconds(10), () => Calls.DrainAsync(client, "stall-timeout"));

        Assert.Equal(500, error.StatusCode);
        Assert.StartsWith("fault-", error.RequestId);
        Assert.Contains("{\"error\":{", error.Message); // what arrived of the body is kept
    }

    [Fact]
    public async Task A_whole_answer_whose_error_body_stalls_ends_when_the_caller_cancels()
    {
        await using var server = StallingServer();
        using var client = Calls.Client(server);
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        await Bounded.ThrowsWithin<OperationCanceledException>(TimeSpan.FromSeconds(5), () => client.CompleteChatAsync(Calls.Chat("stall-whole"), cancellation.Token));
    }
}
