using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace ClovaCodegen.Analyzers.Tests;

/// <summary>
/// Every analyzer and every fix over every prefix (by token) of realistic files: half-typed code is what the IDE analyzes
/// most of the time, and an analyzer exception there shows as AD0001 (a fix's as a failed light bulb). The two scopes take
/// the prefixes by turns (project scope the even ones, endpoint scope the odd ones), so each scope meets every half-typed
/// construct a token earlier or later: analyzing every prefix twice cost half of the analyzer tests' time (the cost grows
/// with the square of a file's length), and both analyses bind the whole prefix again.
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
        var prefixesPerScope = new Dictionary<string, int> { ["project"] = 0, ["endpoint"] = 0 };

        for (var index = 0; index < tokens.Count; index++)
        {
            var prefix = text.Substring(0, tokens[index].Span.End);
            // No scope option is the project scope, as in a project without the .editorconfig line.
            var scope = index % 2 == 0 ? null : "endpoint";
            var diagnostics = await AnalyzerHarness.AnalyzeAsync(prefix, exceptions: exceptions, scope: scope);
            prefixesPerScope[scope ?? "project"]++;
            fixesComputed += await AnalyzerHarness.RunEveryFixAsync(prefix, diagnostics, exceptions);
        }

        Assert.True(tokens.Count > 100, "the sample is too small to be a meaningful robustness input");
        Assert.All(prefixesPerScope, scope => Assert.True(scope.Value >= tokens.Count / 2, $"{scope.Key} scope analyzed only {scope.Value} of {tokens.Count} prefixes"));
        Assert.True(fixesComputed > 0 || relativePath.Contains("QuickStart"), "no fix was ever offered: the fixes were not exercised");
        Assert.True(exceptions.Count == 0, string.Join("\n\n", exceptions.Take(3)));
    }
}
