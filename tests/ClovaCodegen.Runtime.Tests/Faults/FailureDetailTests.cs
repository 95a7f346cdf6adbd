using System;
using System.Threading;
using System.Threading.Tasks;
using ClovaCodegen.Testing;
using Xunit;

namespace ClovaCodegen.Runtime.Tests.Faults;

/// <summary>
/// Issue 15, item 4: failures keep what was known. Status and request id whenever the headers arrived; timeouts as
/// <see cref="ClovaStudioException"/> with <see cref="ClovaStudioException.TimedOut"/>, the caller's cancellation as
/// <see cref="OperationCanceledException"/>; a gateway's HTML page as its status and one line.
/// </summary>
public sealed class FailureDetailTests
{
    [Fact]
    public async Task A_body_cut_after_200_keeps_the_status_and_the_request_id()
    {
        await using var server = LoopbackFaultServer.Start(_ => Fault.CutBody(200, contentLength: 500, part: """{"id":"c1","choi""", stall: false));
        using var client = Calls.Client(server);

        var (error, _) = await Bounded.ThrowsWithin<ClovaStudioException>(TimeSpan.FromSeconds(5), () => client.CompleteChatAsync(Calls.Chat("cut-after-200")));

        Assert.Equal(200, error.StatusCode);
        Assert.StartsWith("fault-", error.RequestId);
        Assert.Equal("response_cut", error.ErrorCode);
        Assert.False(error.TimedOut);
        Assert.DoesNotContain("Could not reach", error.Message);
    }

    [Fact]
    public async Task A_body_that_stalls_after_200_times_out_as_ClovaStudioException_with_the_status_and_the_request_id()
    {
        await using var server = LoopbackFaultServer.Start(_ => Fault.CutBody(200, contentLength: 500, part: """{"id":"c1","choi""", stall: true));
        using var client = Calls.Client(server, httpTimeout: TimeSpan.FromSeconds(1));

        var (error, _) = await Bounded.ThrowsWithin<ClovaStudioException>(TimeSpan.FromSeconds(6), () => client.CompleteChatAsync(Calls.Chat("stall-after-200")));

        Assert.True(error.TimedOut);
        Assert.Equal(200, error.StatusCode);
        Assert.StartsWith("fault-", error.RequestId);
    }

    [Fact]
    public async Task No_answer_within_the_HttpClient_timeout_is_a_ClovaStudioException_that_says_it_timed_out()
    {
        await using var server = LoopbackFaultServer.Start(_ => Fault.Silence());
        using var client = Calls.Client(server, httpTimeout: TimeSpan.FromSeconds(1));

        var (error, _) = await Bounded.ThrowsWithin<ClovaStudioException>(TimeSpan.FromSeconds(6), () => client.CompleteChatAsync(Calls.Chat("silence")));

        Assert.True(error.TimedOut);
        Assert.Null(error.StatusCode);
        Assert.Equal("timeout", error.ErrorCode);
    }

    [Fact]
    public async Task A_cancellation_by_the_caller_stays_an_OperationCanceledException()
    {
        await using var server = LoopbackFaultServer.Start(_ => Fault.Silence());
        using var client = Calls.Client(server, httpTimeout: TimeSpan.FromSeconds(30));
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        var (error, _) = await Bounded.ThrowsWithin<OperationCanceledException>(TimeSpan.FromSeconds(5), () => client.CompleteChatAsync(Calls.Chat("cancelled"), cancellation.Token));

        Assert.Equal(cancellation.Token, error.CancellationToken);
    }

    [Fact]
    public async Task A_502_with_an_html_page_gives_the_status_and_one_line_not_the_page()
    {
        const string Page = "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";
        await using var server = LoopbackFaultServer.Start(_ => Fault.Answer(502, Page, "text/html"));
        using var client = Calls.Client(server);

        var (error, _) = await Bounded.ThrowsWithin<ClovaStudioException>(TimeSpan.FromSeconds(5), () => client.CompleteChatAsync(Calls.Chat("html-502")));

        Assert.Equal(502, error.StatusCode);
        Assert.StartsWith("fault-", error.RequestId);
        Assert.Contains("502", error.Message);
        Assert.DoesNotContain("<body>", error.Message);
        Assert.DoesNotContain("nginx", error.Message);
        Assert.DoesNotContain("\n", error.Message);
    }
}
