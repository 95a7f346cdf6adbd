using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Simplification;

namespace ClovaCodegen.CodeFixes.Infrastructure;

/// <summary>
/// One way to fix a diagnostic, as an edit of its document's <see cref="DocumentEditor"/>. An edit that changes a node
/// other fixes may change too (an initializer, a client creation) uses <see cref="SyntaxEditor.ReplaceNode(SyntaxNode, System.Func{SyntaxNode, SyntaxGenerator, SyntaxNode})"/>
/// and works on the node as it is by then, so that Fix All can apply many edits to one document in one editor.
/// </summary>
/// <param name="Title">The code action's title.</param>
/// <param name="Edit">Records the change in the editor; node arguments are nodes of the editor's original root.</param>
/// <param name="AddsImports">The edit puts in fully qualified names annotated for <see cref="ImportAdder"/>.</param>
internal sealed record ClovaFix(string Title, System.Action<DocumentEditor> Edit, bool AddsImports = false);

/// <summary>
/// The base of every ClovaCodegen fixer: a fixer says which fixes a diagnostic has, best first, and this class offers them
/// as code actions and gives them a Fix All that works from the command line (<see cref="ClovaFixAllProvider"/>).
/// The n-th fix of every diagnostic shares an equivalence key, so Fix All of "the second suggestion" means that everywhere.
/// </summary>
public abstract class ClovaFixer : CodeFixProvider
{
    public sealed override FixAllProvider GetFixAllProvider() => ClovaFixAllProvider.Instance;

    /// <summary>The fixes for <paramref name="diagnostic"/> in <paramref name="root"/> (the document's), best first; none when it has none.</summary>
    internal abstract Task<ImmutableArray<ClovaFix>> GetFixesAsync(Document document, SyntaxNode root, Diagnostic diagnostic, CancellationToken cancellationToken);

    public sealed override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics.Where(d => FixableDiagnosticIds.Contains(d.Id)))
        {
            var fixes = await GetFixesAsync(context.Document, root, diagnostic, context.CancellationToken).ConfigureAwait(false);
            for (var rank = 0; rank < fixes.Length; rank++)
            {
                var fix = fixes[rank];
                context.RegisterCodeFix(
                    CodeAction.Create(fix.Title, token => ApplyAsync(context.Document, new[] { fix }, token), EquivalenceKey(rank)),
                    diagnostic);
            }
        }
    }

    /// <summary>The equivalence key of every diagnostic's <paramref name="rank"/>-th fix.</summary>
    internal string EquivalenceKey(int rank) => GetType().Name + ":" + rank.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// The rank an equivalence key names, or 0 (the best fix) for a key that is not this fixer's: <c>dotnet format</c>
    /// takes the key of the first fix it finds for the first diagnostic it finds, which may belong to another rule or fixer.
    /// </summary>
    internal int RankOf(string? equivalenceKey)
    {
        var prefix = GetType().Name + ":";
        return equivalenceKey is not null && equivalenceKey.StartsWith(prefix, System.StringComparison.Ordinal)
            && int.TryParse(equivalenceKey.Substring(prefix.Length), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var rank)
            ? rank
            : 0;
    }

    /// <summary>Applies the fixes to one document in one editor, then adds the imports their names need.</summary>
    internal static async Task<Document> ApplyAsync(Document document, System.Collections.Generic.IReadOnlyCollection<ClovaFix> fixes, CancellationToken cancellationToken)
    {
        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        foreach (var fix in fixes)
        {
            fix.Edit(editor);
        }

        var changed = editor.GetChangedDocument();
        return fixes.Any(f => f.AddsImports)
            ? await ImportAdder.AddImportsAsync(changed, Simplifier.AddImportsAnnotation, cancellationToken: cancellationToken).ConfigureAwait(false)
            : changed;
    }
}
