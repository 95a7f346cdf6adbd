using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace ClovaCodegen.Generator.Tests;

/// <summary>An unrelated edit must leave every tracked step cached and emit nothing; the spec or an option regenerates.</summary>
public class IncrementalityTests
{
    private const string Program = "namespace App { public static class Program { public static void Main() { } } }";

    [Fact]
    public void Unrelated_edit_leaves_every_step_cached_or_unchanged()
    {
        var compilation = GeneratorHarness.Compilation(GeneratorHarness.Net10References, Program, "namespace App { class Other { int X => 1; } }");
        var driver = GeneratorHarness.CreateDriver(GeneratorHarness.DefaultSpecText, trackSteps: true).RunGenerators(compilation);

        var edited = compilation.ReplaceSyntaxTree(
            compilation.SyntaxTrees.Last(),
            CSharpSyntaxTree.ParseText("namespace App { class Other { int X => 2; int Y => 3; } }", (CSharpParseOptions)compilation.SyntaxTrees.Last().Options, compilation.SyntaxTrees.Last().FilePath));
        var result = driver.RunGenerators(edited).GetRunResult().Results.Single();

        var tracked = new[]
        {
            ClovaRequestGenerator.TrackingNames.SpecFiles, ClovaRequestGenerator.TrackingNames.Spec, ClovaRequestGenerator.TrackingNames.Options,
            ClovaRequestGenerator.TrackingNames.Facts, ClovaRequestGenerator.TrackingNames.Model,
        };
        foreach (var name in tracked)
        {
            Assert.True(result.TrackedSteps.ContainsKey(name), $"step {name} was not tracked");
            foreach (var output in result.TrackedSteps[name].SelectMany(step => step.Outputs))
            {
                Assert.True(output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{name}: {output.Reason}");
            }
        }

        Assert.NotEmpty(result.TrackedOutputSteps.SelectMany(step => step.Value).SelectMany(step => step.Outputs));
        Assert.All(result.TrackedOutputSteps.SelectMany(step => step.Value).SelectMany(step => step.Outputs),
            output => Assert.Equal(IncrementalStepRunReason.Cached, output.Reason));
    }

    [Fact]
    public void Editing_the_spec_regenerates()
    {
        var compilation = GeneratorHarness.Compilation(GeneratorHarness.Net10References, Program);
        var original = GeneratorHarness.SpecFile(GeneratorHarness.DefaultSpecText);
        var driver = GeneratorHarness.CreateDriver(original, trackSteps: true).RunGenerators(compilation);

        driver = driver.ReplaceAdditionalText(original, GeneratorHarness.SpecFile(GeneratorHarness.DefaultSpecText.Replace("\"maximum\": 128", "\"maximum\": 64")));
        var result = driver.RunGenerators(compilation).GetRunResult().Results.Single();

        Assert.Contains(result.TrackedSteps[ClovaRequestGenerator.TrackingNames.Model].SelectMany(s => s.Outputs), o => o.Reason == IncrementalStepRunReason.Modified);
        Assert.Contains(result.TrackedOutputSteps.SelectMany(step => step.Value).SelectMany(step => step.Outputs), o => o.Reason == IncrementalStepRunReason.Modified);
        Assert.Contains("[0, 64]", result.GeneratedSources.Single(s => s.HintName == "ChatCompletionRequest.g.cs").SourceText.ToString());
    }

    [Fact]
    public void Changing_an_option_regenerates()
    {
        var compilation = GeneratorHarness.Compilation(GeneratorHarness.Net10References, Program);
        var driver = GeneratorHarness.CreateDriver(trackSteps: true).RunGenerators(compilation);
        var first = driver.GetRunResult().Results.Single();

        // The same driver, only the options changed (as when the MSBuild property is edited in an IDE session).
        driver = driver.WithUpdatedAnalyzerConfigOptions(
            GeneratorHarness.Options(new System.Collections.Generic.Dictionary<string, string> { ["ClovaCodegenNamespace"] = "Other.Ns" }));
        var second = driver.RunGenerators(compilation).GetRunResult().Results.Single();

        Assert.Contains(second.TrackedSteps[ClovaRequestGenerator.TrackingNames.Options].SelectMany(s => s.Outputs), o => o.Reason == IncrementalStepRunReason.Modified);
        Assert.Contains(second.TrackedSteps[ClovaRequestGenerator.TrackingNames.Model].SelectMany(s => s.Outputs), o => o.Reason == IncrementalStepRunReason.Modified);
        Assert.Contains(second.TrackedOutputSteps.SelectMany(step => step.Value).SelectMany(step => step.Outputs), o => o.Reason == IncrementalStepRunReason.Modified);
        Assert.All(second.TrackedSteps[ClovaRequestGenerator.TrackingNames.Spec].SelectMany(s => s.Outputs),
            o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"Spec: {o.Reason}"));
        Assert.Contains("namespace ClovaCodegen.Requests", first.GeneratedSources.Single(s => s.HintName == "ChatCompletionRequest.g.cs").SourceText.ToString());
        Assert.Contains("namespace Other.Ns", second.GeneratedSources.Single(s => s.HintName == "ChatCompletionRequest.g.cs").SourceText.ToString());
    }

    [Fact]
    public void Rerunning_with_the_same_inputs_emits_nothing_new()
    {
        var compilation = GeneratorHarness.Compilation(GeneratorHarness.Net10References, Program);
        var driver = GeneratorHarness.CreateDriver(GeneratorHarness.DefaultSpecText, trackSteps: true).RunGenerators(compilation);

        var result = driver.RunGenerators(compilation.Clone()).GetRunResult().Results.Single();

        Assert.NotEmpty(result.TrackedOutputSteps);
        Assert.All(result.TrackedOutputSteps.SelectMany(step => step.Value).SelectMany(step => step.Outputs),
            output => Assert.Equal(IncrementalStepRunReason.Cached, output.Reason));
    }
}
