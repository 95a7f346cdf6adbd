using System.Linq;
using ClovaCodegen.Spec.Model;
using Xunit;

namespace ClovaCodegen.Spec.Tests;

/// <summary>
/// The <c>capabilities</c> and <c>structuredOutputs</c> sections: which models have structured outputs and tools, and
/// which JSON Schema keywords are documented or uncertain. Bad entries give a located diagnostic; the default spec says
/// what the facts say and nothing more (no keyword is claimed supported without a source that says so).
/// </summary>
public class CapabilitySpecTests
{
    private const string Valid = """
        {
          "specVersion": 1,
          "sources": { "doc": "the source document" },
          "baseUrls": [ { "cloud": "public", "url": "https://clovastudio.stream.ntruss.com/v1/openai/" } ],
          "endpoints": [
            {
              "id": "chat.completions",
              "method": "POST",
              "path": "chat/completions",
              "models": [ { "name": "HCX-005" }, { "name": "HCX-007" } ],
              "fields": [
                { "name": "model", "status": "supported", "type": "string", "required": true },
                { "name": "response_format", "status": "supported", "type": "object" }
              ]
            }
          ],
          "capabilities": [
            { "id": "structured-outputs", "endpoint": "chat.completions", "field": "response_format", "models": [ "HCX-007" ], "uncertain": true, "source": "doc" }
          ],
          "structuredOutputs": {
            "namePattern": "^[a-zA-Z0-9_-]{1,64}$",
            "responseFormatTypes": [ { "name": "json_schema", "status": "supported", "source": "doc" } ],
            "schemaKeywords": [ { "name": "type", "status": "uncertain" }, { "name": "oneOf", "status": "unsupported", "source": "doc" } ]
          }
        }
        """;

    [Fact]
    public void The_sections_are_read_into_equatable_models()
    {
        var first = SpecReader.Read(Valid, "spec.json");
        var second = SpecReader.Read(Valid, "spec.json");

        Assert.Empty(first.Diagnostics);
        var capability = first.Spec!.FindCapability(CapabilitySpec.StructuredOutputs)!;
        Assert.Equal(("chat.completions", "response_format", true), (capability.Endpoint, capability.Field, capability.Uncertain));
        Assert.True(capability.Lists("HCX-007"));
        Assert.False(capability.Lists("HCX-005"));
        var structured = first.Spec.StructuredOutputs!;
        Assert.Equal(SchemaTermStatus.Unsupported, structured.FindKeyword("oneOf")!.Status);
        Assert.Equal(SchemaTermStatus.Uncertain, structured.FindKeyword("type")!.Status);
        Assert.Equal(SchemaTermStatus.Supported, structured.FindResponseFormatType("json_schema")!.Status);
        Assert.Null(structured.FindKeyword("anyOf"));

        // The generator's pipeline compares models by value: two reads of one text are equal.
        Assert.Equal(first.Spec, second.Spec);
        Assert.NotEqual(first.Spec, SpecReader.Read(Valid.Replace("\"oneOf\", \"status\": \"unsupported\"", "\"oneOf\", \"status\": \"uncertain\""), "spec.json").Spec);
    }

    public static TheoryData<string, string, string> Cases => new()
    {
        // id, original text, replacement with the « marker
        { "CLOVA116", "\"id\": \"structured-outputs\"", "\"id\": «\"structured-output\"" },
        { "CLOVA116", "\"models\": [ \"HCX-007\" ]", "\"models\": [ «\"HCX-009\" ]" },
        { "CLOVA111", "\"models\": [ \"HCX-007\" ]", "\"models\": [ \"HCX-007\", «\"HCX-007\" ]" },
        { "CLOVA106", "\"endpoint\": \"chat.completions\", \"field\"", "\"endpoint\": «\"chat\", \"field\"" },
        { "CLOVA112", "\"field\": \"response_format\"", "\"field\": «\"responseFormat\"" },
        { "CLOVA104", "\"status\": \"unsupported\"", "\"status\": «\"maybe\"" },
        { "CLOVA111", "{ \"name\": \"oneOf\"", "{ \"name\": «\"type\"" },
        { "CLOVA109", "\"namePattern\": \"^[a-zA-Z0-9_-]{1,64}$\"", "\"namePattern\": «\"^[a-z\"" },
        { "CLOVA113", "\"namePattern\"", "«\"nameRule\"" },
        { "CLOVA115", "\"models\": [ \"HCX-007\" ], \"uncertain\": true, \"source\": \"doc\"", "\"models\": [ \"HCX-007\" ], \"uncertain\": true, \"source\": «\"docs\"" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_bad_entry_is_reported_where_it_is(string id, string original, string replacement)
    {
        Assert.Contains(original, Valid);
        var marked = Valid.Replace(original, replacement);
        var markerOffset = marked.IndexOf('«');
        var text = marked.Remove(markerOffset, 1);

        var result = SpecReader.Read(text, "spec.json");

        var diagnostic = result.Diagnostics.First(d => d.Id == id);
        Assert.Equal(markerOffset, diagnostic.Offset);
    }

    [Fact]
    public void The_default_spec_lists_hcx_007_alone_for_structured_outputs_and_marks_it_uncertain()
    {
        var spec = SpecReader.ReadDefault().Spec!;

        var structured = spec.FindCapability(CapabilitySpec.StructuredOutputs)!;
        Assert.Equal(new[] { "HCX-007" }, structured.Models.ToArray());
        Assert.True(structured.Uncertain);
        Assert.Equal("nativeV3StructuredOutputs", structured.Source);
        var tools = spec.FindCapability(CapabilitySpec.Tools)!;
        Assert.Equal(new[] { "HCX-005", "HCX-DASH-002" }, tools.Models.ToArray());
        Assert.True(tools.Uncertain);
    }

    [Fact]
    public void The_default_spec_claims_no_schema_keyword_without_a_source_that_documents_it()
    {
        var keywords = SpecReader.ReadDefault().Spec!.StructuredOutputs!.SchemaKeywords;

        // The keywords the generator writes must each be listed, so that a later probe can settle them.
        foreach (var written in new[] { "type", "properties", "required", "additionalProperties", "items", "enum", "description" })
        {
            Assert.Contains(keywords, k => k.Name == written);
        }

        // Our sources give the model list but not the keyword list: every keyword stays uncertain until one does.
        Assert.All(keywords, k => Assert.Equal(SchemaTermStatus.Uncertain, k.Status));
    }
}
