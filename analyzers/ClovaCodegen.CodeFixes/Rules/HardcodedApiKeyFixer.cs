using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using ClovaCodegen.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ClovaCodegen.CodeFixes.Rules;

/// <summary>CLOVA007: read the key from <c>CLOVA_STUDIO_API_KEY</c> instead of the source.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(HardcodedApiKeyFixer)), Shared]
public sealed class HardcodedApiKeyFixer : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(RuleIdentifiers.HardcodedApiKey);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root?.FindNode(context.Span, getInnermostNodeForTie: true) is not LiteralExpressionSyntax literal)
        {
            return;
        }

        var bearer = literal.Token.ValueText.StartsWith("Bearer ", System.StringComparison.Ordinal);
        var read = "System.Environment.GetEnvironmentVariable(\"CLOVA_STUDIO_API_KEY\") ?? throw new System.InvalidOperationException(\"Set CLOVA_STUDIO_API_KEY.\")";
        var expression = SyntaxFactory.ParseExpression(bearer ? $"\"Bearer \" + ({read})" : $"({read})")
            .WithTriviaFrom(literal)
            .WithAdditionalAnnotations(Microsoft.CodeAnalysis.Simplification.Simplifier.Annotation);
        foreach (var diagnostic in context.Diagnostics)
        {
            context.RegisterCodeFix(
                CodeAction.Create("Read the key from CLOVA_STUDIO_API_KEY", _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(literal, expression))), equivalenceKey: nameof(HardcodedApiKeyFixer)),
                diagnostic);
        }
    }
}
