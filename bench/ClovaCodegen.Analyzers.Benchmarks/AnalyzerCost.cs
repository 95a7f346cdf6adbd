using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ClovaCodegen.Analyzers.Benchmarks;

/// <summary>
/// Wall-clock cost of the CLOVA analyzers on the synthetic project: the compiler's own GetDiagnostics() (baseline)
/// against the same plus all nine rules, each on a fresh compilation.
/// </summary>
[MemoryDiagnoser]
[GcServer(true)]
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 5)]
public class AnalyzerCost
{
    // A parameter of the class, not of one method: BenchmarkDotNet computes ratios within a parameter group, so each scope
    // gets its own baseline row (the baseline ignores it).
    [Params("project", "endpoint")]
    public string Scope { get; set; } = "project";

    [Benchmark(Baseline = true)]
    public int CompilerDiagnostics() => SyntheticProject.Compilation().GetDiagnostics().Length;

    [Benchmark]
    public async Task<int> CompilerPlusAnalyzers()
    {
        var compilation = SyntheticProject.Compilation();
        var withAnalyzers = compilation.WithAnalyzers(SyntheticProject.Analyzers, new CompilationWithAnalyzersOptions(SyntheticProject.AnalyzerOptions(Scope), null, concurrentAnalysis: true, logAnalyzerExecutionTime: false));
        return (await withAnalyzers.GetAllDiagnosticsAsync()).Length;
    }
}

/// <summary>The issue's measure: analyzer execution time from CompilationWithAnalyzers telemetry / GetDiagnostics() time.</summary>
public static class AnalyzerTelemetry
{
    public static void Report(int runs)
    {
        foreach (var scope in new[] { "project", "endpoint" })
        {
            Report(runs, scope);
        }

        // Per rule alone (the host with that rule only, best of three): in the combined run the rules share one callback, and
        // the lazily built parts of operation trees are charged to whichever rule touches them first. The floor is an
        // analyzer that registers for the same operation kinds and does nothing: what the driver charges for calling back.
        var alone = ClovaRules.CreateAll()
            .Select(rule => (Name: $"{rule.Descriptor.Id} {rule.GetType().Name}", Analyzer: (DiagnosticAnalyzer)rule))
            .Append((Name: "FLOOR EmptyOperationAnalyzer", Analyzer: (DiagnosticAnalyzer)new EmptyOperationAnalyzer()))
            .Select(r => (r.Name, Time: Enumerable.Range(0, 3).Min(_ => AloneTime(r.Analyzer))))
            .OrderByDescending(r => r.Time)
            .ToList();
        foreach (var (name, time) in alone)
        {
            Console.WriteLine($"[alone, project scope, best of 3] {name}: {time.TotalMilliseconds:F1} ms");
        }
    }

    private static TimeSpan AloneTime(DiagnosticAnalyzer analyzer)
    {
        var compilation = SyntheticProject.Compilation();
        compilation.GetDiagnostics();
        var withAnalyzer = compilation.WithAnalyzers(ImmutableArray.Create(analyzer), new CompilationWithAnalyzersOptions(SyntheticProject.AnalyzerOptions("project"), null, concurrentAnalysis: false, logAnalyzerExecutionTime: true));
        return withAnalyzer.GetAnalysisResultAsync(CancellationToken.None).GetAwaiter().GetResult().AnalyzerTelemetryInfo[analyzer].ExecutionTime;
    }

    private static void Report(int runs, string scope)
    {
        // On a shared machine a run can be slowed by neighbours at any point; each run's ratio is printed, then the median
        // and the best of the measured runs. The first three runs warm up and are left out: the compiler from NuGet is IL
        // only (the SDK's is ReadyToRun), and while the JIT is still optimizing it GetDiagnostics() takes 14-18 s, then
        // 4-5 s, then 2.5-3 s from the third run on, with the JIT's background thread competing with the analysis for the
        // two cores of the machine this was measured on.
        const int WarmUpRuns = 3;
        var ratios = new List<double>();
        for (var run = 0; run < WarmUpRuns + runs; run++)
        {
            var warmUp = run < WarmUpRuns;
            var compilation = SyntheticProject.Compilation();
            var watch = Stopwatch.StartNew();
            var compilerDiagnostics = compilation.GetDiagnostics();
            var compilerTime = watch.Elapsed;

            var withAnalyzers = compilation.WithAnalyzers(SyntheticProject.Analyzers, new CompilationWithAnalyzersOptions(SyntheticProject.AnalyzerOptions(scope), null, concurrentAnalysis: false, logAnalyzerExecutionTime: true));

            // The telemetry is wall-clock time around each callback: a callback whose thread is descheduled (the usual cause
            // of a slow run on a busy 2-core machine) or paused by a collection is charged for it. The analysis's wall time
            // and pauses are printed next to each run so an outlier can be told from a regression.
            var pauseBefore = GC.GetTotalPauseDuration();
            var gen2Before = GC.CollectionCount(2);
            var analysisWatch = Stopwatch.StartNew();
            var result = withAnalyzers.GetAnalysisResultAsync(CancellationToken.None).GetAwaiter().GetResult();
            var analysisTime = analysisWatch.Elapsed;
            var pause = GC.GetTotalPauseDuration() - pauseBefore;
            var gen2 = GC.CollectionCount(2) - gen2Before;
            var analyzerTime = TimeSpan.FromTicks(SyntheticProject.Analyzers.Sum(a => result.AnalyzerTelemetryInfo[a].ExecutionTime.Ticks));
            var found = result.GetAllDiagnostics().Where(d => d.Id.StartsWith("CLOVA", StringComparison.Ordinal)).GroupBy(d => d.Id).OrderBy(g => g.Key)
                .Select(g => $"{g.Key}x{g.Count()}");
            var errors = compilerDiagnostics.Count(d => d.Severity == DiagnosticSeverity.Error);

            Console.WriteLine($"[scope={scope}, telemetry run {run}{(warmUp ? ", warm-up" : "")}] files={SyntheticProject.FileCount} compiler errors={errors} GetDiagnostics={compilerTime.TotalMilliseconds:F0} ms, analyzers total={analyzerTime.TotalMilliseconds:F1} ms, ratio={analyzerTime.TotalMilliseconds / compilerTime.TotalMilliseconds:P2}");
            Console.WriteLine($"  analysis took {analysisTime.TotalMilliseconds:F0} ms wall, of which GC pauses {pause.TotalMilliseconds:F0} ms ({gen2} gen2 collections)");
            Console.WriteLine($"  reported: {string.Join(", ", found)}");
            if (!warmUp)
            {
                ratios.Add(analyzerTime.TotalMilliseconds / compilerTime.TotalMilliseconds);
            }

            if (errors > 0)
            {
                Console.WriteLine("  first error: " + compilerDiagnostics.First(d => d.Severity == DiagnosticSeverity.Error));
            }
        }

        ratios.Sort();
        Console.WriteLine($"[scope={scope}] analyzers / GetDiagnostics over {ratios.Count} runs: median {ratios[ratios.Count / 2]:P2}, best {ratios[0]:P2} (target 3 %)");
    }
}

/// <summary>The floor: registered for every operation kind the rules use, doing nothing.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class EmptyOperationAnalyzer : DiagnosticAnalyzer
{
    private static readonly DiagnosticDescriptor Floor = new("FLOOR", "floor", "floor", "floor", DiagnosticSeverity.Hidden, true);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Floor);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start => start.RegisterOperationAction(
            _ => { },
            OperationKind.Invocation, OperationKind.ObjectCreation, OperationKind.AnonymousObjectCreation, OperationKind.SimpleAssignment, OperationKind.MemberInitializer, OperationKind.Literal));
    }
}
