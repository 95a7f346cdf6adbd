using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace ClovaCodegen.CodeFixes.Infrastructure;

/// <summary>
/// Fix All for every <see cref="ClovaFixer"/>: per document, each diagnostic's fix of the chosen rank, all applied in one
/// editor in source order. <see cref="WellKnownFixAllProviders.BatchFixer"/> did not do for two reasons. It keeps only the
/// fixes whose equivalence key equals the one it is given, and <c>dotnet format</c> gives the key of whatever fix the first
/// diagnostic of any rule produced ("didn't return a Fix All action", or another rule's fixes, depending on which
/// diagnostic came first). And it merges independently computed text changes, which drops or duplicates edits when two
/// diagnostics change the same node (two calls sharing one options initializer, two embedding calls on one client).
/// </summary>
internal sealed class ClovaFixAllProvider : FixAllProvider
{
    public static readonly ClovaFixAllProvider Instance = new();

    private ClovaFixAllProvider()
    {
    }

    public override async Task<CodeAction?> GetFixAsync(FixAllContext fixAllContext)
    {
        if (fixAllContext.CodeFixProvider is not ClovaFixer fixer)
        {
            return null;
        }

        var rank = fixer.RankOf(fixAllContext.CodeActionEquivalenceKey);
        var documents = fixAllContext.Scope switch
        {
            FixAllScope.Document when fixAllContext.Document is { } document => new[] { document },
            FixAllScope.Project or FixAllScope.Custom => fixAllContext.Project.Documents.ToArray(),
            FixAllScope.Solution => fixAllContext.Solution.Projects.SelectMany(p => p.Documents).ToArray(),
            _ => System.Array.Empty<Document>(),
        };
        var diagnosticsByDocument = new List<(Document Document, ImmutableArray<Diagnostic> Diagnostics)>();
        foreach (var document in documents)
        {
            var diagnostics = await fixAllContext.GetDocumentDiagnosticsAsync(document).ConfigureAwait(false);
            diagnostics = diagnostics.Where(d => fixer.FixableDiagnosticIds.Contains(d.Id)).ToImmutableArray();
            if (!diagnostics.IsEmpty)
            {
                diagnosticsByDocument.Add((document, diagnostics));
            }
        }

        if (diagnosticsByDocument.Count == 0)
        {
            return null;
        }

        return CodeAction.Create(
            $"Fix all {string.Join(", ", fixAllContext.DiagnosticIds.OrderBy(id => id, System.StringComparer.Ordinal))}",
            token => FixAsync(fixer, rank, fixAllContext.Solution, diagnosticsByDocument, token),
            fixAllContext.CodeActionEquivalenceKey);
    }

    private static async Task<Solution> FixAsync(ClovaFixer fixer, int rank, Solution solution, List<(Document Document, ImmutableArray<Diagnostic> Diagnostics)> work, CancellationToken cancellationToken)
    {
        foreach (var (document, diagnostics) in work)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            if (root is null)
            {
                continue;
            }

            var fixes = new List<ClovaFix>();
            foreach (var diagnostic in diagnostics.OrderBy(d => d.Location.SourceSpan.Start).ThenBy(d => d.Id, System.StringComparer.Ordinal))
            {
                var offered = await fixer.GetFixesAsync(document, root, diagnostic, cancellationToken).ConfigureAwait(false);
                if (rank < offered.Length)
                {
                    fixes.Add(offered[rank]);
                }
            }

            if (fixes.Count > 0)
            {
                var changed = await ClovaFixer.ApplyAsync(document, fixes, cancellationToken).ConfigureAwait(false);
                solution = solution.WithDocumentSyntaxRoot(document.Id, (await changed.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false))!);
            }
        }

        return solution;
    }
}
