using System;

namespace ClovaCodegen.Spec.Model;

/// <summary>
/// A feature only some models have (structured outputs, tools): the field that turns it on and the models a source lists
/// for it. <see cref="Uncertain"/> marks a list that comes from a neighbouring API's guide or that editions disagree on.
/// </summary>
public sealed record CapabilitySpec(
    string Id,
    string Endpoint,
    string Field,
    EquatableArray<string> Models,
    string? NamePattern,
    bool Uncertain,
    string? Note,
    string? Source)
{
    /// <summary>The id of structured outputs (<c>response_format</c> with a JSON Schema).</summary>
    public const string StructuredOutputs = "structured-outputs";

    /// <summary>The id of function tools (<c>tools</c>).</summary>
    public const string Tools = "tools";

    /// <summary>The capability ids this toolkit knows.</summary>
    public static readonly EquatableArray<string> KnownIds = EquatableArray.Create(StructuredOutputs, Tools);

    /// <summary>Whether the spec lists <paramref name="model"/> for this capability (ordinal, as model names are).</summary>
    public bool Lists(string model) => Models.Find(static (m, wanted) => string.Equals(m, wanted, StringComparison.Ordinal), model) is not null;
}

/// <summary>What the sources say CLOVA Studio does with a JSON Schema keyword or a <c>response_format</c> type.</summary>
public enum SchemaTermStatus
{
    /// <summary>A source documents it as accepted.</summary>
    Supported,

    /// <summary>A source documents it as rejected or ignored.</summary>
    Unsupported,

    /// <summary>No source we have settles it.</summary>
    Uncertain,
}

/// <summary>One JSON Schema keyword or <c>response_format</c> type and its status.</summary>
public sealed record SchemaTermSpec(string Name, SchemaTermStatus Status, string? Note, string? Source);

/// <summary>What structured outputs accept: the <c>json_schema.name</c> rule, the <c>response_format</c> types and the schema keywords.</summary>
public sealed record StructuredOutputsSpec(
    string? NamePattern,
    string? Note,
    EquatableArray<SchemaTermSpec> ResponseFormatTypes,
    EquatableArray<SchemaTermSpec> SchemaKeywords)
{
    /// <summary>The keyword with this name (e.g. <c>anyOf</c>), or null when the spec does not list it.</summary>
    public SchemaTermSpec? FindKeyword(string name) => SchemaKeywords.Find(static (k, name) => k.Name == name, name);

    /// <summary>The <c>response_format</c> type with this name (e.g. <c>json_schema</c>), or null.</summary>
    public SchemaTermSpec? FindResponseFormatType(string name) => ResponseFormatTypes.Find(static (k, name) => k.Name == name, name);
}
