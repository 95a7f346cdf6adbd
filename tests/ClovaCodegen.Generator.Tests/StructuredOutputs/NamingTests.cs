using System;
using System.Linq;
using System.Text.Json.Nodes;
using ClovaCodegen.Requests;
using Microsoft.CodeAnalysis;
using Xunit;

namespace ClovaCodegen.Generator.Tests.StructuredOutputs;

/// <summary>
/// Wire names: <c>[JsonStringEnumMemberName]</c> (System.Text.Json 9+) renames an enum member in the schema and in the
/// reader, <c>[JsonPropertyName]</c> on a record's positional property renames the property; the enum attribute is
/// matched by its full name, so a netstandard2.0 project's own copy of it counts too.
/// </summary>
public class NamingTests
{
    [Fact]
    public void Enum_member_and_property_names_reach_the_schema()
    {
        var schema = JsonNode.Parse(ClovaStructuredOutputs.For<Dish>().SchemaJson)!;

        Assert.Equal(new[] { "dish_name", "Spice", "Fallback" }, schema["required"]!.AsArray().Select(n => (string?)n));
        Assert.Equal("""{"type":"string","enum":["mild","extra-hot","Medium"]}""", schema["properties"]!["Spice"]!.ToJsonString());
        Assert.Equal("""{"type":["string","null"],"enum":["mild","extra-hot","Medium",null]}""", schema["properties"]!["Fallback"]!.ToJsonString());
    }

    [Fact]
    public void The_reader_maps_wire_names_back_to_members()
    {
        var dish = ClovaStructuredOutputs.For<Dish>().Read("""{"dish_name":"떡볶이","Spice":"extra-hot","Fallback":"Medium"}""");

        Assert.Equal(new Dish("떡볶이", Spice.ExtraHot, Spice.Medium), dish);
    }

    [Theory]
    [InlineData("""{"이름*/":"a","Mark":"*/"}""", Mark.Star)]
    [InlineData("""{"\uC774\uB984*\/":"a","Mark":"\uB9E4\uC6B4\uB9DB"}""", Mark.Hot)] // the same names escaped, as a model may send them
    public void Names_are_matched_as_UTF8_whether_the_answer_escapes_them_or_not(string answer, Mark mark)
    {
        Assert.Equal(new Label("a", mark), ClovaStructuredOutputs.For<Label>().Read(answer));
    }

    [Fact]
    public void A_csharp_member_name_the_attribute_replaced_is_a_misfit()
    {
        var error = Assert.Throws<ClovaStructuredOutputException>(() => ClovaStructuredOutputs.For<Dish>().Read("""{"dish_name":"x","Spice":"ExtraHot","Fallback":null}"""));

        Assert.Equal("$.Spice", error.JsonPath);
        Assert.Contains("expected one of mild, extra-hot, Medium", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_projects_own_copy_of_the_attribute_is_honoured_and_two_members_with_one_name_are_CLOVA205()
    {
        const string source = """
            namespace System.Text.Json.Serialization
            {
                [System.AttributeUsage(System.AttributeTargets.Field)]
                internal sealed class JsonStringEnumMemberNameAttribute : System.Attribute
                {
                    public JsonStringEnumMemberNameAttribute(string name) => Name = name;
                    public string Name { get; }
                }
            }

            namespace App
            {
                public enum Size { [System.Text.Json.Serialization.JsonStringEnumMemberName("small")] Small, [System.Text.Json.Serialization.JsonStringEnumMemberName("small")] Tiny }
                public enum Color { [System.Text.Json.Serialization.JsonStringEnumMemberName("dark-red")] DarkRed, Blue }

                [ClovaCodegen.ClovaStructuredOutput]
                public sealed record Paint(Color Color);

                [ClovaCodegen.ClovaStructuredOutput]
                public sealed record Shirt(Size Size);
            }
            """;

        var (_, diagnostics, result) = GeneratorHarness.Run(GeneratorHarness.Compilation(GeneratorHarness.Net10References, source));

        var paint = result.GeneratedTrees.Single(t => t.FilePath.EndsWith("ClovaStructuredOutput.App_Paint.g.cs", StringComparison.Ordinal)).ToString();
        Assert.Contains("\\\"enum\\\":[\\\"dark-red\\\",\\\"Blue\\\"]", paint, StringComparison.Ordinal);
        Assert.Matches(@"/\* ""dark-red"" \*/\)\)\s*\{\s*return global::App\.Color\.DarkRed;", paint);
        var clash = Assert.Single(diagnostics, d => d.Id == "CLOVA205");
        Assert.Contains("two members of the enum 'Size' have the JSON name 'small'", clash.GetMessage(), StringComparison.Ordinal);
        Assert.Equal(DiagnosticSeverity.Error, clash.Severity);
    }
}
