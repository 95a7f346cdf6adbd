using System;
using System.IO;
using Xunit;

namespace ClovaCodegen.Spec.Tests;

public class CompatibilityPageTests
{
    private static string PagePath => Path.Combine(RepositoryPaths.Root, "docs", "compatibility.md");

    [Fact]
    public void Docs_compatibility_page_matches_the_spec()
    {
        var expected = CompatibilityTable.Render(SpecReader.ReadDefault().Spec!);
        if (Environment.GetEnvironmentVariable("CLOVA_UPDATE_DOCS") == "1")
        {
            File.WriteAllText(PagePath, expected);
        }

        var actual = File.Exists(PagePath) ? File.ReadAllText(PagePath).Replace("\r\n", "\n") : "(missing)";
        Assert.True(expected == actual,
            "docs/compatibility.md disagrees with spec/clova-openai-compat.json. Regenerate it with " +
            "`CLOVA_UPDATE_DOCS=1 dotnet test tests/ClovaCodegen.Spec.Tests` and review the diff.");
    }

    [Fact]
    public void The_page_shows_each_field_with_its_status_default_and_range()
    {
        var page = CompatibilityTable.Render(SpecReader.ReadDefault().Spec!);

        Assert.Contains("| `max_tokens` | supported | integer | `512` | [1, ∞) | `maxTokens` |", page);
        Assert.Contains("| `repetition_penalty` | clova-only | number |  | (0, 2] | `repetitionPenalty` |", page);
        Assert.Contains("| `encoding_format` | supported | string | `\"float\"` | `\"float\"` |", page);
        Assert.Contains("| `user` | unsupported |", page);
        Assert.Contains("Models: `HCX-005` (default), `HCX-007` (unverified)", page);
    }
}
