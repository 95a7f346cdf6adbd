using System;
using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ClovaCodegen.Analyzers.Benchmarks;

/// <summary>
/// Wall-clock cost of the CLOVA analyzers on the synthetic project: the compiler's own GetDiagnostics() (baseline)
/// against the same plus all nine rules, each on a fresh compilation. A second view beside <see cref="AnalyzerTelemetry"/>:
/// its medians carry the machine's noise, which on a shared 2-core machine is larger than the analyzers' cost.
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
