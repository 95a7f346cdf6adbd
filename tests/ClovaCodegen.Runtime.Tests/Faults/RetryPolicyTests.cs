using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using ClovaCodegen.Testing;
using Xunit;

namespace ClovaCodegen.Runtime.Tests.Faults;

/// <summary>
/// Issue 15, item 3: retries never silently repeat billed work. The fault server counts the executions (processed
/// requests) of each logical call; where the policy says no retry, there is exactly one.
/// </summary>
public sealed class RetryPolicyTests
{
    private const string Html502 = "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>nginx</body>\r\n</html>\r\n";

    /// <summary>Faults after which the request may have been processed: one execution, one attempt, whatever MaxRetries says.</summary>
    public static TheoryData<string> FaultsAfterProcessing() => new()
    {
        "cut-after-200",
        "drop-after-processing",
        "500",
        "502-html",
        "504",
        "stream-cut-after-first-chunk",
        "stream-dropped-after-processing",
    };

    private static Fault FaultFor(string kind, ReceivedRequest request) => kind switch
    {
        "cut-after-200" => Fault.CutBody(200, contentLength: 400, part: """{"id":"c1","cho""", stall: false),
        "drop-after-processing" or "stream-dropped-after-processing" => Fault.DropAfterProcessing(),
        "500" => Fault.Answer(500, """{"error":{"code":"server_error","message":"boom"}}"""),
        "502-html" => Fault.Answer(502, Html502, "text/html"),
        "504" => Fault.Answer(504, """{"error":{"code":"gateway_timeout","message":"upstream timed out"}}"""),
        "stream-cut-after-first-chunk" => Fault.Stream(new[] { "Hel" }, StreamEnd.Close),
        "429-then-ok" => request.Attempt == 1 ? Fault.Rejected(429) : Success(request),
        "503-then-ok" => request.Attempt == 1 ? Fault.Rejected(503) : Success(request),
        "503-retry-after-then-ok" => request.Attempt == 1 ? Fault.Rejected(503, retryAfterSeconds: 1) : Success(request),
        "ok" => Success(request),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    private static Fault Success(ReceivedRequest request) =>
        request.Body.Contains("\"stream\":true", StringComparison.Ordinal) ? Fault.Stream(new[] { "o", "k" }, StreamEnd.Done) : Fault.Success();

    /// <summary>The kind of fault is named in the call's message, so one server can script many calls.</summary>
    private static LoopbackFaultServer ScriptedServer() =>
        LoopbackFaultServer.Start(request => FaultFor(KindOf(request.Body), request));

    private static string KindOf(string body)
    {
        var start = body.IndexOf("kind=", StringComparison.Ordinal) + "kind=".Length;
        return body.Substring(start, body.IndexOf(';', start) - start);
    }

    private static string CallId(string kind, int n = 0) => $"call-{n} kind={kind};";

    private static Task CallAsync(ClovaStudioClient client, string kind, string callId) =>
        kind.StartsWith("stream-", StringComparison.Ordinal) ? Calls.DrainAsync(client, callId) : client.CompleteChatAsync(Calls.Chat(callId));

    [Theory]
    [MemberData(nameof(FaultsAfterProcessing))]
    public async Task A_fault_after_the_request_may_have_been_processed_is_not_retried(string kind)
    {
        await using var server = ScriptedServer();
        using var client = Calls.Client(server, maxRetries: 3);
        var callId = CallId(kind);

        await Bounded.ThrowsWithin<ClovaStudioException>(TimeSpan.FromSeconds(10), () => CallAsync(client, kind, callId));

        Assert.Equal(1, server.ExecutionsOf(callId));
        Assert.Equal(1, server.AttemptsOf(callId));
    }

    [Theory]
    [InlineData("429-then-ok")]
    [InlineData("503-then-ok")]
    [InlineData("503-retry-after-then-ok")]
    public async Task An_answer_that_says_the_request_was_not_processed_is_retried_and_runs_once(string kind)
    {
        await using var server = ScriptedServer();
        using var client = Calls.Client(server, maxRetries: 3);
        var callId = CallId(kind);

        var completion = await client.CompleteChatAsync(Calls.Chat(callId));

        Assert.Equal("ok", completion.Choices[0].Message.Content);
        Assert.Equal(2, server.AttemptsOf(callId));
        Assert.Equal(1, server.ExecutionsOf(callId));
    }

    [Fact]
    public async Task A_connection_refused_before_sending_is_retried()
    {
        await using var server = ScriptedServer();
        var refusals = 0;
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (context, token) =>
            {
                if (Interlocked.Increment(ref refusals) == 1)
                {
                    throw new SocketException((int)SocketError.ConnectionRefused);
                }

                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                await socket.ConnectAsync(context.DnsEndPoint, token);
                return new NetworkStream(socket, ownsSocket: true);
            },
        };
        using var client = new ClovaStudioClient(Calls.Options(server, maxRetries: 3), new HttpClient(handler));
        var callId = CallId("ok");

        var completion = await client.CompleteChatAsync(Calls.Chat(callId));

        Assert.Equal("ok", completion.Choices[0].Message.Content);
        Assert.Equal(2, refusals);
        Assert.Equal(1, server.ExecutionsOf(callId));
    }

    [Fact]
    public async Task A_connection_refused_every_time_ends_after_the_retries_as_could_not_reach()
    {
        await using var server = ScriptedServer();
        var attempts = 0;
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = (_, _) =>
            {
                Interlocked.Increment(ref attempts);
                throw new SocketException((int)SocketError.ConnectionRefused);
            },
        };
        using var client = new ClovaStudioClient(Calls.Options(server, maxRetries: 2), new HttpClient(handler));

        var error = await Assert.ThrowsAsync<ClovaStudioException>(() => client.CompleteChatAsync(Calls.Chat(CallId("ok"))));

        Assert.Equal(3, attempts);
        Assert.Equal("connection_failed", error.ErrorCode);
        Assert.Null(error.StatusCode);
    }

    [Fact]
    public async Task Server_errors_are_retried_for_the_model_list_which_bills_nothing()
    {
        var failures = 0;
        await using var server = LoopbackFaultServer.Start(_ => Interlocked.Increment(ref failures) == 1 ? Fault.Answer(500, """{"error":{"code":"server_error","message":"boom"}}""") : Fault.Answer(200, Fault.Models));
        using var client = Calls.Client(server, maxRetries: 3);

        var models = await client.ListModelsAsync();

        Assert.Equal("HCX-005", models.Single().Id);
        Assert.Equal(2, server.Attempts);
    }

    [Fact]
    public async Task RetryServerErrors_Always_retries_a_chat_500_and_the_server_runs_it_twice()
    {
        await using var server = LoopbackFaultServer.Start(request => request.Attempt == 1 ? Fault.Answer(500, """{"error":{"code":"server_error","message":"boom"}}""") : Fault.Success());
        var options = Calls.Options(server, maxRetries: 3);
        options.RetryServerErrors = ClovaServerErrorRetry.Always;
        using var client = new ClovaStudioClient(options);

        await client.CompleteChatAsync(Calls.Chat("always"));

        Assert.Equal(2, server.ExecutionsOf("always")); // the documented cost of this setting
    }

    [Fact]
    public async Task In_a_run_of_many_calls_through_faults_no_call_is_processed_twice()
    {
        var kinds = new[] { "ok", "429-then-ok", "503-then-ok", "cut-after-200", "drop-after-processing", "500", "502-html", "504", "stream-cut-after-first-chunk", "stream-dropped-after-processing" };
        await using var server = ScriptedServer();
        using var client = Calls.Client(server, maxRetries: 3);
        var random = new Random(15);
        var calls = Enumerable.Range(0, 120).Select(n => (Kind: kinds[random.Next(kinds.Length)], Id: n)).ToList();
        var outcomes = new Dictionary<string, bool>();

        var run = Task.WhenAll(calls.Select(async call =>
        {
            var callId = CallId(call.Kind, call.Id);
            try
            {
                await CallAsync(client, call.Kind, callId);
                lock (outcomes)
                {
                    outcomes[callId] = true;
                }
            }
            catch (ClovaStudioException)
            {
                lock (outcomes)
                {
                    outcomes[callId] = false;
                }
            }
        }));
        Assert.Same(run, await Task.WhenAny(run, Task.Delay(TimeSpan.FromSeconds(60))));
        await run;

        Assert.Equal(calls.Count, outcomes.Count);
        var repeated = server.Executions.Where(e => e.Value > 1).Select(e => KindOf(e.Key)).ToList();
        Assert.Empty(repeated);
        Assert.All(calls, call => Assert.Equal(1, server.ExecutionsOf(CallId(call.Kind, call.Id))));
        Assert.All(calls.Where(c => c.Kind is "ok" or "429-then-ok" or "503-then-ok"), call => Assert.True(outcomes[CallId(call.Kind, call.Id)]));
    }
}
