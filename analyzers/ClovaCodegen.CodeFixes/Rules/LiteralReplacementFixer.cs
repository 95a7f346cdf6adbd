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
/// Fixes that replace a string literal with what the spec says: CLOVA003 (the canonical base URL of the same cloud; for a
/// URL constant, in its declaration), CLOVA004 (the endpoint's default model, then the nearest known names), CLOVA005
/// (the snake_case wire name, also for an anonymous member or in a DTO's serializer attribute), CLOVA011 (a model the spec
/// lists for the structured outputs or tools the builder chain asks for, in the <c>Create</c> call). The analyzers put the
/// replacement in the diagnostic's properties, so fixer and analyzer read the same spec.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(LiteralReplacementFixer)), Shared]
public sealed class LiteralReplacementFixer : ClovaFixer
{
    public override ImmutableArray<string> FixableDiagnosticIds =>
        ImmutableArray.Create(RuleIdentifiers.BaseUrl, RuleIdentifiers.UnknownModel, RuleIdentifiers.NativeFieldName, RuleIdentifiers.ModelCapability);

    internal override async Task<ImmutableArray<ClovaFix>> GetFixesAsync(Document document, SyntaxNode root, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        // The name may be written elsewhere than where it is used (a DTO's [JsonPropertyName("topP")]): the analyzer says where.
        var written = diagnostic.AdditionalLocations.Count == 1
            ? diagnostic.AdditionalLocations[0].SourceTree == root.SyntaxTree ? root.FindNode(diagnostic.AdditionalLocations[0].SourceSpan, getInnermostNodeForTie: true) : null
            : root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
        if (diagnostic.Id == RuleIdentifiers.NativeFieldName && diagnostic.Properties.TryGetValue(NativeFieldNameAnalyzer.JsonKeyProperty, out var jsonKey) && jsonKey is not null)
        {
            return diagnostic.Properties.TryGetValue(NativeFieldNameAnalyzer.WireNameProperty, out var jsonWire) && jsonWire is not null ? JsonKeyRename(written, jsonKey, jsonWire) : ImmutableArray<ClovaFix>.Empty;
        }

        if (diagnostic.Id == RuleIdentifiers.NativeFieldName && AnonymousMember(written) is { } member
            && diagnostic.Properties.TryGetValue(NativeFieldNameAnalyzer.WireNameProperty, out var wireName) && wireName is not null)
        {
            return AnonymousMemberRename(member, wireName);
        }

        // A URL constant is judged where it is used; it is fixed where it is declared (a const of one literal in this
        // file), which every use of it shares. A URL built from constants has no one place to fix.
        if (diagnostic.Id == RuleIdentifiers.BaseUrl && written is IdentifierNameSyntax or MemberAccessExpressionSyntax)
        {
            written = await ConstantLiteralAsync(document, root, (ExpressionSyntax)written, cancellationToken).ConfigureAwait(false);
        }

        if (written is not LiteralExpressionSyntax literal
            || !(literal.IsKind(SyntaxKind.StringLiteralExpression) || diagnostic.Id == RuleIdentifiers.NativeFieldName && literal.IsKind(SyntaxKind.Utf8StringLiteralExpression)))
        {
            return ImmutableArray<ClovaFix>.Empty;
        }

        var replacements = diagnostic.Id switch
        {
            RuleIdentifiers.BaseUrl => diagnostic.Properties.TryGetValue(BaseUrlAnalyzer.CanonicalUrlProperty, out var url) && url is not null ? new[] { url } : null,
            RuleIdentifiers.UnknownModel => diagnostic.Properties.TryGetValue(UnknownModelAnalyzer.SuggestionsProperty, out var names) && names is not null ? names.Split(',') : null,
            RuleIdentifiers.ModelCapability => diagnostic.Properties.TryGetValue(ModelCapabilityAnalyzer.SuggestionsProperty, out var models) && !string.IsNullOrEmpty(models) ? models!.Split(',') : null,
            _ => diagnostic.Properties.TryGetValue(NativeFieldNameAnalyzer.WireNameProperty, out var wire) && wire is not null ? new[] { wire } : null,
        };
        return (replacements ?? System.Array.Empty<string>()).Select(replacement =>
        {
            var title = diagnostic.Id switch
            {
                RuleIdentifiers.BaseUrl => $"Use the CLOVA Studio base URL {replacement}",
                RuleIdentifiers.UnknownModel or RuleIdentifiers.ModelCapability => $"Use model '{replacement}'",
                _ => $"Rename to '{replacement}'",
            };
            var text = SyntaxFactory.Literal(replacement).Text + (literal.IsKind(SyntaxKind.Utf8StringLiteralExpression) ? "u8" : "");
            var updated = SyntaxFactory.ParseExpression(text);

            // Every write of a DTO's property points at its one attribute: the diagnostics share this edit.
            return new ClovaFix(title, editor => editor.ReplaceNode(literal, (current, _) => current.CopyAnnotationsTo(updated.WithTriviaFrom(current))));
        }).ToImmutableArray();
    }

    /// <summary>The literal a <c>const</c> (field or local) is declared with in this file, or null.</summary>
    private static async Task<LiteralExpressionSyntax?> ConstantLiteralAsync(Document document, SyntaxNode root, ExpressionSyntax reference, CancellationToken cancellationToken)
    {
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        var symbol = model?.GetSymbolInfo(reference, cancellationToken).Symbol;
        var declarations = symbol switch
        {
            IFieldSymbol { IsConst: true } field => field.DeclaringSyntaxReferences,
            ILocalSymbol { IsConst: true } local => local.DeclaringSyntaxReferences,
            _ => ImmutableArray<SyntaxReference>.Empty,
        };
        return declarations.Length == 1 && declarations[0].SyntaxTree == root.SyntaxTree
            && declarations[0].GetSyntax(cancellationToken) is VariableDeclaratorSyntax { Initializer.Value: LiteralExpressionSyntax literal }
            ? literal
            : null;
    }

    /// <summary>
    /// A member name in JSON text renamed in the literal that holds the text (every occurrence of it as a member name; the
    /// literal may be a local's value that several calls send, so the edit works on the literal as it is by then).
    /// </summary>
    private static ImmutableArray<ClovaFix> JsonKeyRename(SyntaxNode? written, string native, string wire)
    {
        if (written is not LiteralExpressionSyntax literal || Renamed(literal) is null)
        {
            return ImmutableArray<ClovaFix>.Empty;
        }

        return ImmutableArray.Create(new ClovaFix($"Rename \"{native}\" to \"{wire}\"", editor => editor.ReplaceNode(literal, (current, _) => Renamed((LiteralExpressionSyntax)current) ?? current)));

        LiteralExpressionSyntax? Renamed(LiteralExpressionSyntax text) => JsonLiteralEdits.Edit(text, (json, quote) => JsonLiteralEdits.RenameKey(json, quote, native, wire));
    }

    /// <summary>The anonymous object member whose name the node is: <c>topK</c> of <c>topK = 5</c>, or a member named after its value (<c>new { topK }</c>).</summary>
    private static AnonymousObjectMemberDeclaratorSyntax? AnonymousMember(SyntaxNode? written) => written switch
    {
        IdentifierNameSyntax { Parent: NameEqualsSyntax { Parent: AnonymousObjectMemberDeclaratorSyntax member } } => member,
        AnonymousObjectMemberDeclaratorSyntax { NameEquals: null } member => member,
        ExpressionSyntax { Parent: AnonymousObjectMemberDeclaratorSyntax { NameEquals: null } member } expression when member.Expression == expression => member,
        _ => null,
    };

    /// <summary>
    /// An anonymous body's member renamed to the wire name: <c>topK = 5</c> → <c>top_k = 5</c>; a member named after the
    /// value it takes (<c>new { topK }</c>) gets the wire name written in front (<c>top_k = topK</c>). Identifiers elsewhere
    /// (a named constant as a key) are left alone: other code may use the constant as it is.
    /// </summary>
    private static ImmutableArray<ClovaFix> AnonymousMemberRename(AnonymousObjectMemberDeclaratorSyntax member, string wire)
    {
        if (!SyntaxFacts.IsValidIdentifier(wire))
        {
            return ImmutableArray<ClovaFix>.Empty;
        }

        var renamed = member.NameEquals is { } named
            ? member.WithNameEquals(named.WithName(SyntaxFactory.IdentifierName(wire).WithTriviaFrom(named.Name)))
            : member.WithNameEquals(SyntaxFactory.NameEquals(wire)).WithExpression(member.Expression.WithoutLeadingTrivia()).WithLeadingTrivia(member.GetLeadingTrivia());
        return ImmutableArray.Create(new ClovaFix($"Rename to '{wire}'", editor => editor.ReplaceNode(member, renamed)));
    }
}
