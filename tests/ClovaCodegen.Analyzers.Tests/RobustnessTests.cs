using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace ClovaCodegen.Analyzers.Tests;

/// <summary>
/// Every analyzer, in both scopes, and every fix over every prefix (by token) of realistic files: half-typed code is what
/// the IDE analyzes most of the time, and an analyzer exception there shows as AD0001 (a fix's as a failed light bulb).
/// </summary>
public class RobustnessTests
{
    public static TheoryData<string> Files => new()
    {
        "samples/Mistakes/Program.cs",
        "samples/QuickStart/Program.cs",
        "tests/ClovaCodegen.Analyzers.Tests/Inputs/RawRequestsAndTwoClients.cs.txt",
    };

    [Theory]
    [MemberData(nameof(Files))]
    public async Task No_analyzer_or_fix_throws_on_any_token_prefix(string relativePath)
    {
        var text = File.ReadAllText(Path.Combine(Paths.Root, relativePath));
        var tokens = CSharpSyntaxTree.ParseText(text).GetRoot().DescendantTokens().ToList();
        var exceptions = new List<System.Exception>();
        var fixesComputed = 0;

        foreach (var token in tokens)
        {
            var prefix = text.Substring(0, token.Span.End);
            var diagnostics = await AnalyzerHarness.AnalyzeAsync(prefix, exceptions: exceptions);
            await AnalyzerHarness.AnalyzeAsync(prefix, exceptions: exceptions, scope: "endpoint");
            fixesComputed += await AnalyzerHarness.RunEveryFixAsync(prefix, diagnostics, exceptions);
        }

        Assert.True(tokens.Count > 100, "the sample is too small to be a meaningful robustness input");
        Assert.True(fixesComputed > 0 || relativePath.Contains("QuickStart"), "no fix was ever offered: the fixes were not exercised");
        Assert.True(exceptions.Count == 0, string.Join("\n\n", exceptions.Take(3)));
    }
}
