using System;
using System.Text.Json.Nodes;

namespace ClovaCodegen.SpecTool.Probing;

/// <summary>Why a probe is sent.</summary>
public enum ProbePurpose
{
    /// <summary><c>GET models</c>: which model names the service lists.</summary>
    ModelList,

    /// <summary>The smallest request with one model: does the endpoint serve it?</summary>
    Model,

    /// <summary>The endpoint's smallest request plus one field with one value.</summary>
    FieldValue,

    /// <summary>A follow-up: where a range edge the service refused now lies (a search on a grid).</summary>
    RangeSearch,

    /// <summary>A follow-up: which endpoint serves a model the list shows and the spec does not.</summary>
    NewModel,
}

/// <summary>What the service made of a probe.</summary>
public enum ProbeVerdict
{
    /// <summary>2xx.</summary>
    Accepted,

    /// <summary>A 4xx other than 401, 403 and 429: the request (the one field or model it differs in) was refused.</summary>
    Rejected,

    /// <summary>401 or 403: the key was refused; the run stops.</summary>
    KeyRefused,

    /// <summary>Still 429 after every retry the run allows: tells nothing.</summary>
    RateLimited,

    /// <summary>5xx: tells nothing, and is not repeated (the service may have done the work).</summary>
    ServerError,

    /// <summary>No answer (timeout, connection failure): tells nothing, not repeated.</summary>
    NoAnswer,

    /// <summary>Not sent: the run stopped or the budget ran out first.</summary>
    NotSent,
}

/// <summary>
/// One request of a probe run. <paramref name="Field"/> and <paramref name="Value"/> name what the request adds to the
/// endpoint's smallest request; <paramref name="Model"/> the model it asks for.
/// </summary>
public sealed record Probe(
    string Id,
    ProbePurpose Purpose,
    string EndpointId,
    string Method,
    string Path,
    string? Model,
    string? Field,
    JsonNode? Value,
    JsonObject? Body,
    string Reason)
{
    /// <summary>The value as JSON text (<c>-</c> when the probe adds none).</summary>
    public string ValueText => Value?.ToJsonString() ?? "-";
}

/// <summary>What came back for one probe. Nothing in it holds the API key.</summary>
public sealed record ProbeResult(
    Probe Probe,
    ProbeVerdict Verdict,
    int? Status,
    string? ErrorCode,
    string? ErrorMessage,
    string? ErrorParam,
    string? RequestId,
    int Attempts,
    int RateLimitedAttempts,
    TimeSpan Elapsed,
    JsonNode? Answer)
{
    public static ProbeResult NotSent(Probe probe, string why) =>
        new(probe, ProbeVerdict.NotSent, null, null, why, null, null, 0, 0, TimeSpan.Zero, null);

    /// <summary>How the report and the spec notes cite this probe: <c>P012, request id emu-000012</c>.</summary>
    public string Citation => RequestId is null ? Probe.Id : $"{Probe.Id}, request id {RequestId}";

    public bool IsConclusive => Verdict is ProbeVerdict.Accepted or ProbeVerdict.Rejected;
}
