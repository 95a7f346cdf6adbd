using System;

namespace ClovaCodegen;

/// <summary>CLOVA Studio's OpenAI-compatible base URLs, one per cloud (kept equal to the spec's <c>baseUrls</c> by a test).</summary>
public static class ClovaStudioEndpoints
{
    /// <summary>Public cloud: <c>https://clovastudio.stream.ntruss.com/v1/openai/</c>.</summary>
    public static Uri Public { get; } = new("https://clovastudio.stream.ntruss.com/v1/openai/");

    /// <summary>Gov cloud: <c>https://clovastudio.stream.gov-ntruss.com/v1/openai/</c>.</summary>
    public static Uri Gov { get; } = new("https://clovastudio.stream.gov-ntruss.com/v1/openai/");
}

/// <summary>How <see cref="ClovaStudioClient"/> reaches CLOVA Studio.</summary>
public sealed class ClovaStudioClientOptions
{
    /// <summary>A CLOVA Studio test or service API key (<c>nv-...</c>). Never printed by <see cref="ToString"/>, logs or exceptions.</summary>
    public string? ApiKey { get; set; }

    /// <summary>The OpenAI-compatible base URL (default: <see cref="ClovaStudioEndpoints.Public"/>). <c>http</c> is accepted for loopback only.</summary>
    public Uri Endpoint { get; set; } = ClovaStudioEndpoints.Public;

    /// <summary>
    /// Retries of a call CLOVA Studio provably did not process (connection refused or DNS failure before sending, 408, 429,
    /// 503; 500/502/504 per <see cref="RetryServerErrors"/>), with exponential backoff; 0 turns retries off. Never after a
    /// response has started. See <see cref="ClovaRetryPolicy"/>.
    /// </summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>
    /// Whether 500, 502 and 504 are retried, which may repeat billed work (default
    /// <see cref="ClovaServerErrorRetry.IdempotentRequests"/>: only <c>GET models</c>).
    /// </summary>
    public ClovaServerErrorRetry RetryServerErrors { get; set; } = ClovaServerErrorRetry.IdempotentRequests;

    /// <summary>The first retry's delay; later ones double (with jitter). A <c>Retry-After</c> header takes precedence.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>No retry waits longer than this, whatever <c>Retry-After</c> says.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The longest the client waits for the next bytes of a response once its headers have arrived: between the chunks of
    /// a stream, and while reading an error body (default 60 s; <see cref="System.Threading.Timeout.InfiniteTimeSpan"/>
    /// turns it off). A stream that goes quiet this long ends in a <see cref="ClovaStudioException"/> saying it stalled.
    /// </summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Describes the options without the key.</summary>
    public override string ToString() => $"ClovaStudioClientOptions {{ Endpoint = {Endpoint}, ApiKey = {(string.IsNullOrEmpty(ApiKey) ? "(none)" : "(set)")} }}";
}
