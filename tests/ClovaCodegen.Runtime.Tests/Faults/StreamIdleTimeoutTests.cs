using System;
using System.Threading;
using System.Threading.Tasks;
using ClovaCodegen.Testing;
using Xunit;

namespace ClovaCodegen.Runtime.Tests.Faults;

/// <summary>
/// Issue 15, item 2: a stream that stalls after its first chunk ends after <see cref="ClovaStudioClientOptions.IdleTimeout"/>
/// with a <see cref="ClovaStudioException"/> saying it stalled, carrying the request id and the chunks received so far.
/// </summary>
public sealed class StreamIdleTimeoutTests
{
    [Fact]
    public async Task A_stream_that_stalls_after_its_first_chunk_ends_at_the_idle_timeout()
    {
        await using var server = LoopbackFaultServer.Start(_ => Fault.Stream(new[] { "Hel" }, StreamEnd.Stall));
        var options = Calls.Options(server);
        options.IdleTimeout = TimeSpan.FromMilliseconds(500);
        using var client = new ClovaStudioClient(options, new System.Net.Http.HttpClient { Timeout = TimeSpan.FromSeconds(1) });
        var received = 0;

        var (error, elapsed) = await Bounded.ThrowsWithin<ClovaStudioException>(TimeSpan.FromSeconds(8), async () =>
        {
            await foreach (var _ in client.StreamChatAsync(Calls.Chat("stall-after-first")))
            {
                received++;
            }
        });

        Assert.Equal(1, received);
        Assert.Equal("stream_stalled", error.ErrorCode);
        Assert.Contains("stalled", error.Message);
        Assert.Equal(200, error.StatusCode);
        Assert.StartsWith("fault-", error.RequestId);
        Assert.Equal(1, error.ChunksReceived);
        Assert.True(elapsed >= TimeSpan.FromMilliseconds(450), $"gave up after {elapsed}, before the idle timeout");
    }

    [Fact]
    public async Task Time_the_consumer_spends_between_chunks_does_not_count_as_idle()
    {
        await using var server = LoopbackFaultServer.Start(_ => Fault.Stream(new[] { "a", "b", "c" }, StreamEnd.Done));
        var options = Calls.Options(server);
        options.IdleTimeout = TimeSpan.FromMilliseconds(300);
        using var client = new ClovaStudioClient(options);
        var received = 0;

        await foreach (var _ in client.StreamChatAsync(Calls.Chat("slow-consumer")))
        {
            received++;
            await Task.Delay(500);
        }

        Assert.Equal(3, received);
    }

    [Fact]
    public async Task A_caller_cancelling_a_stalled_stream_gets_OperationCanceledException()
    {
        await using var server = LoopbackFaultServer.Start(_ => Fault.Stream(new[] { "Hel" }, StreamEnd.Stall));
        using var client = Calls.Client(server);
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        await Bounded.ThrowsWithin<OperationCanceledException>(TimeSpan.FromSeconds(5), () => Calls.DrainAsync(client, "stall-cancelled", cancellation.Token));
    }
}
