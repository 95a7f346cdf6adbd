using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading.Tasks;
using ClovaCodegen.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ClovaCodegen.CodeFixes.Rules;

/// <summary>CLOVA001 and CLOVA009: remove the assignment (a statement, or a member of an object initializer).</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UnsupportedFieldFixer)), Shared]
public sealed class UnsupportedFieldFixer : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(RuleIdentifiers.UnsupportedField, RuleIdentifiers.DroppedOption);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var node = root?.FindNode(context.Span, getInnermostNodeForTie: true);
        var assignment = node?.AncestorsAndSelf().OfType<AssignmentExpressionSyntax>().FirstOrDefault();
        if (root is null || assignment is null)
        {
            return;
        }

        // A statement goes whole (with its global-statement wrapper in top-level programs); an initializer member alone.
        SyntaxNode target = assignment.Parent is ExpressionStatementSyntax statement
            ? statement.Parent is GlobalStatementSyntax global ? global : statement
            : assignment;
        foreach (var diagnostic in context.Diagnostics)
        {
            context.RegisterCodeFix(
                CodeAction.Create(
                    $"Remove '{assignment.Left}' (not sent to CLOVA Studio)",
                    _ => Task.FromResult(context.Document.WithSyntaxRoot(root.RemoveNode(target, SyntaxRemoveOptions.KeepExteriorTrivia | SyntaxRemoveOptions.KeepUnbalancedDirectives)!)),
                    equivalenceKey: nameof(UnsupportedFieldFixer)),
                diagnostic);
        }
    }
}
