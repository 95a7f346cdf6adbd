using System;
using System.Collections.Generic;
using ClovaCodegen.Spec.Model;

namespace ClovaCodegen.Emulator;

/// <summary>What the emulator checks and which faults it injects.</summary>
public sealed partial class EmulatorOptions
{
    /// <summary>The spec requests are validated against (default: the embedded spec).</summary>
    public CompatSpec? Spec { get; set; }

    /// <summary>
    /// When set (and not empty), only these bearer keys are accepted; any other gets 401 with CLOVA Studio's code 40100.
    /// Unset, any well-formed bearer key passes.
    /// </summary>
    public IReadOnlyCollection<string>? AcceptedApiKeys { get; set; }

    /// <summary>
    /// When set, a bearer key must start with this (CLOVA Studio's keys start with <c>nv-</c>, the spec's
    /// <c>apiKey.prefix</c>); any other gets 401 with code 40100. Combines with <see cref="AcceptedApiKeys"/>: both must hold.
    /// </summary>
    public string? ApiKeyPrefix { get; set; }

    /// <summary>
    /// What to do with a value outside the range or allowed values of a field the spec marks uncertain (its sources
    /// disagree, e.g. <c>dimensions</c>). Default <see cref="UnverifiedRangePolicy.Accept"/>: refusing what CLOVA Studio
    /// may accept would fail a test for a request that works in production, and the analyzers already flag such fields.
    /// Types are checked either way.
    /// </summary>
    public UnverifiedRangePolicy UnverifiedRanges { get; set; } = UnverifiedRangePolicy.Accept;

    /// <summary>The next N requests fail with <see cref="FailureStatusCode"/>.</summary>
    public int FailNextRequests { get; set; }

    /// <summary>Status of injected failures (429 or 500 usually).</summary>
    public int FailureStatusCode { get; set; } = 500;

    /// <summary>Retry-After seconds sent with injected 429s.</summary>
    public int RetryAfterSeconds { get; set; } = 1;

    /// <summary>Delay before every answer.</summary>
    public TimeSpan ResponseDelay { get; set; } = TimeSpan.Zero;

    /// <summary>When set, streams stop after this many chunks without <c>[DONE]</c>.</summary>
    public int? CutStreamAfterChunks { get; set; }

    /// <summary>
    /// Faults drawn per request, in order: the first rule whose draw hits applies (after the key check, before
    /// processing). On the command line: <c>--fault 429:0.1 --fault cut-stream:0.05</c>.
    /// </summary>
    public List<FaultRule> Faults { get; set; } = new();

    /// <summary>Seed for drawing <see cref="Faults"/>, so a run replays; unset, every run draws differently.</summary>
    public int? FaultSeed { get; set; }
}

/// <summary>How the emulator treats a range or allowed-value list the spec marks uncertain.</summary>
public enum UnverifiedRangePolicy
{
    /// <summary>Check the type only; accept any value of it.</summary>
    Accept,

    /// <summary>Enforce the range and allowed values as if they were verified.</summary>
    Reject,
}
