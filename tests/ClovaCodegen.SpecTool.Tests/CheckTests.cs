using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using ClovaCodegen.Spec;
using Xunit;

namespace ClovaCodegen.SpecTool.Tests;

/// <summary>clova-spec check FILE: the build's CLOVA1xx messages, for CI and pre-commit hooks.</summary>
public class CheckTests
{
    [Fact]
    public async Task The_repository_spec_checks_clean()
    {
        var run = await ToolRun.RunAsync(null, "check", RepositoryFiles.DefaultSpec);

        Assert.Equal(0, run.ExitCode);
        Assert.EndsWith("clova-openai-compat.json: 0 errors, 0 warnings.", run.Output.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_problem_is_printed_exactly_as_the_reader_reports_it_to_the_build()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("clova-spec-check").FullName, "mine.json");
        var text = PlantedSpecs.DefaultText
            .Replace("\"status\": \"unsupported\", \"type\": \"boolean\", \"source\": \"doc\" }", "\"status\": \"gone\", \"type\": \"boolean\", \"source\": \"doc\" }", StringComparison.Ordinal)
            .Replace("\"requestIdHeader\"", "\"requestIdHeaders\"", StringComparison.Ordinal);
        File.WriteAllText(path, text);
        var expected = SpecReader.Read(text, path).Diagnostics;

        var run = await ToolRun.RunAsync(null, "check", path);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains(expected, d => d.Id == "CLOVA104");
        Assert.Contains(expected, d => d.Id == "CLOVA113");
        foreach (var diagnostic in expected)
        {
            Assert.Contains(diagnostic.ToString(), run.Output + run.Error, StringComparison.Ordinal);
        }

        var check = Checking.SpecCheck.CheckFile(path);
        Assert.True(check.ErrorCount > expected.Count(d => d.Severity == Spec.Diagnostics.SpecSeverity.Error), "the schema refuses the unknown status and property too");
        Assert.Contains($"{check.ErrorCount} errors, {check.WarningCount} warning", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task What_the_build_only_warns_about_the_schema_refuses_located_at_the_value()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("clova-spec-check").FullName, "typo.json");
        var text = PlantedSpecs.DefaultText.Replace("{ \"name\": \"HCX-003\", \"verified\": false,", "{ \"name\": \"HCX-003\", \"verifed\": false,", StringComparison.Ordinal);
        File.WriteAllText(path, text);
        var lines = text.Split('\n');
        var line = Array.FindIndex(lines, l => l.Contains("\"verifed\"", StringComparison.Ordinal)) + 1;
        var column = lines[line - 1].IndexOf("false", StringComparison.Ordinal) + 1;

        var run = await ToolRun.RunAsync(null, "check", path);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"{path}({line},", run.Output, StringComparison.Ordinal); // the reader's CLOVA113 warning
        Assert.Contains("warning CLOVA113", run.Output, StringComparison.Ordinal);
        Assert.Contains($"{path}({line},{column}): error schema: 'verifed' is not a property the schema allows here (at '/endpoints/0/models/3/verifed')", run.Error, StringComparison.Ordinal);
        Assert.Contains("1 error, 1 warning.", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_file_is_CLOVA100_not_a_crash()
    {
        var path = Path.Combine(Path.GetTempPath(), "clova-spec-no-such-" + Guid.NewGuid().ToString("N") + ".json");

        var run = await ToolRun.RunAsync(null, "check", path);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains(path + "(1,1): error CLOVA100", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_commands_and_options_are_usage_errors()
    {
        Assert.Equal(2, (await ToolRun.RunAsync(null, "probes")).ExitCode);
        Assert.Equal(2, (await ToolRun.RunAsync(null, "probe", "--dry-run", "--max-request", "3")).ExitCode);
        Assert.Equal(2, (await ToolRun.RunAsync(null, "probe", "--dry-run", "--max-requests", "none")).ExitCode);
        Assert.Equal(2, (await ToolRun.RunAsync(null, "check")).ExitCode);
    }
}
