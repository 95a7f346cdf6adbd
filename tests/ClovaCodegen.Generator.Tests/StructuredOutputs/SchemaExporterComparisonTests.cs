using System;
using System.ComponentModel;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using ClovaCodegen.Requests;
using Xunit;

namespace ClovaCodegen.Generator.Tests.StructuredOutputs;

/// <summary>
/// The generated schemas against System.Text.Json's JsonSchemaExporter on the same types (metadata from STJ's own source
/// generator, <see cref="CorpusJsonContext"/>). The exporter's schema is first put through the differences
/// docs/structured-outputs.md lists and justifies; after that the two must be equal, so any other difference fails.
/// </summary>
public class SchemaExporterComparisonTests
{
    public static TheoryData<string> Corpus => new() { nameof(Invoice), nameof(WeatherReport), nameof(Point) };

    [Theory]
    [MemberData(nameof(Corpus))]
    public void The_generated_schema_is_the_exporters_up_to_the_documented_differences(string typeName)
    {
        var (type, generated) = typeName switch
        {
            nameof(Invoice) => (typeof(Invoice), ClovaStructuredOutputs.For<Invoice>().SchemaJson),
            nameof(WeatherReport) => (typeof(WeatherReport), ClovaStructuredOutputs.For<WeatherReport>().SchemaJson),
            _ => (typeof(Point), ClovaStructuredOutputs.For<Point>().SchemaJson),
        };
        var exported = JsonSchemaExporter.GetJsonSchemaAsNode(CorpusJsonContext.Default.Options, type, new JsonSchemaExporterOptions
        {
            TreatNullObliviousAsNonNullable = true,
            TransformSchemaNode = AddDescriptions,
        });

        ApplyDocumentedDifferences(exported);

        Assert.Equal(Canonical(exported), Canonical(JsonNode.Parse(generated)));
    }

    [Fact]
    public void Without_the_documented_differences_the_schemas_do_differ()
    {
        // The comparison above is not vacuous: the raw exporter output differs in exactly the listed ways.
        var exported = JsonSchemaExporter.GetJsonSchemaAsNode(CorpusJsonContext.Default.Options, typeof(WeatherReport), new JsonSchemaExporterOptions { TreatNullObliviousAsNonNullable = true, TransformSchemaNode = AddDescriptions });

        Assert.NotEqual(Canonical(exported), Canonical(JsonNode.Parse(ClovaStructuredOutputs.For<WeatherReport>().SchemaJson)));
        Assert.NotNull(exported["properties"]!["HourCount"]);
        Assert.Null(exported["required"]);
    }

    /// <summary>
    /// The differences docs/structured-outputs.md justifies, applied to the exporter's schema: (1) every property is
    /// required and (2) no other is allowed (OpenAI's strict mode); (3) a string enum says "type"; (4) no "format" (the
    /// spec lists the keyword as uncertain); (5) a get-only property the model could not set is not asked for.
    /// </summary>
    private static void ApplyDocumentedDifferences(JsonNode? node)
    {
        if (node is not JsonObject schema)
        {
            return;
        }

        schema.Remove("format");
        if (schema["enum"] is JsonArray values && schema["type"] is null)
        {
            schema["type"] = values.Any(v => v is null) ? new JsonArray("string", "null") : "string";
        }

        if (schema["properties"] is JsonObject properties)
        {
            properties.Remove("HourCount");
            schema["required"] = new JsonArray(properties.Select(p => (JsonNode)p.Key).ToArray());
            schema["additionalProperties"] = false;
            foreach (var property in properties)
            {
                ApplyDocumentedDifferences(property.Value);
            }
        }

        ApplyDocumentedDifferences(schema["items"]);
    }

    /// <summary>[Description] on a type, a property or a record's constructor parameter, as Microsoft.Extensions.AI adds it.</summary>
    private static JsonNode AddDescriptions(JsonSchemaExporterContext context, JsonNode schema)
    {
        var description = context.PropertyInfo is { } property
            ? Description(property.AttributeProvider) ?? Description(property.AssociatedParameter?.AttributeProvider)
            : Description(context.TypeInfo.Type);
        if (description is not null && schema is JsonObject obj)
        {
            obj.Insert(0, "description", description);
        }

        return schema;
    }

    private static string? Description(ICustomAttributeProvider? provider) =>
        provider?.GetCustomAttributes(typeof(DescriptionAttribute), inherit: false).OfType<DescriptionAttribute>().FirstOrDefault()?.Description;

    /// <summary>Objects with sorted keys and "required" sorted: order carries no meaning in either.</summary>
    private static string Canonical(JsonNode? node) => Sort(node)?.ToJsonString() ?? "null";

    private static JsonNode? Sort(JsonNode? node, string? key = null) => node switch
    {
        JsonObject obj => new JsonObject(obj.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => new System.Collections.Generic.KeyValuePair<string, JsonNode?>(p.Key, Sort(p.Value, p.Key)))),
        JsonArray array when key == "required" => new JsonArray(array.Select(n => (string?)n).OrderBy(s => s, StringComparer.Ordinal).Select(s => (JsonNode?)s).ToArray()),
        JsonArray array => new JsonArray(array.Select(n => Sort(n)).ToArray()),
        _ => node?.DeepClone(),
    };
}
