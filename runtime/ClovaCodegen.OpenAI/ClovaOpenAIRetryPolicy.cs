using System;
using System.ClientModel;
using System.ClientModel.Primitives;
using System.Net.Http;
using System.Threading.Tasks;

namespace ClovaCodegen.OpenAI;

/// <summary>
/// The OpenAI SDK's retry policy narrowed to <see cref="ClovaRetryPolicy"/>: the SDK retries 408, 429, 500, 502, 503, 504,
/// any <c>IOException</c> and timeouts, for every request; this retries only what CLOVA Studio provably did not process
/// (a connection that failed before sending, 408, 429, 503; 500/502/504 per <see cref="ClovaServerErrorRetry"/>), so a
/// chat completion cut after it was processed is not run, and billed, again. Delays and <c>Retry-After</c> are the SDK's.
/// </summary>
public sealed class ClovaOpenAIRetryPolicy : ClientRetryPolicy
{
    private readonly ClovaServerErrorRetry _serverErrors;

    /// <summary>Creates the policy.</summary>
    /// <param name="maxRetries">At most this many retries (the SDK's default: 3).</param>
    /// <param name="serverErrors">Whether 500, 502 and 504 are retried (default: only for GET requests).</param>
    public ClovaOpenAIRetryPolicy(int maxRetries = 3, ClovaServerErrorRetry serverErrors = ClovaServerErrorRetry.IdempotentRequests)
        : base(maxRetries) => _serverErrors = serverErrors;

    /// <inheritdoc/>
    protected override bool ShouldRetry(PipelineMessage message, Exception? exception) =>
        base.ShouldRetry(message, exception) && ProvablyNotProcessed(message, exception);

    /// <inheritdoc/>
    protected override async ValueTask<bool> ShouldRetryAsync(PipelineMessage message, Exception? exception) =>
        await base.ShouldRetryAsync(message, exception).ConfigureAwait(false) && ProvablyNotProcessed(message, exception);

    private bool ProvablyNotProcessed(PipelineMessage message, Exception? exception)
    {
        if (exception is not null)
        {
            // The transport wraps HttpClient's exception (ClientResultException with status 0); a timeout or a body cut
            // while buffering is not a failure to connect, so it is not retried.
            for (var inner = exception; inner is not null; inner = inner.InnerException)
            {
                if (inner is HttpRequestException)
                {
                    return ClovaRetryPolicy.IsRetriable(inner);
                }
            }

            return false;
        }

        return message.Response is { } response
            && ClovaRetryPolicy.IsRetriable(response.Status, message.Request.Method is "GET" or "HEAD", _serverErrors);
    }
}
