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

/// <summary>Wire names the reader compares as UTF-8: non-ASCII, and text that would end a C# comment.</summary>
public enum Mark
{
    [JsonStringEnumMemberName("*/")]
    Star,

    [JsonStringEnumMemberName("매운맛")]
    Hot,
}

[ClovaStructuredOutput]
public sealed record Label([property: JsonPropertyName("이름*/")] string Name, Mark Mark);
