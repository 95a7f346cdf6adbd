using System;
using System.Globalization;

namespace ClovaCodegen.Emulator;

/// <summary>What an injected fault does to a request.</summary>
public enum FaultKind
{
    /// <summary>Answer with <see cref="FaultRule.StatusCode"/> and an error body (429 and 503 with <c>Retry-After</c>), without processing.</summary>
    Status,

    /// <summary>A streamed answer ends after its first chunk, without <c>[DONE]</c>: processed, then cut. Unstreamed answers are untouched.</summary>
    CutStream,

    /// <summary>An unstreamed answer sends its <c>200</c> headers and half its body, then drops the connection: processed, then cut.</summary>
    CutBody,

    /// <summary>The connection is dropped before any answer (and before processing).</summary>
    Reset,
}

/// <summary>
/// One fault and the probability that a request draws it. Written <c>429:0.1</c>, <c>cut-stream:0.05</c>,
/// <c>cut-body:0.05</c> or <c>reset:0.01</c> on the command line.
/// </summary>
public sealed record FaultRule(FaultKind Kind, double Probability, int StatusCode = 0)
{
    /// <summary>Reads <c>&lt;status|cut-stream|cut-body|reset&gt;:&lt;probability 0..1&gt;</c>.</summary>
    /// <exception cref="FormatException">The text is not such a rule; the message quotes it.</exception>
    public static FaultRule Parse(string text)
    {
        var colon = text.LastIndexOf(':');
        if (colon <= 0 || !double.TryParse(text.AsSpan(colon + 1), NumberStyles.Float, CultureInfo.InvariantCulture, out var probability)
            || !(probability >= 0 && probability <= 1))
        {
            throw new FormatException($"Fault '{text}' must be <status|cut-stream|cut-body|reset>:<probability from 0 to 1>, e.g. 429:0.1.");
        }

        var kind = text.Substring(0, colon);
        return kind switch
        {
            "cut-stream" => new FaultRule(FaultKind.CutStream, probability),
            "cut-body" => new FaultRule(FaultKind.CutBody, probability),
            "reset" => new FaultRule(FaultKind.Reset, probability),
            _ when int.TryParse(kind, NumberStyles.None, CultureInfo.InvariantCulture, out var status) && status is >= 400 and <= 599
                => new FaultRule(FaultKind.Status, probability, status),
            _ => throw new FormatException($"Fault '{text}': '{kind}' is not an error status (400-599), cut-stream, cut-body or reset."),
        };
    }

    /// <inheritdoc/>
    public override string ToString()
    {
        var kind = Kind switch
        {
            FaultKind.Status => StatusCode.ToString(CultureInfo.InvariantCulture),
            FaultKind.CutStream => "cut-stream",
            FaultKind.CutBody => "cut-body",
            _ => "reset",
        };
        return kind + ":" + Probability.ToString("R", CultureInfo.InvariantCulture);
    }
}
