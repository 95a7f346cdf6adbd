using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ClovaCodegen.Analyzers;
using ClovaCodegen.Analyzers.Rules;
using ClovaCodegen.CodeFixes.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;

namespace ClovaCodegen.CodeFixes.Rules;

/// <summary>
/// CLOVA002: make embeddings go out as <c>"float"</c>. For an OpenAI SDK client, create it with ClovaCodegen.OpenAI's
/// options (<c>ClovaOpenAI.CreateClientOptions(endpoint)</c>, whose policy rewrites the field); for a Semantic Kernel
/// registration given an API key, give it <c>ClovaOpenAI.CreateClient(apiKey)</c>; for a raw body, add
/// <c>encoding_format = "float"</c> or correct its value. The analyzer says which in the diagnostic's properties.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(EmbeddingEncodingFixer)), Shared]
public sealed class EmbeddingEncodingFixer : ClovaFixer
{
    private const string ClovaOpenAIType = "ClovaCodegen.OpenAI.ClovaOpenAI";

    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(RuleIdentifiers.EmbeddingEncoding);

    internal override async Task<ImmutableArray<ClovaFix>> GetFixesAsync(Document document, SyntaxNode root, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        diagnostic.Properties.TryGetValue(EmbeddingEncodingAnalyzer.FixProperty, out var fix);
        var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
        switch (fix)
        {
            case EmbeddingEncodingAnalyzer.FixUseFloat when node is LiteralExpressionSyntax literal:
                return ImmutableArray.Create(new ClovaFix("Use \"float\"", editor => editor.ReplaceNode(literal, LiteralFloat().WithTriviaFrom(literal))));
            case EmbeddingEncodingAnalyzer.FixAddField when BodyCreation(node) is { } body && WithEncodingField(body) is not null:
                // Applied to the body as it is by then: another fix may have changed it in the same Fix All.
                return ImmutableArray.Create(new ClovaFix("Add encoding_format = \"float\"", editor => editor.ReplaceNode(body, (current, _) => WithEncodingField(current) ?? current)));
            case EmbeddingEncodingAnalyzer.FixAddPolicy when diagnostic.AdditionalLocations.FirstOrDefault() is { } creationLocation
                && root.FindNode(creationLocation.SourceSpan) is ObjectCreationExpressionSyntax creation
                && WithClovaOptions(creation) is not null
                && await HasClovaOpenAIAsync(document, cancellationToken).ConfigureAwait(false):
                // Several embedding calls on one client point at the same creation: the first fix adds the options, the
                // others find them there (WithClovaOptions gives null) and leave the creation as it is.
                return ImmutableArray.Create(new ClovaFix(
                    "Create the client with ClovaOpenAI.CreateClientOptions (rewrites encoding_format to \"float\")",
                    editor => editor.ReplaceNode(creation, (current, _) => WithClovaOptions((ObjectCreationExpressionSyntax)current) ?? current),
                    AddsImports: true));
            case EmbeddingEncodingAnalyzer.FixUseClovaClient when diagnostic.AdditionalLocations.FirstOrDefault() is { } keyLocation
                && root.FindNode(keyLocation.SourceSpan, getInnermostNodeForTie: true).FirstAncestorOrSelf<ArgumentSyntax>() is { } apiKey
                && await HasClovaOpenAIAsync(document, cancellationToken).ConfigureAwait(false):
                return ImmutableArray.Create(new ClovaFix(
                    "Register with ClovaOpenAI.CreateClient(apiKey) (CLOVA Studio's public cloud; its policy sends \"float\")",
                    editor => editor.ReplaceNode(apiKey, OverClovaClient(apiKey)),
                    AddsImports: true));
            default:
                return ImmutableArray<ClovaFix>.Empty;
        }
    }

    private static LiteralExpressionSyntax LiteralFloat() => SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal("float"));

    private static async Task<bool> HasClovaOpenAIAsync(Document document, CancellationToken cancellationToken) =>
        (await document.Project.GetCompilationAsync(cancellationToken).ConfigureAwait(false))?.GetTypeByMetadataName(ClovaOpenAIType) is not null;

    /// <summary>
    /// <c>new OpenAIClient(credential)</c> → <c>new OpenAIClient(credential, ClovaOpenAI.CreateClientOptions())</c>;
    /// <c>new OpenAIClient(credential, new OpenAIClientOptions { Endpoint = e })</c> → <c>..., ClovaOpenAI.CreateClientOptions(e))</c>.
    /// Options with other settings are left for the developer (the fix would lose them).
    /// </summary>
    private static ObjectCreationExpressionSyntax? WithClovaOptions(ObjectCreationExpressionSyntax creation)
    {
        var arguments = creation.ArgumentList?.Arguments ?? default;
        var typeName = creation.Type is QualifiedNameSyntax qualified ? qualified.Right.Identifier.ValueText : creation.Type.ToString();
        var withoutOptions = typeName == "OpenAIClient" ? 1 : typeName == "EmbeddingClient" ? 2 : -1;
        ExpressionSyntax? endpoint = null;
        if (arguments.Count == withoutOptions + 1
            && arguments.Last().Expression is ObjectCreationExpressionSyntax { Initializer.Expressions: [AssignmentExpressionSyntax { Left: IdentifierNameSyntax { Identifier.ValueText: "Endpoint" } } assignment] } optionsCreation
            && (optionsCreation.ArgumentList is null || optionsCreation.ArgumentList.Arguments.Count == 0))
        {
            endpoint = assignment.Right;
        }
        else if (arguments.Count != withoutOptions)
        {
            return null;
        }

        var factory = SyntaxFactory.ParseExpression($"global::{ClovaOpenAIType}.CreateClientOptions({endpoint?.WithoutTrivia().ToFullString()})")
            .WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation);

        // The options argument is replaced where it stands, so a call laid out over several lines keeps its layout.
        var withFactory = endpoint is not null
            ? arguments.Replace(arguments.Last(), arguments.Last().WithExpression(factory.WithTriviaFrom(arguments.Last().Expression)))
            : arguments.Add(SyntaxFactory.Argument(factory));
        return creation.WithArgumentList(creation.ArgumentList!.WithArguments(withFactory));
    }

    /// <summary>
    /// An SK registration's <c>apiKey</c> argument → <c>ClovaOpenAI.CreateClient(apiKey)</c>, which selects the overload
    /// over an <c>OpenAIClient</c> (a named argument is renamed to that overload's <c>openAIClient</c>).
    /// </summary>
    private static ArgumentSyntax OverClovaClient(ArgumentSyntax apiKey)
    {
        var client = SyntaxFactory.ParseExpression($"global::{ClovaOpenAIType}.CreateClient({apiKey.Expression.WithoutTrivia().ToFullString()})")
            .WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation)
            .WithTriviaFrom(apiKey.Expression);
        var argument = apiKey.WithExpression(client);
        return apiKey.NameColon is { } name ? argument.WithNameColon(name.WithName(SyntaxFactory.IdentifierName("openAIClient").WithTriviaFrom(name.Name))) : argument;
    }

    /// <summary>The raw body's creation (anonymous object, dictionary, JsonObject) the node lies in.</summary>
    private static SyntaxNode? BodyCreation(SyntaxNode node) =>
        node.AncestorsAndSelf().FirstOrDefault(n => n is AnonymousObjectCreationExpressionSyntax or BaseObjectCreationExpressionSyntax);

    /// <summary>The body creation with <c>encoding_format = "float"</c> added, keeping its layout; null when it can't be added.</summary>
    private static SyntaxNode? WithEncodingField(SyntaxNode body) => InitializerEdits.WithEntry(body, "encoding_format", LiteralFloat());
}
