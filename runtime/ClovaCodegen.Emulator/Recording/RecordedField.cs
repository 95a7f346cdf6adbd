using System.Text.Json;
using ClovaCodegen.Spec.Model;

namespace ClovaCodegen.Emulator;

/// <summary>One top-level field of a recorded request body and the spec's verdict on it.</summary>
/// <param name="Name">The field's wire name, e.g. <c>top_k</c>.</param>
/// <param name="Value">The field's value as sent.</param>
/// <param name="Status">What the spec says CLOVA Studio does with the field; null when the spec does not know it.</param>
/// <param name="Problem">Why CLOVA Studio would not accept the field (unsupported, unknown, a value out of range or not
/// among the allowed ones); null when it would.</param>
public sealed record RecordedField(string Name, JsonElement Value, FieldStatus? Status, string? Problem)
{
    /// <summary>Whether the spec accepts the field and its value.</summary>
    public bool Accepted => Problem is null;

    /// <inheritdoc/>
    public override string ToString() => Problem is null ? $"{Name}: {Value.GetRawText()}" : $"{Name}: {Value.GetRawText()} ({Problem})";
}
