using Microsoft.CodeAnalysis;

namespace ClovaCodegen.Analyzers;

/// <summary>The descriptors of CLOVA001–CLOVA012, each linking to its page under docs/rules/.</summary>
public static class DiagnosticDescriptors
{
    private const string Compatibility = "ClovaCodegen.Compatibility";
    private const string Security = "ClovaCodegen.Security";

    public static readonly DiagnosticDescriptor UnsupportedField = Create(
        RuleIdentifiers.UnsupportedField, "CLOVA Studio does not support this OpenAI request field",
        "'{0}' sends the OpenAI field '{1}', which CLOVA Studio's OpenAI-compatible API {2}", Compatibility, DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor EmbeddingEncoding = Create(
        RuleIdentifiers.EmbeddingEncoding, "Embeddings must be requested with encoding_format \"float\"",
        "{0}, but CLOVA Studio accepts only \"encoding_format\": \"float\"; {1}", Compatibility, DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor BaseUrl = Create(
        RuleIdentifiers.BaseUrl, "Wrong CLOVA Studio base URL",
        "'{0}' is not a CLOVA Studio OpenAI-compatible URL: {1}; use {2}", Compatibility, DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor UnknownModel = Create(
        RuleIdentifiers.UnknownModel, "Unknown model for the endpoint",
        "'{0}' is not {1} model of CLOVA Studio; the spec lists {2}", Compatibility, DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor NativeFieldName = Create(
        RuleIdentifiers.NativeFieldName, "CLOVA-only field under its native name",
        "'{0}' is the native API's name; the OpenAI-compatible API expects '{1}'", Compatibility, DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor ValueRange = Create(
        RuleIdentifiers.ValueRange, "Value outside the documented range or allowed values",
        "{0} for '{1}' {2}", Compatibility, DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor HardcodedApiKey = Create(
        RuleIdentifiers.HardcodedApiKey, "Hard-coded CLOVA Studio API key",
        "A CLOVA Studio API key is hard-coded here; read it from the {0} environment variable", Security, DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor MissingMaxTokens = Create(
        RuleIdentifiers.MissingMaxTokens, "Chat request without a max token setting",
        "This chat request sets no max token count; CLOVA Studio stops at {0} tokens by default", Compatibility, DiagnosticSeverity.Info);

    public static readonly DiagnosticDescriptor DroppedOption = Create(
        RuleIdentifiers.DroppedOption, "Option silently dropped on the way to CLOVA Studio",
        "'{0}' never reaches CLOVA Studio: {1} drops it{2}; {3}", Compatibility, DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor MessageRole = Create(
        RuleIdentifiers.MessageRole, "Message role CLOVA Studio does not accept",
        "'{0}' sends a message with role '{1}', which CLOVA Studio refuses; it accepts {2}", Compatibility, DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor ModelCapability = Create(
        RuleIdentifiers.ModelCapability, "Model the spec does not list for structured outputs or tools",
        "'{0}' asks model '{1}' for {2}, which the spec lists for {3}", Compatibility, DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor DuplicateToolName = Create(
        RuleIdentifiers.DuplicateToolName, "Two tools of one name offered or combined together",
        "'{0}' is the name of both {1} and {2}; {3}", Compatibility, DiagnosticSeverity.Warning);

    private static DiagnosticDescriptor Create(string id, string title, string message, string category, DiagnosticSeverity severity) =>
        new(id, title, message, category, severity, isEnabledByDefault: true,
            helpLinkUri: $"https://github.com/clovacodegen/clovacodegen/blob/main/docs/rules/{id}.md");
}
