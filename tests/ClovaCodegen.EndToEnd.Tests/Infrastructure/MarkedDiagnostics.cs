using System;
using System.Linq;
using System.Text.RegularExpressions;
using Xunit;

namespace ClovaCodegen.EndToEnd.Tests.Infrastructure;

/// <summary>
/// The mistakes samples mark each mistake's line with "expect: CLOVA0NN" (or "expect: CLOVA0NN, CLOVA0MM"; a remark in
/// parentheses may follow). A build of such a sample must report every marked rule on its line, and no CLOVA rule elsewhere.
/// </summary>
public static class MarkedDiagnostics
{
    /// <summary>The (line, rule) pairs the source marks, in line and rule order.</summary>
    public static (int Line, string Id)[] Expected(string source) => source.Replace("\r", "").Split('\n')
        .SelectMany((text, index) => Regex.Matches(Regex.Match(text, @"expect: [^(]*").Value, @"CLOVA\d{3}").Select(m => (Line: index + 1, Id: m.Value)))
        .OrderBy(x => x.Line).ThenBy(x => x.Id, StringComparer.Ordinal)
        .ToArray();

    /// <summary>The CLOVA (line, rule) pairs a build reports in the file, in line and rule order.</summary>
    public static (int Line, string Id)[] Reported(CommandResult build, string file = "Program.cs") => build.Diagnostics
        .Where(d => d.File == file && d.Id.StartsWith("CLOVA", StringComparison.Ordinal))
        .Select(d => (d.Line, d.Id))
        .Distinct()
        .OrderBy(x => x.Line).ThenBy(x => x.Id, StringComparer.Ordinal)
        .ToArray();

    /// <summary>Asserts the build reports exactly what the source marks, showing both and the build's output when not.</summary>
    public static void AssertReportedAsMarked(string source, CommandResult build)
    {
        var expected = Expected(source);
        var actual = Reported(build);
        Assert.True(expected.SequenceEqual(actual),
            $"expected:\n  {string.Join("\n  ", expected)}\nactual:\n  {string.Join("\n  ", actual)}\n\nbuild output:\n{CommandResult.Tail(build.Output, 6000)}");
    }
}
