using System;

namespace ClovaCodegen.Emulator;

// How the emulator answers a chat (a part of its own, beside CannedAnswers).
public sealed partial class EmulatorOptions
{
    /// <summary>
    /// The chat answer to the last user message. Null (the default): <c>Echo: &lt;message&gt;</c>, which tests assert on.
    /// <see cref="CannedAnswers.For"/> gives varied, deterministic, clearly marked canned answers for demonstrations.
    /// </summary>
    public Func<string, string>? ChatAnswer { get; set; }
}
