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

// --rules-loop SCOPE N [CLOVA00N] [fresh]: the rules' callbacks called directly (RuleCallbacks) N times on the synthetic project, for a profiler
// (dotnet-trace) to attach to; prints each pass's time.
if (Array.IndexOf(args, "--rules-loop") is var loopAt and >= 0)
{
    var only = args.Length > loopAt + 3 && args[loopAt + 3].StartsWith("CLOVA", StringComparison.Ordinal) ? args[loopAt + 3] : null;
    var rules = ClovaCodegen.Analyzers.ClovaRules.CreateAll().Where(r => only is null || r.Descriptor.Id == only);
    // "fresh": a new compilation each pass, so that nothing the rules share per compilation (endpoint scope's decisions) carries over.
    var fresh = args.Contains("fresh");
    var callbacks = new RuleCallbacks(SyntheticProject.Compilation(), rules, SyntheticProject.AnalyzerOptions(args[loopAt + 1]));
    using var sampler = new AllocationSampler();
    for (var pass = 0; pass < int.Parse(args[loopAt + 2]); pass++)
    {
        if (fresh && pass > 0)
        {
            // The sampler is off while the new compilation binds: what it counts is the rules' own allocations.
            sampler.On = false;
            callbacks = new RuleCallbacks(SyntheticProject.Compilation(), rules, SyntheticProject.AnalyzerOptions(args[loopAt + 1]));
        }

        callbacks.Restart();
        sampler.On = pass > 0;
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var cpu = Environment.CpuUsage.TotalTime;
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var reported = callbacks.Run();
        Console.WriteLine($"pass {pass}: {watch.Elapsed.TotalMilliseconds:F1} ms wall, {(Environment.CpuUsage.TotalTime - cpu).TotalMilliseconds:F1} ms CPU, {(GC.GetAllocatedBytesForCurrentThread() - allocated) / 1024.0:F0} KB allocated, {reported} reported");
    }

    sampler.On = false;
    sampler.Print();
    return;
}

// --rules-compare SCOPE N FOLDER [all] [CLOVA00N ...]: this build's rules and an earlier build's called directly, each on a
// compilation of its own, interleaved pass by pass (RuleComparison).
if (Array.IndexOf(args, "--rules-compare") is var compareAt and >= 0)
{
    RuleComparison.Run(args[compareAt + 1], int.Parse(args[compareAt + 2]), args[compareAt + 3], args.Skip(compareAt + 4).Where(a => a == "all" || a.StartsWith("CLOVA", StringComparison.Ordinal)).ToArray());
    return;
}

// --earlier FOLDER: an earlier build of the rules measured beside this one, run by run (EarlierBuild).
var earlierFolder = TakeOption("--earlier");
var earlier = earlierFolder is not null ? EarlierBuild.Hosts(earlierFolder) : default;
if (earlierFolder is not null)
{
    Console.WriteLine($"earlier build: {earlier.Length} analyzers ({string.Join(", ", earlier.Select(a => a.GetType().Name))}) from {earlierFolder}, measured beside this build run by run");
}

// --without-source SOURCE: the hosts also run, run by run, with the default spec less the entries of one source (SpecWithoutSource).
var withoutSource = TakeOption("--without-source") is { } source ? SpecWithoutSource.Create(source) : null;
if (withoutSource is not null)
{
    Console.WriteLine($"spec without source '{withoutSource.Source}': {withoutSource.Removed} entries left out, measured beside the default spec run by run");
}

// --runs N: measured runs per subject (default 7, the fewest the cost figure is taken from); more give a quiet stretch of a
// busy machine more chances to fall on a run.
var runs = TakeOption("--runs") is { } runsText ? int.Parse(runsText, System.Globalization.CultureInfo.InvariantCulture) : 7;
if (runs < 7)
{
    throw new ArgumentException("--runs: the cost figure is the best of at least 7 runs.");
}

// Three warm-up runs on the synthetic project: the compiler from NuGet is IL only (the SDK's is ReadyToRun), and while the
// JIT is still optimizing it GetDiagnostics() takes 14-18 s, then 4-5 s, then 2-3 s from the third run on. The codebases
// come after it, on a warm compiler, with one warm-up run each.
// --codebases-only leaves the synthetic project out (and warms up on each codebase for three runs instead).
var codebasesOnly = TakeFlag("--codebases-only");
var withoutMistakes = TakeFlag("--without-mistakes");
if (codebasesOnly && withoutMistakes)
{
    throw new ArgumentException("--without-mistakes measures the synthetic project, which --codebases-only leaves out.");
}
if (!codebasesOnly)
{
    AnalyzerTelemetry.Report("synthetic", SyntheticProject.FileCount, SyntheticProject.Compilation, runs, warmUpRuns: 3, earlier, withoutSource);

    // --without-mistakes: the same project again with no mistake in any file, to tell what the rules cost on code they find
    // nothing in from what each finding adds (reporting it; in endpoint scope, the evidence search).
    if (withoutMistakes)
    {
        AnalyzerTelemetry.Report("synthetic without mistakes", SyntheticProject.FileCount, SyntheticProject.CompilationWithoutMistakes, runs, warmUpRuns: 1, earlier, withoutSource);
    }
}

foreach (var codebase in codebases)
{
    AnalyzerTelemetry.Report(codebase.Name, codebase.FileCount, codebase.Compilation, runs, warmUpRuns: codebasesOnly ? 3 : 1, earlier, withoutSource);
}

if (codebasesOnly)
{
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(AnalyzerCost).Assembly).Run(benchmarkArgs);

// Whether a flag was given, taken out of the arguments BenchmarkDotNet reads (it refuses options it doesn't know).
bool TakeFlag(string name)
{
    var given = benchmarkArgs.Contains(name);
    benchmarkArgs = benchmarkArgs.Where(a => a != name).ToArray();
    return given;
}

// The value of an option given as "NAME VALUE", taken out of the arguments BenchmarkDotNet reads; null when not given.
string? TakeOption(string name)
{
    var at = Array.IndexOf(benchmarkArgs, name);
    if (at < 0)
    {
        return null;
    }

    if (at + 1 >= benchmarkArgs.Length)
    {
        throw new ArgumentException($"{name} needs a value.");
    }

    var value = benchmarkArgs[at + 1];
    benchmarkArgs = benchmarkArgs.Take(at).Concat(benchmarkArgs.Skip(at + 2)).ToArray();
    return value;
}
