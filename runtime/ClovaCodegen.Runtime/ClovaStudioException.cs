using System;

namespace ClovaCodegen;

/// <summary>
/// CLOVA Studio answered with an error, could not be reached, timed out, or its answer could not be read. Whenever the
/// answer's headers arrived, <see cref="StatusCode"/> and <see cref="RequestId"/> are set. Never carries the API key.
/// </summary>
public sealed class ClovaStudioException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ClovaStudioException(string message, int? statusCode = null, string? errorCode = null, string? requestId = null, Exception? innerException = null)
        : base(message, innerException)
    {
        StatusCode = statusCode;
        ErrorCode = errorCode;
        RequestId = requestId;
    }

    /// <summary>The HTTP status code, when the service answered.</summary>
    public int? StatusCode { get; }

    /// <summary>CLOVA Studio's error code (the error body's <c>code</c>), when it gave one.</summary>
    public string? ErrorCode { get; }

    /// <summary>The request id header (<c>X-NCP-CLOVASTUDIO-REQUEST-ID</c>), for support requests.</summary>
    public string? RequestId { get; }

    /// <summary>
    /// The call failed because something timed out: <c>HttpClient.Timeout</c> before the answer arrived (or before it
    /// arrived in full), or a stream that went quiet for <see cref="ClovaStudioClientOptions.IdleTimeout"/>. A cancellation
    /// by the caller is not a timeout: it stays an <see cref="OperationCanceledException"/>.
    /// </summary>
    public bool TimedOut { get; init; }

    /// <summary>For a chat stream that failed part way (stalled, cut, ended early): how many chunks it had yielded.</summary>
    public int? ChunksReceived { get; init; }
}
