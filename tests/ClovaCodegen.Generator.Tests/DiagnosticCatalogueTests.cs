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
}
