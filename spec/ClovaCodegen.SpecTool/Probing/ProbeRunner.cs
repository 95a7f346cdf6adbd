using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;

namespace ClovaCodegen.SpecTool.Probing;

/// <summary>How a run may spend: requests, concurrency, patience.</summary>
public sealed record ProbeLimits
{
    /// <summary>The default <c>--max-requests</c>: room for the default spec's whole plan and its follow-ups, and no more.</summary>
    public const int DefaultMaxRequests = 160;

    /// <summary>Requests the service may bill (every request except those it answered 429, which it refused unread).</summary>
    public int MaxRequests { get; init; } = DefaultMaxRequests;

    /// <summary>Requests in flight at once.</summary>
    public int Concurrency { get; init; } = 4;

    /// <summary>How often one probe is sent again after a 429 before it counts as rate-limited.</summary>
    public int MaxRetries { get; init; } = 8;

    /// <summary>How long one request may take.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The longest <c>Retry-After</c> honoured; a longer one stops the run instead of stalling it.</summary>
    public TimeSpan MaxRetryAfter { get; init; } = TimeSpan.FromMinutes(5);
}

/// <summary>
/// Sends probes: at most <see cref="ProbeLimits.Concurrency"/> at once, never more billable requests than
/// <see cref="ProbeLimits.MaxRequests"/>, every request paused while the service's last <c>Retry-After</c> runs, and no
/// request at all after a 401 or 403. The key goes into the Authorization header and nowhere else: results carry the
/// service's messages with any copy of the key replaced.
/// </summary>
internal sealed class ProbeRunner : IDisposable
{
    private const string Redacted = "<redacted>";

    private readonly HttpClient _http;
    private readonly string _apiKey;
    private readonly string _requestIdHeader;
    private readonly ProbeLimits _limits;
    private readonly SemaphoreSlim _slots;
    private readonly CancellationTokenSource _stop = new();
    private readonly object _gate = new();
    private DateTimeOffset _resumeAt = DateTimeOffset.MinValue;
    private int _billable;
    private int _sent;
    private int _rateLimited;
    private long _waitedTicks;

    public ProbeRunner(HttpMessageHandler handler, Uri baseUrl, string apiKey, string? requestIdHeader, ProbeLimits limits)
    {
        _http = new HttpClient(handler, disposeHandler: false) { BaseAddress = baseUrl, Timeout = System.Threading.Timeout.InfiniteTimeSpan };
        _apiKey = apiKey;
        _requestIdHeader = requestIdHeader ?? "X-NCP-CLOVASTUDIO-REQUEST-ID";
        _limits = limits;
        _slots = new SemaphoreSlim(Math.Max(1, limits.Concurrency));
    }

    /// <summary>Requests counted against the budget so far.</summary>
    public int BillableRequests => Volatile.Read(ref _billable);

    /// <summary>Every request sent, 429s included.</summary>
    public int SentRequests => Volatile.Read(ref _sent);

    /// <summary>Answers that were 429.</summary>
    public int RateLimitedAnswers => Volatile.Read(ref _rateLimited);

    /// <summary>Time spent waiting out Retry-After (summed over the requests that waited).</summary>
    public TimeSpan WaitedForRateLimits => TimeSpan.FromTicks(Interlocked.Read(ref _waitedTicks));

    public int RemainingBudget => Math.Max(0, _limits.MaxRequests - BillableRequests);

    /// <summary>Why the run stopped early (a refused key, a Retry-After too long), or null.</summary>
    public string? StopReason { get; private set; }

    public bool Stopped => _stop.IsCancellationRequested;

    public async Task<List<ProbeResult>> RunAsync(IReadOnlyList<Probe> probes, CancellationToken cancellationToken)
    {
        var tasks = probes.Select(p => RunOneAsync(p, cancellationToken)).ToList();
        return (await Task.WhenAll(tasks).ConfigureAwait(false)).ToList();
    }

    private async Task<ProbeResult> RunOneAsync(Probe probe, CancellationToken cancellationToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _stop.Token);
        try
        {
            await _slots.WaitAsync(linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return ProbeResult.NotSent(probe, "the run stopped: " + (StopReason ?? "cancelled"));
        }

        try
        {
            return await SendWithRetriesAsync(probe, linked.Token).ConfigureAwait(false);
        }
        finally
        {
            _slots.Release();
        }
    }

    private async Task<ProbeResult> SendWithRetriesAsync(Probe probe, CancellationToken token)
    {
        var clock = Stopwatch.StartNew();
        var rateLimited = 0;
        for (var attempt = 1; ; attempt++)
        {
            if (token.IsCancellationRequested)
            {
                return ProbeResult.NotSent(probe, "the run stopped: " + (StopReason ?? "cancelled")) with { Attempts = attempt - 1, RateLimitedAttempts = rateLimited };
            }

            if (!await WaitForRateLimitAsync(token).ConfigureAwait(false))
            {
                return ProbeResult.NotSent(probe, "the run stopped: " + (StopReason ?? "cancelled")) with { Attempts = attempt - 1, RateLimitedAttempts = rateLimited };
            }

            if (Interlocked.Increment(ref _billable) > _limits.MaxRequests)
            {
                Interlocked.Decrement(ref _billable);
                return ProbeResult.NotSent(probe, $"the budget of {_limits.MaxRequests} requests (--max-requests) is spent") with { Attempts = attempt - 1, RateLimitedAttempts = rateLimited };
            }

            var answer = await SendAsync(probe, token).ConfigureAwait(false);
            if (answer.Status != 429)
            {
                var verdict = answer.Status switch
                {
                    null => ProbeVerdict.NoAnswer,
                    >= 200 and < 300 => ProbeVerdict.Accepted,
                    401 or 403 => ProbeVerdict.KeyRefused,
                    >= 500 => ProbeVerdict.ServerError,
                    _ => ProbeVerdict.Rejected,
                };
                if (verdict == ProbeVerdict.KeyRefused)
                {
                    Stop($"the service answered {answer.Status}{(answer.ErrorCode is null ? "" : " " + answer.ErrorCode)} to {probe.Id}: the key (CLOVA_STUDIO_API_KEY) was refused, so no further request was sent");
                }

                return new ProbeResult(probe, verdict, answer.Status, answer.ErrorCode, answer.ErrorMessage, answer.ErrorParam, answer.RequestId, attempt, rateLimited, clock.Elapsed, answer.Json);
            }

            // 429: refused before any work, so not billed; wait as the service asks, then the same request again.
            Interlocked.Decrement(ref _billable);
            Interlocked.Increment(ref _rateLimited);
            rateLimited++;
            var delay = answer.RetryAfter ?? TimeSpan.FromSeconds(Math.Min(30, Math.Pow(2, attempt - 1)));
            if (delay > _limits.MaxRetryAfter)
            {
                Stop($"the service asked to wait {delay.TotalSeconds:0} s (Retry-After) after {probe.Id}, longer than the {_limits.MaxRetryAfter.TotalSeconds:0} s this run waits");
            }
            else
            {
                lock (_gate)
                {
                    var resume = DateTimeOffset.UtcNow + delay;
                    if (resume > _resumeAt)
                    {
                        _resumeAt = resume;
                    }
                }
            }

            if (attempt > _limits.MaxRetries)
            {
                return new ProbeResult(probe, ProbeVerdict.RateLimited, 429, answer.ErrorCode, answer.ErrorMessage, answer.ErrorParam, answer.RequestId, attempt, rateLimited, clock.Elapsed, null);
            }
        }
    }

    private async Task<bool> WaitForRateLimitAsync(CancellationToken token)
    {
        TimeSpan wait;
        lock (_gate)
        {
            wait = _resumeAt - DateTimeOffset.UtcNow;
        }

        if (wait <= TimeSpan.Zero)
        {
            return true;
        }

        Interlocked.Add(ref _waitedTicks, wait.Ticks);
        try
        {
            await Task.Delay(wait, token).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private void Stop(string reason)
    {
        lock (_gate)
        {
            StopReason ??= reason;
        }

        _stop.Cancel();
    }

    private sealed record Answer(int? Status, string? ErrorCode, string? ErrorMessage, string? ErrorParam, string? RequestId, TimeSpan? RetryAfter, JsonNode? Json);

    private async Task<Answer> SendAsync(Probe probe, CancellationToken token)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(token);
        timeout.CancelAfter(_limits.Timeout);
        using var request = new HttpRequestMessage(new HttpMethod(probe.Method), probe.Path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _apiKey);
        if (probe.Body is not null)
        {
            request.Content = new StringContent(probe.Body.ToJsonString(), Encoding.UTF8, "application/json");
        }

        Interlocked.Increment(ref _sent);
        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, timeout.Token).ConfigureAwait(false);
            var text = await response.Content.ReadAsStringAsync(timeout.Token).ConfigureAwait(false);
            var requestId = response.Headers.TryGetValues(_requestIdHeader, out var ids) ? ids.FirstOrDefault() : null;
            var json = TryParse(text);
            var (code, message, param) = response.IsSuccessStatusCode ? (null, null, null) : ReadError(json, text);
            return new Answer((int)response.StatusCode, Redact(code), Redact(message), Redact(param), Redact(requestId), RetryAfter(response), json);
        }
        catch (OperationCanceledException) when (!token.IsCancellationRequested)
        {
            return new Answer(null, null, $"no answer within {_limits.Timeout.TotalSeconds:0} s", null, null, null, null);
        }
        catch (OperationCanceledException)
        {
            return new Answer(null, null, "the run stopped: " + (StopReason ?? "cancelled"), null, null, null, null);
        }
        catch (HttpRequestException ex)
        {
            return new Answer(null, null, Redact("no answer: " + ex.Message), null, null, null, null);
        }
    }

    private static TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - DateTimeOffset.UtcNow;
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }

    private static JsonNode? TryParse(string text)
    {
        try
        {
            return text.Length == 0 ? null : JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return null; // a stream (text/event-stream) or an HTML error page
        }
    }

    /// <summary>OpenAI's <c>{"error": {code, message, param}}</c>, or CLOVA Studio's native <c>{"status": {code, message}}</c>.</summary>
    private static (string? Code, string? Message, string? Param) ReadError(JsonNode? json, string text)
    {
        if (json is JsonObject root && (root["error"] ?? root["status"]) is JsonObject error)
        {
            return (Scalar(error["code"]), Scalar(error["message"]), Scalar(error["param"]));
        }

        return (null, text.Length > 300 ? text.Substring(0, 300) + "..." : text, null);
    }

    private static string? Scalar(JsonNode? node) => node is JsonValue value
        ? value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : value.ToJsonString()
        : null;

    private string? Redact(string? text) => text is null || _apiKey.Length == 0 ? text : text.Replace(_apiKey, Redacted, StringComparison.Ordinal);

    public void Dispose()
    {
        _http.Dispose();
        _slots.Dispose();
        _stop.Dispose();
    }
}
