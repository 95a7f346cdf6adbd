using System;
using System.Linq;
using BenchmarkDotNet.Running;
using ClovaCodegen.Analyzers.Benchmarks;

// First the figure issue 14 asks for (AnalyzerTelemetry): the analyzers' callbacks as a ratio to the compilation's own
// GetDiagnostics(), best of 7 interleaved runs with median and spread, on the synthetic project and then on each public
// codebase given with --codebase NAME=PATH (see PublicCodebase); then the BenchmarkDotNet table the --filter selects.
var (codebases, benchmarkArgs) = PublicCodebase.FromArguments(args);
if (benchmarkArgs.Contains("--check-codebases"))
{
    // Setting up a checkout: how many files each codebase compiles, and with how many errors (missing references show here).
    foreach (var codebase in codebases)
    {
        var errors = codebase.Compilation().GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error).ToList();
        Console.WriteLine($"[{codebase.Name}] {codebase.FileCount} files, {errors.Count} compiler errors");
        foreach (var group in errors.GroupBy(e => e.Id).OrderByDescending(g => g.Count()).Take(8))
        {
            Console.WriteLine($"  {group.Key} x{group.Count()}: {group.First()}");
        }
    }

    return;
}

// Three warm-up runs on the synthetic project: the compiler from NuGet is IL only (the SDK's is ReadyToRun), and while the
// JIT is still optimizing it GetDiagnostics() takes 14-18 s, then 4-5 s, then 2-3 s from the third run on. The codebases
// come after it, on a warm compiler, with one warm-up run each.
// --codebases-only leaves the synthetic project out (and warms up on each codebase for three runs instead).
var codebasesOnly = benchmarkArgs.Contains("--codebases-only");
if (!codebasesOnly)
{
    AnalyzerTelemetry.Report("synthetic", SyntheticProject.FileCount, SyntheticProject.Compilation, runs: 7, warmUpRuns: 3);
}

foreach (var codebase in codebases)
{
    AnalyzerTelemetry.Report(codebase.Name, codebase.FileCount, codebase.Compilation, runs: 7, warmUpRuns: codebasesOnly ? 3 : 1);
}

if (codebasesOnly)
{
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(AnalyzerCost).Assembly).Run(benchmarkArgs);
