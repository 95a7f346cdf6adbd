using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Text.Json.Serialization;

namespace ClovaCodegen.Generator.Tests.StructuredOutputs;

// The corpus of structured-output types: records, a class with setters and init, a struct, enums, nullable values and
// references, arrays and lists, nested records, [Description] and [JsonPropertyName]. The generator ran on this project,
// so the tests read what it wrote for these very types.

/// <summary>A currency.</summary>
public enum Currency
{
    KRW,
    USD,
}

[ClovaStructuredOutput]
[Description("An invoice read from a receipt.")]
public sealed record Invoice(
    [Description("Who sold it")] string Vendor,
    decimal Total,
    Currency Currency,
    IReadOnlyList<LineItem> Items,
    string? Note,
    DateTimeOffset? IssuedAt);

public sealed record LineItem(string Name, int Quantity, double UnitPrice, string[] Tags);

[ClovaStructuredOutput("weather_report")]
public sealed class WeatherReport
{
    public string City { get; set; } = "";

    [JsonPropertyName("temperature_c")]
    [Description("Degrees Celsius")]
    public double TemperatureC { get; init; }

    public Currency? Fee { get; set; }

    public List<int> Hourly { get; set; } = new();

    public bool Sunny { get; set; }

    public LineItem? Extra { get; set; }

    /// <summary>Computed: not asked of the model (see docs/structured-outputs.md).</summary>
    public int HourCount => Hourly.Count;
}

[ClovaStructuredOutput]
public readonly record struct Point(int X, long Y);

/// <summary>System.Text.Json's own source generator on the same types, for JsonSchemaExporter.</summary>
[JsonSourceGenerationOptions(UseStringEnumConverter = true, RespectNullableAnnotations = true)]
[JsonSerializable(typeof(Invoice))]
[JsonSerializable(typeof(WeatherReport))]
[JsonSerializable(typeof(Point))]
internal sealed partial class CorpusJsonContext : JsonSerializerContext
{
}
