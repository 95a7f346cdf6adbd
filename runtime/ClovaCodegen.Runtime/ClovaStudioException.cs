using System;

namespace ClovaCodegen;

/// <summary>CLOVA Studio answered with an error, or a response could not be read. Never carries the API key.</summary>
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

    /// <summary>For a chat stream that failed part way (stalled, cut, ended early): how many chunks it had yielded.</summary>
    public int? ChunksReceived { get; init; }
}
