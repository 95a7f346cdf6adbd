using System.Linq;
using System.Text.Json.Nodes;
using ClovaCodegen.Requests;
using Xunit;

namespace ClovaCodegen.Generator.Tests.StructuredOutputs;

/// <summary>
/// Recursive structured outputs (issue 20): the schema references a type that contains itself (<c>"$ref":"#"</c> for
/// the root, <c>$defs</c> for the others, a nullable one through <c>anyOf</c> with null), and the generated readers read
/// nested answers, with the path of a misfit deep inside and an answer nested past the reader's depth limit as a
/// clear exception rather than a stack overflow.
/// </summary>
public class RecursiveStructuredOutputTests
{
    [Fact]
    public void A_recursive_root_is_referenced_as_the_document_root()
    {
        var schema = JsonNode.Parse(ClovaStructuredOutputs.For<TreeNode>().SchemaJson)!;

        Assert.Equal("A category tree.", (string?)schema["description"]);
        Assert.Equal("""{"description":"The category","type":"string"}""", schema["properties"]!["Name"]!.ToJsonString());
        Assert.Equal("""{"type":"array","items":{"$ref":"#"}}""", schema["properties"]!["Children"]!.ToJsonString());
        Assert.Null(schema["$defs"]);
    }

    [Fact]
    public void A_recursive_type_below_the_root_is_written_once_under_defs()
    {
        var schema = JsonNode.Parse(ClovaStructuredOutputs.For<OrgChart>().SchemaJson)!;

        Assert.Equal("""{"$ref":"#/$defs/Employee"}""", schema["properties"]!["Ceo"]!.ToJsonString());
        var employee = schema["$defs"]!["Employee"]!;
        Assert.Equal(new[] { "Name", "Manager", "Reports" }, employee["required"]!.AsArray().Select(n => (string?)n));
        Assert.False((bool)employee["additionalProperties"]!);
        Assert.Equal("""{"description":"Who this person reports to","anyOf":[{"$ref":"#/$defs/Employee"},{"type":"null"}]}""", employee["properties"]!["Manager"]!.ToJsonString());
        Assert.Equal("""{"type":"array","items":{"$ref":"#/$defs/Employee"}}""", employee["properties"]!["Reports"]!.ToJsonString());
        Assert.Single(schema["$defs"]!.AsObject());
    }

    [Fact]
    public void Nested_answers_are_read_through_the_recursive_readers()
    {
        var tree = ClovaStructuredOutputs.For<TreeNode>().Read("""{"Name":"food","Children":[{"Name":"noodles","Children":[{"Name":"ramyeon","Children":[]}]},{"Name":"rice","Children":[]}]}""");
        var chart = ClovaStructuredOutputs.For<OrgChart>().Read("""{"Company":"NAVER","Ceo":{"Name":"A","Manager":null,"Reports":[{"Name":"B","Manager":{"Name":"A","Manager":null,"Reports":[]},"Reports":[]}]}}""");

        Assert.Equal(new[] { "noodles", "rice" }, tree.Children.Select(c => c.Name));
        Assert.Equal("ramyeon", tree.Children[0].Children.Single().Name);
        Assert.Null(chart.Ceo.Manager);
        Assert.Equal("A", chart.Ceo.Reports.Single().Manager!.Name);
    }

    [Fact]
    public void A_misfit_deep_in_a_tree_names_its_path()
    {
        const string answer = """{"Name":"food","Children":[{"Name":"noodles","Children":[{"Name":7,"Children":[]}]}]}""";

        var error = Assert.Throws<ClovaStructuredOutputException>(() => ClovaStructuredOutputs.For<TreeNode>().Read(answer));

        Assert.Equal("$.Children[0].Children[0].Name", error.JsonPath);
        Assert.Equal(answer, error.RawText);
    }

    [Fact]
    public void An_answer_nested_past_the_depth_limit_is_an_exception_not_a_stack_overflow()
    {
        var answer = string.Concat(Enumerable.Repeat("""{"Name":"x","Children":[""", 200)) + string.Concat(Enumerable.Repeat("]}", 200));

        var error = Assert.Throws<ClovaStructuredOutputException>(() => ClovaStructuredOutputs.For<TreeNode>().Read(answer));

        Assert.Contains("depth", error.Message, System.StringComparison.OrdinalIgnoreCase);
    }
}
