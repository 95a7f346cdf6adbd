using System.Collections.Generic;
using ClovaCodegen.Spec.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace ClovaCodegen.Generator;

/// <summary>Every diagnostic the generator reports: the spec's CLOVA1xx (from the shared catalogue) and its own CLOVA2xx.</summary>
internal static class DiagnosticDescriptors
{
    private const string Category = "ClovaCodegen.Generator";
    private const string HelpBase = "https://github.com/clovacodegen/clovacodegen/blob/main/docs/generator.md#";

    public static readonly DiagnosticDescriptor InvalidNamespace = new(
        "CLOVA200", "Invalid ClovaCodegenNamespace", "ClovaCodegenNamespace '{0}' is not a valid C# namespace; using 'ClovaCodegen.Requests'",
        Category, DiagnosticSeverity.Warning, isEnabledByDefault: true, helpLinkUri: HelpBase + "clova200");

    public static readonly DiagnosticDescriptor InvalidAccessibility = new(
        "CLOVA201", "Invalid ClovaCodegenAccessibility", "ClovaCodegenAccessibility '{0}' must be 'public' or 'internal'; using 'public'",
        Category, DiagnosticSeverity.Warning, isEnabledByDefault: true, helpLinkUri: HelpBase + "clova201");

    public static readonly DiagnosticDescriptor InvalidSwitch = new(
        "CLOVA202", "Invalid ClovaCodegen switch", "{0} '{1}' must be one of {2}; using '{3}'",
        Category, DiagnosticSeverity.Warning, isEnabledByDefault: true, helpLinkUri: HelpBase + "clova202");

    public static readonly DiagnosticDescriptor MissingSystemTextJson = new(
        "CLOVA203", "System.Text.Json is not referenced", "Request types need System.Text.Json; reference the ClovaCodegen package (it brings it) or System.Text.Json",
        Category, DiagnosticSeverity.Warning, isEnabledByDefault: true, helpLinkUri: HelpBase + "clova203");

    public static readonly DiagnosticDescriptor GeneratorFailure = new(
        "CLOVA204", "ClovaCodegen generator failed", "The ClovaCodegen generator failed while emitting {0}: {1}. Please report this.",
        Category, DiagnosticSeverity.Warning, isEnabledByDefault: true, helpLinkUri: HelpBase + "clova204");

    private static readonly Dictionary<string, DiagnosticDescriptor> SpecDescriptors = CreateSpecDescriptors();

    private static Dictionary<string, DiagnosticDescriptor> CreateSpecDescriptors()
    {
        var result = new Dictionary<string, DiagnosticDescriptor>();
        foreach (var kind in SpecDiagnosticIds.All)
        {
            result[kind.Id] = new DiagnosticDescriptor(
                kind.Id, kind.Title, "{0}", SpecDiagnosticIds.Category, ToRoslyn(kind.Severity), isEnabledByDefault: true, helpLinkUri: kind.HelpLink);
        }

        return result;
    }

    /// <summary>A spec problem as a Roslyn diagnostic located in the spec file.</summary>
    public static Diagnostic FromSpec(SpecDiagnostic diagnostic)
    {
        var location = diagnostic.FilePath.Length == 0
            ? Location.None
            : Location.Create(
                diagnostic.FilePath,
                new TextSpan(diagnostic.Offset, diagnostic.Length),
                new LinePositionSpan(new LinePosition(diagnostic.StartLine, diagnostic.StartColumn), new LinePosition(diagnostic.EndLine, diagnostic.EndColumn)));
        return Diagnostic.Create(SpecDescriptors[diagnostic.Id], location, diagnostic.Message);
    }

    private static DiagnosticSeverity ToRoslyn(SpecSeverity severity) => severity switch
    {
        SpecSeverity.Error => DiagnosticSeverity.Error,
        SpecSeverity.Warning => DiagnosticSeverity.Warning,
        _ => DiagnosticSeverity.Info,
    };
}
