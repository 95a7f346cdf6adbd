using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using ClovaCodegen.Analyzers;
using ClovaCodegen.Analyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ClovaCodegen.CodeFixes.Rules;

/// <summary>
/// Fixes that replace a string literal with what the spec says: CLOVA003 (the canonical base URL of the same cloud),
/// CLOVA004 (each nearest known model name), CLOVA005 (the snake_case wire name). The analyzers put the replacement in
/// the diagnostic's properties, so fixer and analyzer read the same spec.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(LiteralReplacementFixer)), Shared]
public sealed class LiteralReplacementFixer : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds =>
        ImmutableArray.Create(RuleIdentifiers.BaseUrl, RuleIdentifiers.UnknownModel, RuleIdentifiers.NativeFieldName);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root?.FindNode(context.Span, getInnermostNodeForTie: true) is not LiteralExpressionSyntax literal || !literal.IsKind(SyntaxKind.StringLiteralExpression))
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            var replacements = diagnostic.Id switch
            {
                RuleIdentifiers.BaseUrl => diagnostic.Properties.TryGetValue(BaseUrlAnalyzer.CanonicalUrlProperty, out var url) && url is not null ? new[] { url } : null,
                RuleIdentifiers.UnknownModel => diagnostic.Properties.TryGetValue(UnknownModelAnalyzer.SuggestionsProperty, out var names) && names is not null ? names.Split(',') : null,
                _ => diagnostic.Properties.TryGetValue(NativeFieldNameAnalyzer.WireNameProperty, out var wire) && wire is not null ? new[] { wire } : null,
            };
            foreach (var replacement in replacements ?? System.Array.Empty<string>())
            {
                var title = diagnostic.Id switch
                {
                    RuleIdentifiers.BaseUrl => $"Use the CLOVA Studio base URL {replacement}",
                    RuleIdentifiers.UnknownModel => $"Use model '{replacement}'",
                    _ => $"Rename to '{replacement}'",
                };
                var updated = literal.WithToken(SyntaxFactory.Literal(replacement)).WithTriviaFrom(literal);
                context.RegisterCodeFix(
                    CodeAction.Create(title, _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(literal, updated))), equivalenceKey: diagnostic.Id + ":" + (diagnostic.Id == RuleIdentifiers.UnknownModel ? replacement : "")),
                    diagnostic);
            }
        }
    }
}
