using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using ClovaCodegen.Spec;
using ClovaCodegen.SpecTool.Diffing;
using Xunit;

namespace ClovaCodegen.SpecTool.Tests;

/// <summary>clova-spec diff A B: a table of what two specs disagree on, fact by fact; notes and sources are not facts.</summary>
public class DiffTests
{
    [Fact]
    public void The_planted_spec_differs_from_the_default_by_exactly_the_planted_facts()
    {
        var differences = SpecDiff.Compare(SpecReader.ReadDefault().Spec!, PlantedSpecs.Read(PlantedSpecs.ChangedText()));

        Assert.Equal(ProbeTests.Planted.OrderBy(d => d.ToString(), StringComparer.Ordinal), differences.OrderBy(d => d.ToString(), StringComparer.Ordinal));
    }

    [Fact]
    public void A_spec_agrees_with_itself()
    {
        Assert.Empty(SpecDiff.Compare(SpecReader.ReadDefault().Spec!, PlantedSpecs.Read(PlantedSpecs.DefaultText)));
    }

    [Fact]
    public void Notes_and_sources_are_evidence_not_facts()
    {
        var text = PlantedSpecs.DefaultText.Replace("\"note\": \"Older model.\", \"source\": \"facts\"", "\"note\": \"Retired, they say.\", \"source\": \"doc\"", StringComparison.Ordinal);

        Assert.Empty(SpecDiff.Compare(SpecReader.ReadDefault().Spec!, PlantedSpecs.Read(text)));
    }

    [Fact]
    public void Each_aspect_of_a_field_is_its_own_row()
    {
        var text = PlantedSpecs.DefaultText.Replace(
            "{ \"name\": \"temperature\", \"status\": \"supported\", \"type\": \"number\", \"minimum\": 0, \"maximum\": 2,",
            "{ \"name\": \"temperature\", \"status\": \"undocumented\", \"type\": \"integer\", \"minimum\": 0, \"exclusiveMinimum\": true, \"maximum\": 1, \"uncertain\": true, \"default\": 1,",
            StringComparison.Ordinal);

        var differences = SpecDiff.Compare(SpecReader.ReadDefault().Spec!, PlantedSpecs.Read(text));

        Assert.Equal(
            new[] { "default: - -> 1", "range: [0, 2] -> (0, 1]", "status: supported -> undocumented", "type: number -> integer", "uncertain: false -> true" },
            differences.Select(d => $"{d.Aspect}: {d.Left} -> {d.Right}").OrderBy(s => s, StringComparer.Ordinal));
        Assert.All(differences, d => Assert.Equal(("chat.completions", "field temperature"), (d.Scope, d.Subject)));
    }

    [Fact]
    public async Task The_command_prints_an_aligned_table_and_exits_1_when_the_specs_differ()
    {
        var folder = Directory.CreateTempSubdirectory("clova-spec-diff").FullName;
        var planted = Path.Combine(folder, "planted.json");
        File.WriteAllText(planted, PlantedSpecs.ChangedText());

        var run = await ToolRun.RunAsync(null, "diff", "default", planted);

        Assert.Equal(1, run.ExitCode);
        var lines = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("where", lines[0], StringComparison.Ordinal);
        Assert.Matches("^chat\\.completions +field seed +status +supported +unsupported$", lines.Single(l => l.Contains("field seed", StringComparison.Ordinal)));
        Assert.Equal(lines[0].IndexOf("aspect", StringComparison.Ordinal), lines.Single(l => l.Contains("field seed", StringComparison.Ordinal)).IndexOf("status", StringComparison.Ordinal));
        Assert.Equal("6 differences.", lines[^1]);
    }

    [Fact]
    public async Task The_markdown_table_is_ready_for_a_pull_request()
    {
        var folder = Directory.CreateTempSubdirectory("clova-spec-diff").FullName;
        var planted = Path.Combine(folder, "planted.json");
        File.WriteAllText(planted, PlantedSpecs.ChangedText());

        var run = await ToolRun.RunAsync(null, "diff", "default", planted, "--markdown");

        Assert.Contains("| chat.completions | field seed | status | supported | unsupported |", run.Output, StringComparison.Ordinal);
        Assert.Contains("| --- | --- | --- | --- | --- |", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Equal_specs_exit_0()
    {
        var run = await ToolRun.RunAsync(null, "diff", "default", RepositoryFiles.DefaultSpec);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("The specs agree", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_spec_with_errors_is_reported_with_the_build_s_messages_and_exit_2()
    {
        var folder = Directory.CreateTempSubdirectory("clova-spec-diff").FullName;
        var broken = Path.Combine(folder, "broken.json");
        File.WriteAllText(broken, "{ \"specVersion\": 1, }");

        var run = await ToolRun.RunAsync(null, "diff", "default", broken);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(broken + "(1,", run.Error, StringComparison.Ordinal);
        Assert.Contains("error CLOVA101", run.Error, StringComparison.Ordinal);
    }
}
