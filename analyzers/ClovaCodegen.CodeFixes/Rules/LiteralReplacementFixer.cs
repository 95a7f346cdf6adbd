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

namespace ClovaCodegen.CodeFixes.Rules;

/// <summary>
/// Fixes that replace a string literal with what the spec says: CLOVA003 (the canonical base URL of the same cloud),
/// CLOVA004 (the endpoint's default model, then the nearest known names), CLOVA005 (the snake_case wire name). The
/// analyzers put the replacement in the diagnostic's properties, so fixer and analyzer read the same spec.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(LiteralReplacementFixer)), Shared]
public sealed class LiteralReplacementFixer : ClovaFixer
{
    public override ImmutableArray<string> FixableDiagnosticIds =>
        ImmutableArray.Create(RuleIdentifiers.BaseUrl, RuleIdentifiers.UnknownModel, RuleIdentifiers.NativeFieldName);

    internal override Task<ImmutableArray<ClovaFix>> GetFixesAsync(Document document, SyntaxNode root, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not LiteralExpressionSyntax literal || !literal.IsKind(SyntaxKind.StringLiteralExpression))
        {
            return Task.FromResult(ImmutableArray<ClovaFix>.Empty);
        }

        var replacements = diagnostic.Id switch
        {
            RuleIdentifiers.BaseUrl => diagnostic.Properties.TryGetValue(BaseUrlAnalyzer.CanonicalUrlProperty, out var url) && url is not null ? new[] { url } : null,
            RuleIdentifiers.UnknownModel => diagnostic.Properties.TryGetValue(UnknownModelAnalyzer.SuggestionsProperty, out var names) && names is not null ? names.Split(',') : null,
            _ => diagnostic.Properties.TryGetValue(NativeFieldNameAnalyzer.WireNameProperty, out var wire) && wire is not null ? new[] { wire } : null,
        };
        return Task.FromResult((replacements ?? System.Array.Empty<string>()).Select(replacement =>
        {
            var title = diagnostic.Id switch
            {
                RuleIdentifiers.BaseUrl => $"Use the CLOVA Studio base URL {replacement}",
                RuleIdentifiers.UnknownModel => $"Use model '{replacement}'",
                _ => $"Rename to '{replacement}'",
            };
            var updated = literal.WithToken(SyntaxFactory.Literal(replacement)).WithTriviaFrom(literal);
            return new ClovaFix(title, editor => editor.ReplaceNode(literal, updated));
        }).ToImmutableArray());
    }
}
