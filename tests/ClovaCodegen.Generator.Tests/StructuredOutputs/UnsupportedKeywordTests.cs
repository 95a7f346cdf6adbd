using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using Xunit;

namespace ClovaCodegen.Generator.Tests.StructuredOutputs;

/// <summary>
/// CLOVA211: a validation attribute on a structured-output member asks for a schema keyword the spec marks unsupported
/// (here a spec where minimum, pattern and maxItems are), reported at the attribute; with today's spec, where every
/// keyword is uncertain, nothing is reported. The schema never carries the keywords either way.
/// </summary>
public class UnsupportedKeywordTests
{
    private const string Source = """
        using System.Collections.Generic;
        using System.ComponentModel.DataAnnotations;
        namespace App
        {
            [ClovaCodegen.ClovaStructuredOutput]
            public sealed record Product(
                [Range(0, 100)] int Stock,
                [property: RegularExpression("^[A-Z]+$")] string Code,
                [MaxLength(3)] List<string> Tags,
                [StringLength(10)] string Name);
        }
        """;

    private static string SpecMarkingUnsupported(params string[] keywords) =>
        keywords.Aggregate(GeneratorHarness.DefaultSpecText, (spec, keyword) =>
        {
            var uncertain = $"{{ \"name\": \"{keyword}\", \"status\": \"uncertain\"";
            Assert.Contains(uncertain, spec, StringComparison.Ordinal);
            return spec.Replace(uncertain, $"{{ \"name\": \"{keyword}\", \"status\": \"unsupported\"", StringComparison.Ordinal);
        });

    [Fact]
    public void An_attribute_asking_for_an_unsupported_keyword_is_a_CLOVA211_at_the_attribute()
    {
        var (output, diagnostics, _) = GeneratorHarness.Run(GeneratorHarness.Compilation(GeneratorHarness.Net10References, Source), SpecMarkingUnsupported("minimum", "pattern", "maxItems"));

        var found = diagnostics.Where(d => d.Id == "CLOVA211").OrderBy(d => d.Location.SourceSpan.Start).ToList();
        Assert.Equal(new[] { "Range(0, 100)", "RegularExpression(\"^[A-Z]+$\")", "MaxLength(3)" }, found.Select(d => Source.Substring(d.Location.SourceSpan.Start, d.Location.SourceSpan.Length)));
        Assert.All(found, d => Assert.Equal(DiagnosticSeverity.Warning, d.Severity));
        Assert.Contains("[Range] on 'Product.Stock' asks for the JSON Schema keyword 'minimum'", found[0].GetMessage(), StringComparison.Ordinal);
        Assert.Contains("'maxItems'", found[2].GetMessage(), StringComparison.Ordinal);
        Assert.DoesNotContain(output.GetDiagnostics(), d => d.Severity == DiagnosticSeverity.Error);
    }

    [Fact]
    public void With_todays_spec_where_every_keyword_is_uncertain_nothing_is_reported_and_no_keyword_is_sent()
    {
        var (_, diagnostics, result) = GeneratorHarness.Run(GeneratorHarness.Compilation(GeneratorHarness.Net10References, Source));

        Assert.DoesNotContain(diagnostics, d => d.Id == "CLOVA211");
        var generated = result.GeneratedTrees.Single(t => t.FilePath.EndsWith("ClovaStructuredOutput.App_Product.g.cs", StringComparison.Ordinal)).ToString();
        Assert.DoesNotContain("minimum", generated, StringComparison.Ordinal);
        Assert.DoesNotContain("pattern", generated, StringComparison.Ordinal);
    }
}
