using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ClovaCodegen.Analyzers;
using ClovaCodegen.Analyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Simplification;

namespace ClovaCodegen.CodeFixes.Rules;

/// <summary>
/// CLOVA002: make embeddings go out as <c>"float"</c>. For an OpenAI SDK client, create it with ClovaCodegen.OpenAI's
/// options (<c>ClovaOpenAI.CreateClientOptions(endpoint)</c>, whose policy rewrites the field); for a raw body, add
/// <c>encoding_format = "float"</c> or correct its value. The analyzer says which in the diagnostic's properties.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(EmbeddingEncodingFixer)), Shared]
public sealed class EmbeddingEncodingFixer : CodeFixProvider
{
    private const string ClovaOpenAIType = "ClovaCodegen.OpenAI.ClovaOpenAI";

    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(RuleIdentifiers.EmbeddingEncoding);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            diagnostic.Properties.TryGetValue(EmbeddingEncodingAnalyzer.FixProperty, out var fix);
            var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            switch (fix)
            {
                case EmbeddingEncodingAnalyzer.FixUseFloat when node is LiteralExpressionSyntax literal:
                    Register(context, diagnostic, "Use \"float\"", root.ReplaceNode(literal, LiteralFloat().WithTriviaFrom(literal)));
                    break;
                case EmbeddingEncodingAnalyzer.FixAddField when WithEncodingField(node) is { } updated:
                    Register(context, diagnostic, "Add encoding_format = \"float\"", root.ReplaceNode(updated.Old, updated.New));
                    break;
                case EmbeddingEncodingAnalyzer.FixAddPolicy when diagnostic.AdditionalLocations.FirstOrDefault() is { } creationLocation
                    && root.FindNode(creationLocation.SourceSpan) is ObjectCreationExpressionSyntax creation
                    && await HasClovaOpenAIAsync(context.Document, context.CancellationToken).ConfigureAwait(false)
                    && WithClovaOptions(creation) is { } withOptions:
                    context.RegisterCodeFix(
                        CodeAction.Create(
                            "Create the client with ClovaOpenAI.CreateClientOptions (rewrites encoding_format to \"float\")",
                            async token =>
                            {
                                var changed = context.Document.WithSyntaxRoot(root.ReplaceNode(creation, withOptions));
                                return await ImportAdder.AddImportsAsync(changed, Simplifier.AddImportsAnnotation, cancellationToken: token).ConfigureAwait(false);
                            },
                            equivalenceKey: nameof(EmbeddingEncodingFixer) + EmbeddingEncodingAnalyzer.FixAddPolicy),
                        diagnostic);
                    break;
            }
        }
    }

    private static void Register(CodeFixContext context, Diagnostic diagnostic, string title, SyntaxNode newRoot) =>
        context.RegisterCodeFix(CodeAction.Create(title, _ => Task.FromResult(context.Document.WithSyntaxRoot(newRoot)), equivalenceKey: nameof(EmbeddingEncodingFixer) + "Body"), diagnostic);

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
            arguments = arguments.RemoveAt(arguments.Count - 1);
        }
        else if (arguments.Count != withoutOptions)
        {
            return null;
        }

        var factory = SyntaxFactory.ParseExpression($"global::{ClovaOpenAIType}.CreateClientOptions({endpoint?.WithoutTrivia().ToFullString()})")
            .WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation);
        return creation.WithArgumentList(SyntaxFactory.ArgumentList(arguments.Add(SyntaxFactory.Argument(factory))).WithTriviaFrom(creation.ArgumentList!));
    }

    /// <summary>The body creation with <c>encoding_format = "float"</c> added to its initializer, keeping its layout.</summary>
    private static (SyntaxNode Old, SyntaxNode New)? WithEncodingField(SyntaxNode node)
    {
        switch (node.AncestorsAndSelf().FirstOrDefault(n => n is AnonymousObjectCreationExpressionSyntax or BaseObjectCreationExpressionSyntax))
        {
            case AnonymousObjectCreationExpressionSyntax anonymous:
                var member = SyntaxFactory.AnonymousObjectMemberDeclarator(SyntaxFactory.NameEquals("encoding_format"), LiteralFloat());
                return (anonymous, anonymous.WithInitializers(Append(anonymous.Initializers, member)));
            case BaseObjectCreationExpressionSyntax { Initializer: { Expressions.Count: > 0 } initializer } creation:
                // Parsed rather than built, so the entry reads as a person would write it: ["k"] = v or { "k", v }.
                var entryText = initializer.Expressions[0] is AssignmentExpressionSyntax ? "[\"encoding_format\"] = \"float\"" : "{ \"encoding_format\", \"float\" }";
                var entry = ((ObjectCreationExpressionSyntax)SyntaxFactory.ParseExpression("new T { " + entryText + " }")).Initializer!.Expressions[0].WithoutTrivia();
                return (creation, creation.WithInitializer(initializer.WithExpressions(Append(initializer.Expressions, entry))));
            default:
                return null;
        }
    }

    /// <summary>Appends an element laid out like the last one (same indentation; a trailing comma stays trailing).</summary>
    private static SeparatedSyntaxList<T> Append<T>(SeparatedSyntaxList<T> list, T element)
        where T : SyntaxNode
    {
        if (list.Count == 0)
        {
            return list.Add(element);
        }

        var last = list[list.Count - 1];
        var nodes = list.Take(list.Count - 1).ToList();
        var separators = Enumerable.Range(0, list.SeparatorCount).Select(i => list.GetSeparator(i)).ToList();
        var hasTrailingComma = list.SeparatorCount == list.Count;
        if (hasTrailingComma)
        {
            // a, b, → a, b, new,
            nodes.Add(last);
            nodes.Add(element.WithLeadingTrivia(last.GetLeadingTrivia()).WithTrailingTrivia(last.GetTrailingTrivia()));
            separators.Add(SyntaxFactory.Token(SyntaxKind.CommaToken).WithTrailingTrivia(separators[separators.Count - 1].TrailingTrivia));
        }
        else
        {
            // a, b → a, b, new: the comma takes b's trailing trivia (a space or a line break).
            nodes.Add(last.WithTrailingTrivia());
            nodes.Add(element.WithLeadingTrivia(last.GetLeadingTrivia()).WithTrailingTrivia(last.GetTrailingTrivia()));
            separators.Add(SyntaxFactory.Token(SyntaxKind.CommaToken).WithTrailingTrivia(last.GetTrailingTrivia()));
        }

        return SyntaxFactory.SeparatedList(nodes, separators);
    }
}
