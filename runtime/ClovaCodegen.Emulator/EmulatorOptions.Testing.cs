namespace ClovaCodegen.Emulator;

// What tests add to the emulator's options: the project's own spec, scripted answers, and how many requests are kept.
public sealed partial class EmulatorOptions
{
    /// <summary>
    /// A spec file to validate against when <see cref="Spec"/> is not set. Without either, the emulator uses the spec the
    /// ClovaCodegen.Testing package copied next to the test assembly (the project's <c>&lt;ClovaCompatSpec&gt;</c>),
    /// and else the embedded default spec.
    /// </summary>
    public string? SpecFile { get; set; }

    /// <summary>Chat answers scripted by a test, given out in order to accepted chat requests.</summary>
    public AnswerScript ScriptedAnswers { get; } = new();

    /// <summary>How many recorded requests are kept (the oldest are dropped first).</summary>
    public int RecordedRequestLimit { get; set; } = 10_000;
}
