using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Xunit;

namespace ClovaCodegen.Analyzers.Tests;

/// <summary>Every rule is findable from its ID: help link → docs page → the analyzer, fix and test files it names.</summary>
public class RuleDocsTests
{
    public static TheoryData<string> RuleIds => new(AnalyzerHarness.AllAnalyzers.SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).Distinct().OrderBy(id => id));

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Help_link_page_and_the_files_it_names_exist(string id)
    {
        var descriptor = AnalyzerHarness.AllAnalyzers.SelectMany(a => a.SupportedDiagnostics).First(d => d.Id == id);
        Assert.EndsWith($"/docs/rules/{id}.md", descriptor.HelpLinkUri);

        var page = Path.Combine(Paths.Root, "docs", "rules", id + ".md");
        var text = File.ReadAllText(page);
        Assert.StartsWith($"# {id}: ", text);
        Assert.Contains($"[{id}]({id}.md)", File.ReadAllText(Path.Combine(Paths.Root, "docs", "rules", "README.md")));

        var links = Regex.Matches(text, @"\]\((\.\./\.\./[^)]+\.cs)\)").Select(m => m.Groups[1].Value).ToList();
        Assert.True(links.Count >= 2, $"{id}.md should link its analyzer and tests");
        foreach (var link in links)
        {
            Assert.True(File.Exists(Path.GetFullPath(Path.Combine(Path.GetDirectoryName(page)!, link))), $"{id}.md links a missing file: {link}");
        }

        foreach (var section in new[] { "## Why", "## Non-compliant", "## Compliant", "## Fix", "## Configure" })
        {
            Assert.Contains(section, text);
        }
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Every_rule_has_a_fixer_and_its_page_links_it(string id)
    {
        var fixers = AnalyzerHarness.AllFixers.Where(f => f.FixableDiagnosticIds.Contains(id)).ToList();
        var text = File.ReadAllText(Path.Combine(Paths.Root, "docs", "rules", id + ".md"));

        Assert.NotEmpty(fixers);
        Assert.All(fixers, f => Assert.Contains($"fix: [`{f.GetType().Name}`](../../analyzers/ClovaCodegen.CodeFixes/Rules/{f.GetType().Name}.cs)", text));
        Assert.DoesNotContain("None automatic", text);
    }
}
