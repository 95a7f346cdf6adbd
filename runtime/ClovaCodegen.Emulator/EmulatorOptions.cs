using System;
using ClovaCodegen.Spec.Model;

namespace ClovaCodegen.Emulator;

/// <summary>What the emulator checks and which faults it injects.</summary>
public sealed partial class EmulatorOptions
{
    /// <summary>The spec requests are validated against (default: the embedded spec).</summary>
    public CompatSpec? Spec { get; set; }

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
}
