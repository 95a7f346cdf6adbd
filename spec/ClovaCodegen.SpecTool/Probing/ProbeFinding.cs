using System.Collections.Generic;
using System.Text.Json.Nodes;
using ClovaCodegen.Spec.Model;

namespace ClovaCodegen.SpecTool.Probing;

/// <summary>What a finding changes in the spec.</summary>
public enum SpecEditKind
{
    /// <summary>Set a field's status.</summary>
    SetStatus,

    /// <summary>Remove a field (and the bindings that name it): the service does not know it.</summary>
    RemoveField,

    /// <summary>Set a range bound (inclusive) to <see cref="SpecEdit.Value"/>.</summary>
    SetBound,

    /// <summary>Mark a field uncertain: the service does not hold to what the spec says, and the probe cannot say more.</summary>
    MarkUncertain,

    /// <summary>Add <see cref="SpecEdit.Value"/> to a field's allowed values.</summary>
    AllowValue,

    /// <summary>Remove <see cref="SpecEdit.Value"/> from a field's allowed values.</summary>
    DisallowValue,

    /// <summary>Add a model to an endpoint.</summary>
    AddModel,

    /// <summary>Remove a model from an endpoint.</summary>
    RemoveModel,
}

/// <summary>One change to the spec: on an endpoint's field or model (<paramref name="Name"/>).</summary>
public sealed record SpecEdit(SpecEditKind Kind, string EndpointId, string Name, JsonNode? Value = null, string? Bound = null, FieldStatus? Status = null);

/// <summary>
/// What the probes of one subject showed, in a sentence, with the probes that show it. <paramref name="Edit"/> is null when
/// the service agrees with the spec or the probes cannot tell.
/// </summary>
public sealed record ProbeFinding(string EndpointId, string Subject, string Summary, IReadOnlyList<ProbeResult> Evidence, SpecEdit? Edit);
