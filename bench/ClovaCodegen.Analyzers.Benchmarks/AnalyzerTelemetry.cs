using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ClovaCodegen.Analyzers.Benchmarks;

/// <summary>
/// The cost figure issue 14 asks for: the time the analyzers spend in their callbacks (CompilationWithAnalyzers telemetry)
/// as a ratio to the compilation's own <c>GetDiagnostics()</c>, both measured in the same run of the same process, run
/// after run (interleaved), and reported as the best run with the median and the spread beside it. Noise on a shared
/// machine only adds time, so the best run is the figure; the median and the spread say how noisy the machine was.
/// Beside it, the fastest analysis over the fastest compilation, which may come from different runs: a run whose
/// compilation was slowed more than its analysis gives a low ratio, and this figure is not lowered by that.
/// Each run also measures, on the same compilation, every rule switched off (<c>none</c>) and the floor: an analyzer that
/// registers for the same operation kinds and does nothing, i.e. what the driver charges for calling back at all.
/// The figure is the hosts' (<c>ClovaRules.CreateHosts()</c>, what the compiler loads); the per-rule figures come from a
/// second analysis in which each rule runs as an analyzer of its own, since a host's telemetry is its rules' together.
/// </summary>
public static class AnalyzerTelemetry
{
    private static readonly string[] Scopes = { "project", "endpoint" };

    public static void Report(string subject, int fileCount, Func<CSharpCompilation> compile, int runs, int warmUpRuns, ImmutableArray<DiagnosticAnalyzer> earlier = default, SpecWithoutSource? withoutSource = null)
    {
        // The figure is the hosts', as the compiler loads them. Each rule also runs alone, as an analyzer of its own, in a
        // second analysis of the same compilation: the telemetry's only per-rule figure (a host's is its rules' together),
        // and, summed, what the rules cost when the driver calls each back on its own.
        var rules = ClovaRules.CreateHosts();
        var separateRules = ClovaRules.CreateAll().CastArray<DiagnosticAnalyzer>();
        var separateMs = Scopes.ToDictionary(s => s, _ => new List<double>());
        var hasEarlier = !earlier.IsDefaultOrEmpty;
        var earlierRatios = Scopes.ToDictionary(s => s, _ => new List<double>());
        var afterOverBefore = Scopes.ToDictionary(s => s, _ => new List<double>());
        var withoutSourceRatios = Scopes.ToDictionary(s => s, _ => new List<double>());
        var withoutSourceMs = Scopes.ToDictionary(s => s, _ => new List<double>());
        var withOverWithout = Scopes.ToDictionary(s => s, _ => new List<double>());
        var floor = ImmutableArray.Create<DiagnosticAnalyzer>(new EmptyOperationAnalyzer());
        var ratios = Scopes.ToDictionary(s => s, _ => new List<double>());
        var ruleTimes = Scopes.ToDictionary(s => s, _ => new Dictionary<string, List<double>>());
        var noneRatios = new List<double>();
        var floorRatios = new List<double>();
        var analyzerMs = Scopes.ToDictionary(s => s, _ => new List<double>());
        var buildMs = Scopes.ToDictionary(s => s, _ => new List<double>());
        var compilerMs = new List<double>();

        Console.WriteLine($"[{subject}] {fileCount} files; {warmUpRuns} warm-up run(s), then {runs} measured runs, each: GetDiagnostics(), all rules per scope, every rule none, the floor");
        for (var run = 0; run < warmUpRuns + runs; run++)
        {
            var warmUp = run < warmUpRuns;
            var compilation = compile();
            var watch = Stopwatch.StartNew();
            var compilerDiagnostics = compilation.GetDiagnostics();
            var compilerTime = watch.Elapsed.TotalMilliseconds;
            var errors = compilerDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            var line = $"[{subject}, run {run}{(warmUp ? ", warm-up" : "")}] GetDiagnostics {compilerTime:F0} ms ({errors.Count} errors)";

            var byRule = "  by rule, ms";
            foreach (var scope in Scopes)
            {
                // The earlier build, when given, right before or right after this one (alternating run by run), on the same compilation.
                double? before = null;
                if (hasEarlier && run % 2 == 0)
                {
                    before = Analyze(compilation, earlier, SyntheticProject.AnalyzerOptions(scope)).Times.Values.Sum();
                }

                // The spec one source's entries are left out of, when given: the same hosts right before or right after the
                // default spec's analysis (alternating run by run, as the earlier build), on the same compilation.
                (Dictionary<string, double> Times, string Found, double Wall, double Pause)? without = null;
                if (withoutSource is not null && run % 2 == 1)
                {
                    without = Analyze(compilation, rules, withoutSource.Options(scope));
                }

                var (hostTimes, found, wall, pause) = Analyze(compilation, rules, SyntheticProject.AnalyzerOptions(scope));
                var total = hostTimes.Values.Sum();
                if (withoutSource is not null && run % 2 == 0)
                {
                    without = Analyze(compilation, rules, withoutSource.Options(scope));
                }

                if (without is { } withoutResult)
                {
                    var withoutTotal = withoutResult.Times.Values.Sum();
                    line += $"; {scope} without '{withoutSource!.Source}': {withoutTotal:F1} ms = {withoutTotal / compilerTime:P2} ({withoutResult.Found})";
                    if (!warmUp)
                    {
                        withoutSourceRatios[scope].Add(withoutTotal / compilerTime);
                        withoutSourceMs[scope].Add(withoutTotal);
                        withOverWithout[scope].Add(total / withoutTotal);
                    }
                }

                var times = Analyze(compilation, separateRules, SyntheticProject.AnalyzerOptions(scope)).Times;
                if (hasEarlier && run % 2 == 1)
                {
                    before = Analyze(compilation, earlier, SyntheticProject.AnalyzerOptions(scope)).Times.Values.Sum();
                }

                if (before is { } earlierTotal)
                {
                    line += $"; {scope} earlier build: {earlierTotal:F1} ms = {earlierTotal / compilerTime:P2}";
                    if (!warmUp)
                    {
                        earlierRatios[scope].Add(earlierTotal / compilerTime);
                        afterOverBefore[scope].Add(total / earlierTotal);
                    }
                }

                line += $"; {scope}: {total:F1} ms = {total / compilerTime:P2} ({wall:F0} ms wall, {pause:F0} ms GC pauses; {found}); each rule alone {times.Values.Sum():F1} ms";
                byRule += $"; {scope}: {string.Join(", ", times.OrderByDescending(t => t.Value).Select(t => $"{t.Key} {t.Value:F1}"))}";
                if (!warmUp)
                {
                    ratios[scope].Add(total / compilerTime);
                    analyzerMs[scope].Add(total);
                    var build = hostTimes.Where(h => h.Key != nameof(ClovaCodegen.Analyzers.Hosts.InfoRuleHost)).Sum(h => h.Value);
                    buildMs[scope].Add(build);
                    separateMs[scope].Add(times.Values.Sum());
                    foreach (var (id, time) in times)
                    {
                        (ruleTimes[scope].TryGetValue(id, out var list) ? list : ruleTimes[scope][id] = new List<double>()).Add(time);
                    }
                }
            }

            // Every rule none, as a ruleset or NoWarn would set it: the compiler does not run the rules at all.
            var allNone = compilation.WithOptions(compilation.Options.WithSpecificDiagnosticOptions(
                compilation.Options.SpecificDiagnosticOptions.SetItems(rules.SelectMany(r => r.SupportedDiagnostics).ToDictionary(d => d.Id, _ => ReportDiagnostic.Suppress))));
            var none = Analyze(allNone, rules, SyntheticProject.AnalyzerOptions("project")).Times.Values.Sum();
            var floorTime = Analyze(compilation, floor, SyntheticProject.AnalyzerOptions("project")).Times.Values.Sum();
            line += $"; every rule none: {none:F1} ms; floor: {floorTime:F1} ms";
            Console.WriteLine(line);
            Console.WriteLine(byRule);
            if (errors.Count > 0 && run == 0)
            {
                Console.WriteLine($"  compiler errors: {errors.Count} (first: {errors[0]}); the rules still run on what binds");
            }

            if (!warmUp)
            {
                compilerMs.Add(compilerTime);
                noneRatios.Add(none / compilerTime);
                floorRatios.Add(floorTime / compilerTime);
            }
        }

        Console.WriteLine($"[{subject}] analyzers' callbacks / GetDiagnostics(), {runs} interleaved runs (target 3 %); GetDiagnostics {compilerMs.Min():F0}-{compilerMs.Max():F0} ms:");
        foreach (var scope in Scopes)
        {
            Console.WriteLine($"  scope={scope,-8} {Summary(ratios[scope])}; fastest analysis / fastest GetDiagnostics {analyzerMs[scope].Min() / compilerMs.Min():P2}; analyzers {analyzerMs[scope].Min():F0}-{analyzerMs[scope].Max():F0} ms (each rule an analyzer of its own, summed: {separateMs[scope].Min():F0}-{separateMs[scope].Max():F0} ms)");
        }

        // What a command-line build (dotnet build) runs: the compiler does not run an analyzer whose diagnostics are all Info,
        // so InfoRuleHost (CLOVA008) costs it nothing unless a severity setting raises that rule. The figures above are what
        // the IDE, which shows Info, runs. (Its ratios come from the times: compilerMs holds the same measured runs, in order.)
        foreach (var scope in Scopes)
        {
            Console.WriteLine($"  scope={scope,-8} as dotnet build runs them (without {nameof(ClovaCodegen.Analyzers.Hosts.InfoRuleHost)}) {Summary(buildMs[scope].Select((ms, run) => ms / compilerMs[run]).ToList())}; fastest / fastest {buildMs[scope].Min() / compilerMs.Min():P2}");
        }

        if (hasEarlier)
        {
            foreach (var scope in Scopes)
            {
                Console.WriteLine($"  scope={scope,-8} earlier build {Summary(earlierRatios[scope])}; this build / earlier build, run by run: best {afterOverBefore[scope].Min():F2}, median {Median(afterOverBefore[scope]):F2}, spread {afterOverBefore[scope].Min():F2}-{afterOverBefore[scope].Max():F2}");
            }
        }

        if (withoutSource is not null)
        {
            foreach (var scope in Scopes)
            {
                Console.WriteLine($"  scope={scope,-8} spec without '{withoutSource.Source}' ({withoutSource.Removed} entries left out) {Summary(withoutSourceRatios[scope])}; fastest / fastest {withoutSourceMs[scope].Min() / compilerMs.Min():P2}; default spec / without them, run by run: best {withOverWithout[scope].Min():F2}, median {Median(withOverWithout[scope]):F2}, spread {withOverWithout[scope].Min():F2}-{withOverWithout[scope].Max():F2}");
            }
        }

        Console.WriteLine($"  every rule none {Summary(noneRatios)}");
        Console.WriteLine($"  floor analyzer  {Summary(floorRatios)}");
        foreach (var scope in Scopes)
        {
            var slowest = ruleTimes[scope].Select(r => (Id: r.Key, Best: r.Value.Min(), Median: Median(r.Value))).OrderByDescending(r => r.Best);
            Console.WriteLine($"  rules by cost (each an analyzer of its own), scope={scope}, best (median) ms: {string.Join(", ", slowest.Select(r => $"{r.Id} {r.Best:F1} ({r.Median:F1})"))}");
        }
    }

    private static string Summary(List<double> ratios) =>
        $"best {ratios.Min():P2}, median {Median(ratios):P2}, spread {ratios.Min():P2}-{ratios.Max():P2}";

    private static double Median(List<double> values)
    {
        var sorted = values.OrderBy(v => v).ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    /// <summary>
    /// One analysis, one thread (so each callback's time is its own), with the telemetry on. The telemetry is wall-clock
    /// time around each callback: a callback whose thread is descheduled (the usual cause of a slow run on a busy 2-core
    /// machine) or paused by a collection is charged for it, so the analysis's wall time and GC pauses are returned too.
    /// </summary>
    private static (Dictionary<string, double> Times, string Found, double Wall, double Pause) Analyze(Compilation compilation, ImmutableArray<DiagnosticAnalyzer> analyzers, AnalyzerOptions options)
    {
        var withAnalyzers = compilation.WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(options, null, concurrentAnalysis: false, logAnalyzerExecutionTime: true));
        var pauseBefore = GC.GetTotalPauseDuration();
        var watch = Stopwatch.StartNew();
        var result = withAnalyzers.GetAnalysisResultAsync(CancellationToken.None).GetAwaiter().GetResult();
        var wall = watch.Elapsed.TotalMilliseconds;
        var pause = (GC.GetTotalPauseDuration() - pauseBefore).TotalMilliseconds;

        // A suppressed analyzer never runs, and has no telemetry.
        var times = analyzers.ToDictionary(
            a => a is ClovaCodegen.Analyzers.Infrastructure.ClovaRuleHost ? a.GetType().Name : a.SupportedDiagnostics[0].Id,
            a => result.AnalyzerTelemetryInfo.TryGetValue(a, out var info) ? info.ExecutionTime.TotalMilliseconds : 0);
        var found = string.Join(" ", result.GetAllDiagnostics().Where(d => d.Id.StartsWith("CLOVA", StringComparison.Ordinal)).GroupBy(d => d.Id).OrderBy(g => g.Key).Select(g => $"{g.Key}x{g.Count()}"));
        return (times, found.Length == 0 ? "nothing reported" : found, wall, pause);
    }
}
