using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace ClovaCodegen.Generator.Tests;

/// <summary>
/// The incrementality checks every generator step shares: run the generator, replace one file's text as an IDE edit would,
/// run it again on the same driver, and say which steps did their work again.
/// </summary>
internal static class GeneratorEdits
{
    /// <summary>The second run's result after the last of <paramref name="sources"/> is replaced by <paramref name="editedLast"/>.</summary>
    public static GeneratorRunResult RunAfterEditingLast(string[] sources, string editedLast)
    {
        var compilation = GeneratorHarness.Compilation(GeneratorHarness.Net10References, sources);
        var driver = GeneratorHarness.CreateDriver(GeneratorHarness.DefaultSpecText, trackSteps: true).RunGenerators(compilation);
        var last = compilation.SyntaxTrees.Last();
        var edited = compilation.ReplaceSyntaxTree(last, CSharpSyntaxTree.ParseText(editedLast, (CSharpParseOptions)last.Options, last.FilePath));
        return driver.RunGenerators(edited).GetRunResult().Results.Single();
    }

    /// <summary>Each named step produced outputs, and every one of them was reused (cached, or recomputed equal).</summary>
    public static void AssertReused(GeneratorRunResult result, params string[] trackingNames)
    {
        foreach (var name in trackingNames)
        {
            var outputs = result.TrackedSteps[name].SelectMany(step => step.Outputs).ToList();
            Assert.NotEmpty(outputs);
            Assert.All(outputs, o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{name}: {o.Reason}"));
        }
    }

    /// <summary>No source was emitted again.</summary>
    public static void AssertNothingEmitted(GeneratorRunResult result) =>
        Assert.All(result.TrackedOutputSteps.SelectMany(step => step.Value).SelectMany(step => step.Outputs),
            output => Assert.Equal(IncrementalStepRunReason.Cached, output.Reason));

    /// <summary>The named step ran its transform again (an edit in its file) and came out equal at least once.</summary>
    public static void AssertRecomputedEqual(GeneratorRunResult result, string trackingName) =>
        Assert.Contains(result.TrackedSteps[trackingName].SelectMany(s => s.Outputs), o => o.Reason == IncrementalStepRunReason.Unchanged);

    /// <summary>The named step's output changed.</summary>
    public static void AssertModified(GeneratorRunResult result, string trackingName) =>
        Assert.Contains(result.TrackedSteps[trackingName].SelectMany(s => s.Outputs), o => o.Reason == IncrementalStepRunReason.Modified);
}
