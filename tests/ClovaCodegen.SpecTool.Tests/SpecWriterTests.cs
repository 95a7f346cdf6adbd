using System.Text.Json.Nodes;
using ClovaCodegen.SpecTool.Writing;
using Xunit;

namespace ClovaCodegen.SpecTool.Tests;

/// <summary>A probed spec keeps its file's layout, so that its pull request shows only the lines that changed.</summary>
public class SpecWriterTests
{
    [Fact]
    public void The_default_spec_written_back_is_byte_identical()
    {
        var text = PlantedSpecs.DefaultText.Replace("\r\n", "\n", System.StringComparison.Ordinal);

        Assert.Equal(text, SpecJsonWriter.Write(JsonNode.Parse(text)!));
    }

    [Fact]
    public void The_planted_spec_written_back_is_byte_identical()
    {
        var text = PlantedSpecs.ChangedText();

        Assert.Equal(text, SpecJsonWriter.Write(JsonNode.Parse(text)!));
    }
}
