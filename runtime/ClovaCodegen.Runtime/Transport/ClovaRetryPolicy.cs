using System;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading.Tasks;
using Polly;
using Polly.Retry;

namespace ClovaCodegen;

/// <summary>
/// Whether <c>500</c>, <c>502</c> and <c>504</c> answers are retried. Unlike <c>429</c> and <c>503</c>, such an answer
/// does not say that CLOVA Studio left the request unprocessed: it may have run (and billed) the completion and failed
/// afterwards, or a gateway may have given up on an upstream that is still working.
/// </summary>
public enum ClovaServerErrorRetry
{
    /// <summary>Never retried.</summary>
    Never,

    /// <summary>
    /// Retried only for requests that neither change nor bill anything (<c>GET models</c>); chat completions and embeddings
    /// are not retried. The default.
    /// </summary>
    IdempotentRequests,

    /// <summary>
    /// Retried for every request, as the OpenAI SDK does: availability over cost. A chat completion may then be processed,
    /// and billed, more than once.
    /// </summary>
    Always,
}

/// <summary>
/// When a call to CLOVA Studio is retried: only when the request provably was not processed. That is a connection that
/// failed before the request was sent (DNS failure, connection refused or unreachable), <c>429</c>, <c>503</c> (with or
/// without <c>Retry-After</c>) and <c>408</c>; <c>500</c>/<c>502</c>/<c>504</c> per <see cref="ClovaServerErrorRetry"/>.
/// Never after a response has started (a body cut or stalled after the headers), never after a connection dropped once
/// the request was sent, never after a timeout. Used by <see cref="ClovaStudioClient"/>'s own retries and, on the
/// dependency-injection path, by the <c>HttpClient</c>'s resilience handler, so both follow one policy.
/// </summary>
public static class ClovaRetryPolicy
{
    /// <summary>Whether an answer says the request was not processed (or, for 5xx, the policy allows a retry).</summary>
    public static bool IsRetriable(HttpResponseMessage response, ClovaServerErrorRetry serverErrors)
    {
        if (response is null)
        {
            throw new ArgumentNullException(nameof(response));
        }

        var method = response.RequestMessage?.Method.Method;
        return IsRetriable((int)response.StatusCode, method is "GET" or "HEAD", serverErrors);
    }

    /// <summary>The status rule, shared with the OpenAI SDK adapter's retry policy.</summary>
    internal static bool IsRetriable(int status, bool idempotentRequest, ClovaServerErrorRetry serverErrors) => status switch
    {
        408 or 429 or 503 => true,
        500 or 502 or 504 => serverErrors == ClovaServerErrorRetry.Always || (serverErrors == ClovaServerErrorRetry.IdempotentRequests && idempotentRequest),
        _ => false,
    };

    /// <summary>
    /// Whether an exception from sending says the request never left this machine: name resolution failed, or the
    /// connection was refused or unreachable. Any other failure (a connection reset or closed after sending, a timeout)
    /// may come after the server received, and processed, the request.
    /// </summary>
    public static bool IsRetriable(Exception exception)
    {
        if (exception is not HttpRequestException)
        {
            return false;
        }

#if NET
        if (exception is HttpRequestException { HttpRequestError: HttpRequestError.NameResolutionError or HttpRequestError.ConnectionError })
        {
            return true;
        }
#endif

        for (var inner = exception.InnerException; inner is not null; inner = inner.InnerException)
        {
            if (inner is SocketException { SocketErrorCode: SocketError.ConnectionRefused or SocketError.HostNotFound or SocketError.TryAgain or SocketError.NoData or SocketError.HostUnreachable or SocketError.NetworkUnreachable })
            {
                return true;
            }

            if (inner is WebException { Status: WebExceptionStatus.NameResolutionFailure or WebExceptionStatus.ConnectFailure })
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The retry strategy for these options: at most <see cref="ClovaStudioClientOptions.MaxRetries"/> retries with
    /// exponential backoff and jitter from <see cref="ClovaStudioClientOptions.RetryBaseDelay"/>, a <c>Retry-After</c>
    /// header honoured up to <see cref="ClovaStudioClientOptions.MaxRetryDelay"/>, only where this policy allows.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><see cref="ClovaStudioClientOptions.MaxRetries"/> is less than 1.</exception>
    public static RetryStrategyOptions<HttpResponseMessage> CreateRetryOptions(ClovaStudioClientOptions options)
    {
        if (options is null)
        {
            throw new ArgumentNullException(nameof(options));
        }

        if (options.MaxRetries < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "MaxRetries must be 1 or more for a retry strategy; 0 means no retry strategy at all.");
        }

        var maxDelay = options.MaxRetryDelay;
        var serverErrors = options.RetryServerErrors;
        return new RetryStrategyOptions<HttpResponseMessage>
        {
            Name = "ClovaStudio",
            MaxRetryAttempts = options.MaxRetries,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = options.RetryBaseDelay,
            MaxDelay = maxDelay,
            ShouldHandle = arguments => new ValueTask<bool>(arguments.Outcome.Exception is { } exception
                ? IsRetriable(exception)
                : arguments.Outcome.Result is { } response && IsRetriable(response, serverErrors)),
            DelayGenerator = arguments =>
            {
                // CLOVA Studio's Retry-After (seconds or a date) wins over the computed backoff, within MaxRetryDelay.
                var retryAfter = arguments.Outcome.Result?.Headers.RetryAfter;
                var delay = retryAfter?.Delta ?? (retryAfter?.Date is { } date ? date - DateTimeOffset.UtcNow : (TimeSpan?)null);
                return new ValueTask<TimeSpan?>(delay is { } d && d >= TimeSpan.Zero ? (d > maxDelay ? maxDelay : d) : null);
            },
            OnRetry = arguments =>
            {
                arguments.Outcome.Result?.Dispose();
                return default;
            },
        };
    }
}
