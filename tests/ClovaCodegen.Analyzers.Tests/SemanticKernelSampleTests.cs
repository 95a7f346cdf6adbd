using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Xunit;

namespace ClovaCodegen.Analyzers.Tests;

/// <summary>
/// Issue 19's two variants of the Semantic Kernel app: samples/SemanticKernelMistakes marks each mistake's line with
/// "expect: CLOVA00N[, CLOVA00M]" and every rule must appear exactly there (any severity, CLOVA008 included);
/// samples/SemanticKernel, the supported path, must get none.
/// </summary>
public class SemanticKernelSampleTests
{
    private static string Sample(string name) => File.ReadAllText(Path.Combine(Paths.Root, "samples", name, "Program.cs")).Replace("\r", "");

    [Fact]
    public async Task The_mistakes_variant_gets_each_rule_on_its_marked_line()
    {
        var source = Sample("SemanticKernelMistakes");
        var expected = source.Split('\n')
            .SelectMany((text, index) => Regex.Matches(Regex.Match(text, @"expect: [^(]*").Value, @"CLOVA\d{3}").Select(m => (Line: index + 1, Id: m.Value)))
            .OrderBy(x => x.Line).ThenBy(x => x.Id, StringComparer.Ordinal)
            .ToArray();

        var diagnostics = await AnalyzerHarness.AnalyzeAsync(source);

        var actual = diagnostics.Where(d => d.Id.StartsWith("CLOVA", StringComparison.Ordinal))
            .Select(d => (Line: d.Location.GetLineSpan().StartLinePosition.Line + 1, d.Id))
            .Distinct()
            .OrderBy(x => x.Line).ThenBy(x => x.Id, StringComparer.Ordinal)
            .ToArray();
        Assert.True(expected.SequenceEqual(actual), $"expected:\n  {string.Join("\n  ", expected)}\nactual:\n  {string.Join("\n  ", actual)}");
        Assert.Equal(["CLOVA001", "CLOVA002", "CLOVA003", "CLOVA004", "CLOVA006", "CLOVA008", "CLOVA009"], expected.Select(e => e.Id).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task The_supported_variant_gets_no_diagnostic()
    {
        // The sample also runs the emulator when no key is set: compiled with it, as its project is.
        var compilation = AnalyzerHarness.Compile(Sample("SemanticKernel")).AddReferences(MetadataReference.CreateFromFile(typeof(ClovaCodegen.Emulator.ClovaStudioEmulator).Assembly.Location));
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));

        var diagnostics = await AnalyzerHarness.AnalyzeAsync(compilation);

        Assert.Empty(diagnostics.Where(d => d.Id.StartsWith("CLOVA", StringComparison.Ordinal)));
    }
}
