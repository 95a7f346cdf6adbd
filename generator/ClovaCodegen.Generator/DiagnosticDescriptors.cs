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

    public static readonly DiagnosticDescriptor StructuredOutputNotExpressible = new(
        "CLOVA205", "Structured output type cannot be expressed as JSON Schema", "'{0}' cannot be part of a structured output: {1}",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpBase + "clova205");

    public static readonly DiagnosticDescriptor StructuredOutputName = new(
        "CLOVA206", "Structured output name breaks the spec's rule", "json_schema.name '{0}' does not match {1}, the name rule of the spec's structuredOutputs section; pass a name to [ClovaStructuredOutput(\"...\")]",
        Category, DiagnosticSeverity.Warning, isEnabledByDefault: true, helpLinkUri: HelpBase + "clova206");

    private const string SpecCategory = SpecDiagnosticIds.Category;

    // The spec reader's CLOVA1xx, written out with literal IDs and severities (not built from SpecDiagnosticIds.All in a
    // loop) so that release tracking (AnalyzerReleases.*.md, RS2000-RS2008) sees them like any other rule; a test keeps
    // this table equal to the reader's catalogue.
    private static readonly DiagnosticDescriptor SpecUnreadable = new(
        "CLOVA100", SpecDiagnosticIds.Unreadable.Title, "{0}", SpecCategory, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: SpecDiagnosticIds.Unreadable.HelpLink);

    private static readonly DiagnosticDescriptor SpecInvalidJson = new(
        "CLOVA101", SpecDiagnosticIds.InvalidJson.Title, "{0}", SpecCategory, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: SpecDiagnosticIds.InvalidJson.HelpLink);

    private static readonly DiagnosticDescriptor SpecMissingProperty = new(
        "CLOVA102", SpecDiagnosticIds.MissingProperty.Title, "{0}", SpecCategory, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: SpecDiagnosticIds.MissingProperty.HelpLink);

    private static readonly DiagnosticDescriptor SpecWrongJsonType = new(
        "CLOVA103", SpecDiagnosticIds.WrongJsonType.Title, "{0}", SpecCategory, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: SpecDiagnosticIds.WrongJsonType.HelpLink);

    private static readonly DiagnosticDescriptor SpecUnknownStatus = new(
        "CLOVA104", SpecDiagnosticIds.UnknownStatus.Title, "{0}", SpecCategory, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: SpecDiagnosticIds.UnknownStatus.HelpLink);

    private static readonly DiagnosticDescriptor SpecDuplicateField = new(
        "CLOVA105", SpecDiagnosticIds.DuplicateField.Title, "{0}", SpecCategory, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: SpecDiagnosticIds.DuplicateField.HelpLink);

    private static readonly DiagnosticDescriptor SpecUnknownEndpoint = new(
        "CLOVA106", SpecDiagnosticIds.UnknownEndpoint.Title, "{0}", SpecCategory, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: SpecDiagnosticIds.UnknownEndpoint.HelpLink);

    private static readonly DiagnosticDescriptor SpecDefaultOutsideRange = new(
        "CLOVA107", SpecDiagnosticIds.DefaultOutsideRange.Title, "{0}", SpecCategory, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: SpecDiagnosticIds.DefaultOutsideRange.HelpLink);

    private static readonly DiagnosticDescriptor SpecInvalidRange = new(
        "CLOVA108", SpecDiagnosticIds.InvalidRange.Title, "{0}", SpecCategory, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: SpecDiagnosticIds.InvalidRange.HelpLink);

    private static readonly DiagnosticDescriptor SpecInvalidUrlOrPattern = new(
        "CLOVA109", SpecDiagnosticIds.InvalidUrlOrPattern.Title, "{0}", SpecCategory, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: SpecDiagnosticIds.InvalidUrlOrPattern.HelpLink);

    private static readonly DiagnosticDescriptor SpecUnsupportedVersion = new(
        "CLOVA110", SpecDiagnosticIds.UnsupportedVersion.Title, "{0}", SpecCategory, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: SpecDiagnosticIds.UnsupportedVersion.HelpLink);

    private static readonly DiagnosticDescriptor SpecDuplicateEntry = new(
        "CLOVA111", SpecDiagnosticIds.DuplicateEntry.Title, "{0}", SpecCategory, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: SpecDiagnosticIds.DuplicateEntry.HelpLink);

    private static readonly DiagnosticDescriptor SpecUnknownBindingField = new(
        "CLOVA112", SpecDiagnosticIds.UnknownBindingField.Title, "{0}", SpecCategory, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: SpecDiagnosticIds.UnknownBindingField.HelpLink);

    private static readonly DiagnosticDescriptor SpecUnknownProperty = new(
        "CLOVA113", SpecDiagnosticIds.UnknownProperty.Title, "{0}", SpecCategory, DiagnosticSeverity.Warning, isEnabledByDefault: true, helpLinkUri: SpecDiagnosticIds.UnknownProperty.HelpLink);

    private static readonly DiagnosticDescriptor SpecUnknownType = new(
        "CLOVA114", SpecDiagnosticIds.UnknownType.Title, "{0}", SpecCategory, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: SpecDiagnosticIds.UnknownType.HelpLink);

    private static readonly DiagnosticDescriptor SpecUnknownSource = new(
        "CLOVA115", SpecDiagnosticIds.UnknownSource.Title, "{0}", SpecCategory, DiagnosticSeverity.Warning, isEnabledByDefault: true, helpLinkUri: SpecDiagnosticIds.UnknownSource.HelpLink);

    private static readonly DiagnosticDescriptor SpecInvalidValue = new(
        "CLOVA116", SpecDiagnosticIds.InvalidValue.Title, "{0}", SpecCategory, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: SpecDiagnosticIds.InvalidValue.HelpLink);

    private static readonly DiagnosticDescriptor SpecMultipleSpecs = new(
        "CLOVA117", SpecDiagnosticIds.MultipleSpecs.Title, "{0}", SpecCategory, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: SpecDiagnosticIds.MultipleSpecs.HelpLink);

    private static readonly Dictionary<string, DiagnosticDescriptor> SpecDescriptors = ById(
        SpecUnreadable, SpecInvalidJson, SpecMissingProperty, SpecWrongJsonType, SpecUnknownStatus, SpecDuplicateField, SpecUnknownEndpoint, SpecDefaultOutsideRange, SpecInvalidRange, SpecInvalidUrlOrPattern, SpecUnsupportedVersion, SpecDuplicateEntry, SpecUnknownBindingField, SpecUnknownProperty, SpecUnknownType, SpecUnknownSource, SpecInvalidValue, SpecMultipleSpecs);

    /// <summary>The generator's descriptors for the spec reader's diagnostics, by ID.</summary>
    internal static IReadOnlyDictionary<string, DiagnosticDescriptor> SpecDiagnostics => SpecDescriptors;

    private static Dictionary<string, DiagnosticDescriptor> ById(params DiagnosticDescriptor[] descriptors)
    {
        var result = new Dictionary<string, DiagnosticDescriptor>();
        foreach (var descriptor in descriptors)
        {
            result.Add(descriptor.Id, descriptor);
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

}
