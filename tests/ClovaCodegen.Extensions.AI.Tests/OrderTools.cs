using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace ClovaCodegen.Extensions.AI.Tests;

/// <summary>An enum whose wire names are not its C# names, as the generated schema and reader know them.</summary>
public enum Spice
{
    [JsonStringEnumMemberName("mild")]
    Mild,

    [JsonStringEnumMemberName("extra-hot")]
    ExtraHot,
}

public sealed record Dish(string Name, Spice Spice);

/// <summary>A tool whose parameters a caller may pass as CLR values: a renamed enum, a record holding one, a list of them.</summary>
public static partial class OrderTools
{
    [ClovaTool("Orders a dish")]
    public static string Order(Spice spice, Dish? side = null, List<Spice>? extras = null) =>
        $"{spice}/{side?.Name}:{side?.Spice}/{string.Join(",", extras ?? new List<Spice>())}";
}
