using System.Text.Json.Serialization;

namespace ClovaCodegen.Generator.Tests.StructuredOutputs;

// Wire names that differ from C# names: [JsonStringEnumMemberName] on enum members (System.Text.Json 9+) and
// [JsonPropertyName] on a record's positional property. NamingTests and SchemaExporterComparisonTests read them.

/// <summary>How hot a dish is.</summary>
public enum Spice
{
    [JsonStringEnumMemberName("mild")]
    Mild,

    [JsonStringEnumMemberName("extra-hot")]
    ExtraHot,

    Medium,
}

[ClovaStructuredOutput]
public sealed record Dish([property: JsonPropertyName("dish_name")] string Name, Spice Spice, Spice? Fallback);
