using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace ClovaCodegen.Testing;

/// <summary>
/// A raw HTTP/1.1 server on 127.0.0.1 (free port) that answers each request with a scripted <see cref="Fault"/>, written
/// byte by byte: a status line and then nothing, a Content-Length it never fulfils, a dropped connection after the request
/// was "processed". It counts attempts (requests received) and executions (requests it processed, i.e. would have billed)
/// per logical call, keyed by the request body, so a test can see work repeated by retries. Every connection is closed
/// after its answer (<c>Connection: close</c>): no pooled connection is reused, so the handler's own reconnect logic is out
/// of the picture. Stalls last until the server is disposed.
/// </summary>
internal sealed class LoopbackFaultServer : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly Func<ReceivedRequest, Fault> _script;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<string, int> _attemptsByCall = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _executionsByCall = new(StringComparer.Ordinal);
    private readonly ConcurrentBag<TcpClient> _connections = new();
    private readonly Task _accepting;
    private int _attempts;
    private int _requestIds;

    private LoopbackFaultServer(Func<ReceivedRequest, Fault> script)
    {
        _script = script;
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        _accepting = AcceptAsync();
    }

    /// <summary>Starts a server that answers each request with what <paramref name="script"/> returns for it.</summary>
    public static LoopbackFaultServer Start(Func<ReceivedRequest, Fault> script) => new(script);

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public Uri BaseUrl => new($"http://127.0.0.1:{Port}/v1/openai/");

    /// <summary>Requests received in full, over all calls.</summary>
    public int Attempts => Volatile.Read(ref _attempts);

    /// <summary>Requests whose body (or path) contains <paramref name="callId"/> that the server received.</summary>
    public int AttemptsOf(string callId) => CountOf(_attemptsByCall, callId);

    /// <summary>Requests whose body (or path) contains <paramref name="callId"/> that the server processed (billed work).</summary>
    public int ExecutionsOf(string callId) => CountOf(_executionsByCall, callId);

    private static int CountOf(ConcurrentDictionary<string, int> counts, string callId)
    {
        var total = 0;
        foreach (var entry in counts)
        {
            total += entry.Key.Contains(callId, StringComparison.Ordinal) ? entry.Value : 0;
        }

        return total;
    }

    /// <summary>Executions per request body, for runs of many calls.</summary>
    public IReadOnlyDictionary<string, int> Executions => _executionsByCall;

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient connection;
            try
            {
                connection = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                return;
            }

            _connections.Add(connection);
            _ = ServeAsync(connection);
        }
    }

    private async Task ServeAsync(TcpClient connection)
    {
        try
        {
            using (connection)
            {
                var stream = connection.GetStream();
                var request = await ReadRequestAsync(stream, _stop.Token);
                if (request is null)
                {
                    return;
                }

                Interlocked.Increment(ref _attempts);
                var attempt = _attemptsByCall.AddOrUpdate(request.Body, 1, (_, n) => n + 1);
                var fault = _script(request with { Attempt = attempt });
                if (fault.Executes)
                {
                    _executionsByCall.AddOrUpdate(request.Body, 1, (_, n) => n + 1);
                }

                var requestId = "fault-" + Interlocked.Increment(ref _requestIds).ToString(CultureInfo.InvariantCulture);
                await fault.WriteAsync(stream, requestId, _stop.Token);
                if (fault.StallsAfterWriting)
                {
                    await Task.Delay(Timeout.Infinite, _stop.Token);
                }
            }
        }
        catch (Exception) when (_stop.IsCancellationRequested)
        {
        }
        catch (IOException)
        {
            // The client gave up (timeout, cancellation): nothing to answer.
        }
    }

    private static async Task<ReceivedRequest?> ReadRequestAsync(NetworkStream stream, CancellationToken cancellationToken)
    {
        var received = new MemoryStream();
        var chunk = new byte[8192];
        int headEnd;
        while ((headEnd = IndexOfBlankLine(received)) < 0)
        {
            var n = await stream.ReadAsync(chunk, cancellationToken);
            if (n == 0)
            {
                return null;
            }

            received.Write(chunk, 0, n);
        }

        var head = Encoding.ASCII.GetString(received.GetBuffer(), 0, headEnd).Split("\r\n");
        var requestLine = head[0].Split(' ');
        var contentLength = 0;
        foreach (var line in head)
        {
            if (line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
            {
                contentLength = int.Parse(line.Substring("Content-Length:".Length).Trim(), CultureInfo.InvariantCulture);
            }
        }

        var bodyStart = headEnd + 4;
        while (received.Length < bodyStart + contentLength)
        {
            var n = await stream.ReadAsync(chunk, cancellationToken);
            if (n == 0)
            {
                return null;
            }

            received.Write(chunk, 0, n);
        }

        var text = Encoding.UTF8.GetString(received.GetBuffer(), bodyStart, contentLength);
        return new ReceivedRequest(requestLine[0], requestLine[1], text.Length == 0 ? requestLine[1] : text, 0);

        static int IndexOfBlankLine(MemoryStream bytes)
        {
            var b = bytes.GetBuffer();
            for (var i = 0; i + 3 < bytes.Length; i++)
            {
                if (b[i] == '\r' && b[i + 1] == '\n' && b[i + 2] == '\r' && b[i + 3] == '\n')
                {
                    return i;
                }
            }

            return -1;
        }
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _listener.Stop();
        foreach (var connection in _connections)
        {
            connection.Dispose();
        }

        try
        {
            await _accepting;
        }
        catch (Exception)
        {
        }

        _stop.Dispose();
    }
}

/// <summary>One request as the fault server read it; <see cref="Body"/> (or the path, for a GET) keys the logical call.</summary>
internal sealed record ReceivedRequest(string Method, string Path, string Body, int Attempt);

/// <summary>What the fault server writes in answer to one request, and whether it counts as processed.</summary>
internal sealed class Fault
{
    private readonly Func<Stream, string, CancellationToken, Task> _write;

    private Fault(bool executes, bool stallsAfterWriting, Func<Stream, string, CancellationToken, Task> write)
    {
        Executes = executes;
        StallsAfterWriting = stallsAfterWriting;
        _write = write;
    }

    /// <summary>Whether the server processed the request (a real service would have billed it).</summary>
    public bool Executes { get; }

    /// <summary>After writing, keep the connection open and send nothing more.</summary>
    public bool StallsAfterWriting { get; }

    public Task WriteAsync(Stream stream, string requestId, CancellationToken cancellationToken) => _write(stream, requestId, cancellationToken);

    public const string Completion = """{"id":"c1","object":"chat.completion","created":1764000000,"model":"HCX-005","choices":[{"index":0,"message":{"role":"assistant","content":"ok"},"finish_reason":"stop"}],"usage":{"prompt_tokens":1,"completion_tokens":1,"total_tokens":2}}""";

    public const string Models = """{"object":"list","data":[{"id":"HCX-005","object":"model","owned_by":"naver"}]}""";

    public static string Chunk(string content) =>
        "data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1764000000,\"model\":\"HCX-005\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"" + content + "\"},\"finish_reason\":null}]}\n\n";

    /// <summary>A whole answer: status, headers (with a request id), body.</summary>
    public static Fault Answer(int status, string body, string contentType = "application/json", bool executes = true, string? extraHeaders = null) =>
        new(executes, false, (stream, id, token) => SendAsync(stream, Head(status, id, contentType, Encoding.UTF8.GetByteCount(body), extraHeaders) + body, token));

    /// <summary>A completed chat answer.</summary>
    public static Fault Success() => Answer(200, Completion);

    /// <summary>429 or 503, which a real service answers without processing the request.</summary>
    public static Fault Rejected(int status, int? retryAfterSeconds = null) =>
        Answer(status, "{\"error\":{\"code\":\"" + status + "\",\"message\":\"try again later\"}}", executes: false,
            extraHeaders: retryAfterSeconds is { } s ? $"Retry-After: {s}\r\n" : null);

    /// <summary>Headers promising <paramref name="contentLength"/> bytes, then only <paramref name="part"/>; then a stall or a closed connection.</summary>
    public static Fault CutBody(int status, int contentLength, string part, bool stall, string contentType = "application/json") =>
        new(true, stall, (stream, id, token) => SendAsync(stream, Head(status, id, contentType, contentLength, null) + part, token));

    /// <summary>Reads the request and answers nothing, keeping the connection open.</summary>
    public static Fault Silence() => new(true, true, (_, _, _) => Task.CompletedTask);

    /// <summary>Reads the request, processes it, and closes the connection without a byte of answer.</summary>
    public static Fault DropAfterProcessing() => new(true, false, (_, _, _) => Task.CompletedTask);

    /// <summary>A 200 event stream: these chunks, then <c>[DONE]</c>, a stall, or a closed connection.</summary>
    public static Fault Stream(IEnumerable<string> chunks, StreamEnd end) =>
        new(true, end == StreamEnd.Stall, async (stream, id, token) =>
        {
            await SendAsync(stream, $"HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nX-NCP-CLOVASTUDIO-REQUEST-ID: {id}\r\nConnection: close\r\n\r\n", token);
            foreach (var chunk in chunks)
            {
                await SendAsync(stream, Chunk(chunk), token);
            }

            if (end == StreamEnd.Done)
            {
                await SendAsync(stream, "data: [DONE]\n\n", token);
            }
        });

    private static string Head(int status, string requestId, string contentType, int contentLength, string? extraHeaders) =>
        $"HTTP/1.1 {status} {Reason(status)}\r\nContent-Type: {contentType}\r\nContent-Length: {contentLength}\r\nX-NCP-CLOVASTUDIO-REQUEST-ID: {requestId}\r\n{extraHeaders}Connection: close\r\n\r\n";

    private static string Reason(int status) => status switch
    {
        200 => "OK",
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        504 => "Gateway Timeout",
        _ => "Status",
    };

    private static async Task SendAsync(Stream stream, string text, CancellationToken cancellationToken)
    {
        await stream.WriteAsync(Encoding.UTF8.GetBytes(text), cancellationToken);
        await stream.FlushAsync(cancellationToken);
    }
}

internal enum StreamEnd
{
    Done,
    Stall,
    Close,
}
