using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace ClovaCodegen.Analyzers.Tests;

/// <summary>
/// What <c>dotnet format analyzers --severity info</c> does with our fixers, in process (dotnet/format's
/// AnalyzerFormatter.FixDiagnosticsAsync and SolutionCodeFixApplier): for each reported rule ID in turn, analyze the
/// project again with every analyzer that reports that ID (ours reports all nine, so the result holds every rule's
/// diagnostics), ask each fixer of the ID for the fixes of the <em>first</em> diagnostic found, whatever its ID, and run
/// the fixer's Fix All in the solution with the first fix's equivalence key. The end-to-end test runs the real tool;
/// this one tries several rule orders (the tool's order is a hash set's) quickly.
/// </summary>
internal static class DotnetFormatEmulation
{
    public sealed record Result(string Text, IReadOnlyList<string> Warnings);

    public static async Task<Result> FixAsync(string source, IEnumerable<string> ruleOrder)
    {
        using var workspace = new AdhocWorkspace();
        var project = workspace.AddProject(ProjectInfo.Create(ProjectId.CreateNewId(), VersionStamp.Create(), "Consumer", "Consumer", LanguageNames.CSharp,
            compilationOptions: AnalyzerHarness.CompilationOptions, parseOptions: new CSharpParseOptions(LanguageVersion.Latest), metadataReferences: AnalyzerHarness.References));
        var documentId = workspace.AddDocument(project.Id, "Program.cs", SourceText.From(source)).Id;
        var solution = workspace.CurrentSolution;
        var warnings = new List<string>();

        var reported = (await AnalyzeAsync(solution.GetProject(project.Id)!)).Select(d => d.Id).ToHashSet();
        foreach (var id in ruleOrder.Where(reported.Contains))
        {
            var diagnostics = await AnalyzeAsync(solution.GetProject(project.Id)!);
            if (diagnostics.IsEmpty)
            {
                continue;
            }

            // The tool takes the first diagnostic of the result, not the first of this ID: here the first in source order.
            var first = diagnostics.OrderBy(d => d.Location.SourceSpan.Start).First();
            var document = solution.GetDocument(documentId)!;
            foreach (var fixer in AnalyzerHarness.AllFixers.Where(f => f.FixableDiagnosticIds.Contains(id)))
            {
                CodeAction? firstAction = null;
                await fixer.RegisterCodeFixesAsync(new CodeFixContext(document, first, (action, _) => firstAction ??= action, CancellationToken.None));
                var fixAll = fixer.GetFixAllProvider();
                var context = new FixAllContext(document, fixer, FixAllScope.Solution, firstAction?.EquivalenceKey!, new[] { id }, new AllDiagnostics(diagnostics), CancellationToken.None);
                var fix = fixAll is null ? null : await fixAll.GetFixAsync(context);
                if (fix is null)
                {
                    warnings.Add($"Unable to fix {id}. Code fix {fixer.GetType().Name} didn't return a Fix All action.");
                    continue;
                }

                var operations = await fix.GetOperationsAsync(CancellationToken.None);
                solution = operations.OfType<ApplyChangesOperation>().Single().ChangedSolution;
            }
        }

        return new Result((await solution.GetDocument(documentId)!.GetTextAsync()).ToString(), warnings);
    }

    /// <summary>The diagnostics a compilation of the project reports: compiler errors and every analyzer's, Info and up.</summary>
    public static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(Project project)
    {
        var compilation = (await project.GetCompilationAsync())!;
        var analyzers = await compilation.WithAnalyzers(AnalyzerHarness.AllAnalyzers).GetAnalyzerDiagnosticsAsync();
        return analyzers.Where(d => d.Severity >= DiagnosticSeverity.Info && d.Location.IsInSource).ToImmutableArray();
    }

    /// <summary>Gives every diagnostic of the analysis, of every ID, as the tool's provider does (FixAllContext filters by ID).</summary>
    private sealed class AllDiagnostics : FixAllContext.DiagnosticProvider
    {
        private readonly ImmutableArray<Diagnostic> _diagnostics;

        public AllDiagnostics(ImmutableArray<Diagnostic> diagnostics) => _diagnostics = diagnostics;

        public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken) => Task.FromResult<IEnumerable<Diagnostic>>(_diagnostics);

        public override Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken) => Task.FromResult<IEnumerable<Diagnostic>>(_diagnostics);

        public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken) => Task.FromResult<IEnumerable<Diagnostic>>(_diagnostics);
    }
}
