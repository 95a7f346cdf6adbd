using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ClovaCodegen.Analyzers;
using ClovaCodegen.CodeFixes.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ClovaCodegen.CodeFixes.Rules;

/// <summary>
/// CLOVA001 and CLOVA009: remove what writes the field — a statement (assignment, <c>Add</c>, <c>Patch.Set</c>), a member
/// of an object initializer, an anonymous object's member, or a dictionary initializer's entry.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UnsupportedFieldFixer)), Shared]
public sealed class UnsupportedFieldFixer : ClovaFixer
{
    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(RuleIdentifiers.UnsupportedField, RuleIdentifiers.DroppedOption);

    internal override Task<ImmutableArray<ClovaFix>> GetFixesAsync(Document document, SyntaxNode root, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        if (Removable(root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true)) is not { } target)
        {
            return Task.FromResult(ImmutableArray<ClovaFix>.Empty);
        }

        return Task.FromResult(ImmutableArray.Create(new ClovaFix(
            $"Remove '{Describe(target)}' (not sent to CLOVA Studio)",
            editor => editor.RemoveNode(target, RemoveOptions(target)))));
    }

    /// <summary>The smallest node whose removal removes the write; null when there is none to remove safely.</summary>
    private static SyntaxNode? Removable(SyntaxNode node)
    {
        foreach (var ancestor in node.AncestorsAndSelf())
        {
            switch (ancestor)
            {
                case AnonymousObjectMemberDeclaratorSyntax member:
                    return member;
                case InitializerExpressionSyntax complex when complex.IsKind(SyntaxKind.ComplexElementInitializerExpression):
                    return complex;
                case AssignmentExpressionSyntax or InvocationExpressionSyntax when ancestor.Parent is ExpressionStatementSyntax statement:
                    // A statement goes whole (with its global-statement wrapper in top-level programs).
                    return statement.Parent is GlobalStatementSyntax global ? global : statement;
                case AssignmentExpressionSyntax assignment when assignment.Parent is InitializerExpressionSyntax:
                    return assignment;
                case StatementSyntax or MemberDeclarationSyntax:
                    return null;
            }
        }

        return null;
    }

    /// <summary>
    /// The node goes with its indentation and line break (so no blank line or stray space is left), unless comments or
    /// directives lead it: those stay.
    /// </summary>
    private static SyntaxRemoveOptions RemoveOptions(SyntaxNode target) =>
        SyntaxRemoveOptions.KeepUnbalancedDirectives
        | (target.GetLeadingTrivia().Any(t => t.IsKind(SyntaxKind.SingleLineCommentTrivia) || t.IsKind(SyntaxKind.MultiLineCommentTrivia) || t.IsDirective)
            ? SyntaxRemoveOptions.KeepLeadingTrivia
            : SyntaxRemoveOptions.KeepNoTrivia)
        | (IsLastOfList(target) ? SyntaxRemoveOptions.KeepTrailingTrivia : 0);

    /// <summary>The last element of an initializer list without a trailing comma: its preceding comma goes, its trailing space stays.</summary>
    private static bool IsLastOfList(SyntaxNode target) =>
        target.Parent is InitializerExpressionSyntax or AnonymousObjectCreationExpressionSyntax && !target.GetLastToken().GetNextToken().IsKind(SyntaxKind.CommaToken);

    private static string Describe(SyntaxNode target) => target switch
    {
        GlobalStatementSyntax { Statement: ExpressionStatementSyntax statement } => statement.Expression.ToString(),
        ExpressionStatementSyntax statement => statement.Expression.ToString(),
        AssignmentExpressionSyntax assignment => assignment.Left.ToString(),
        AnonymousObjectMemberDeclaratorSyntax member => member.NameEquals?.Name.ToString() ?? member.ToString(),
        _ => target.ToString(),
    };
}
