using System;

namespace ClovaCodegen;

/// <summary>
/// A structured answer did not fit its type: not JSON, a property missing or of the wrong kind, an unknown enum name.
/// <see cref="RawText"/> holds the model's text as it came, to log or to send back to the model.
/// </summary>
public sealed class ClovaStructuredOutputException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ClovaStructuredOutputException(string message, string targetType, string rawText, string? jsonPath = null, Exception? innerException = null)
        : base(message, innerException)
    {
        TargetType = targetType;
        RawText = rawText;
        JsonPath = jsonPath;
    }

    /// <summary>The full name of the type the answer was read as.</summary>
    public string TargetType { get; }

    /// <summary>The model's answer, unchanged.</summary>
    public string RawText { get; }

    /// <summary>Where in the JSON the problem is (<c>$.items[1].price</c>), when the reader got that far.</summary>
    public string? JsonPath { get; }
}
