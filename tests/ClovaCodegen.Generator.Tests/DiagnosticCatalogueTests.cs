using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using ClovaCodegen.Spec.Diagnostics;
using Microsoft.CodeAnalysis;
using Xunit;

namespace ClovaCodegen.Generator.Tests;

/// <summary>
/// The generator writes the spec reader's CLOVA1xx out as literal descriptors, so that release tracking
/// (AnalyzerReleases.*.md) covers them; this keeps that table equal to the reader's own catalogue.
/// </summary>
public class DiagnosticCatalogueTests
{
    [Fact]
    public void The_generator_reports_every_spec_diagnostic_with_the_readers_id_title_severity_and_help_link()
    {
        var descriptors = (IReadOnlyDictionary<string, DiagnosticDescriptor>)typeof(ClovaRequestGenerator).Assembly
            .GetType("ClovaCodegen.Generator.DiagnosticDescriptors", throwOnError: true)!
            .GetProperty("SpecDiagnostics", BindingFlags.NonPublic | BindingFlags.Static)!
            .GetValue(null)!;

        Assert.Equal(SpecDiagnosticIds.All.Select(k => k.Id), descriptors.Keys.OrderBy(id => id, System.StringComparer.Ordinal));
        Assert.All(SpecDiagnosticIds.All, kind =>
        {
            var descriptor = descriptors[kind.Id];
            Assert.Equal(kind.Title, descriptor.Title.ToString());
            Assert.Equal(SpecDiagnosticIds.Category, descriptor.Category);
            Assert.Equal(kind.HelpLink, descriptor.HelpLinkUri);
            Assert.Equal(
                kind.Severity switch { SpecSeverity.Error => DiagnosticSeverity.Error, SpecSeverity.Warning => DiagnosticSeverity.Warning, _ => DiagnosticSeverity.Info },
                descriptor.DefaultSeverity);
        });
    }

    [Fact]
    public void Every_generator_diagnostic_has_its_row_in_docs_generator_md_and_links_to_it()
    {
        var descriptors = typeof(ClovaRequestGenerator).Assembly
            .GetType("ClovaCodegen.Generator.DiagnosticDescriptors", throwOnError: true)!
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
            .Select(f => (DiagnosticDescriptor)f.GetValue(null)!)
            .Where(d => d.Category == "ClovaCodegen.Generator")
            .ToList();
        var page = System.IO.File.ReadAllText(System.IO.Path.Combine(GeneratorHarness.RepositoryRoot, "docs", "generator.md"));

        Assert.Contains(descriptors, d => d.Id == "CLOVA210");
        Assert.All(descriptors, d =>
        {
            var anchor = d.Id.ToLowerInvariant();
            Assert.Contains($"| <a id=\"{anchor}\"></a>{d.Id} |", page, System.StringComparison.Ordinal);
            Assert.EndsWith("docs/generator.md#" + anchor, d.HelpLinkUri, System.StringComparison.Ordinal);
        });
    }
}
