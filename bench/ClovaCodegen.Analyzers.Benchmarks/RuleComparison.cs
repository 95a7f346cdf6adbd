using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Linq;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ClovaCodegen.Analyzers.Benchmarks;

/// <summary>
/// <c>--rules-compare SCOPE N FOLDER [all] [CLOVA00N ...]</c>: the rules' callbacks called directly (<see cref="RuleCallbacks"/>)
/// for this build and an earlier one (<see cref="EarlierBuild"/>), all nine together and then each rule named alone, pass
/// after pass in the same process, the two builds' order alternating. Each measurement gets a compilation of its own, so
/// nothing a build remembers per compilation carries over (the binding is done before the clock starts). Prints, per
/// selection, each build's best and median CPU time (the process's: one thread runs the rules, the collector's threads add theirs) and its allocations, and the this/earlier ratio run by run.
/// </summary>
internal static class RuleComparison
{
    public static void Run(string scope, int passes, string earlierFolder, IReadOnlyList<string> only)
    {
        var builds = new (string Name, ImmutableArray<DiagnosticAnalyzer> Rules)[]
        {
            ("this", ClovaRules.CreateAll().CastArray<DiagnosticAnalyzer>()),
            ("earlier", EarlierBuild.Rules(earlierFolder)),
        };
        // No rule named: all nine together; "all" among rules named: all nine as well as each named one.
        var selections = new List<string?>();
        if (only.Count == 0 || only.Contains("all"))
        {
            selections.Add(null);
        }

        selections.AddRange(only.Where(o => o != "all"));
        var results = new Dictionary<(string Build, string Selection), List<(double Ms, double Kb, int Reported)>>();
        for (var pass = 0; pass < passes; pass++)
        {
            foreach (var selection in selections)
            {
                var order = pass % 2 == 0 ? builds : builds.Reverse().ToArray();
                foreach (var (name, rules) in order)
                {
                    var chosen = rules.Where(r => selection is null || r.SupportedDiagnostics[0].Id == selection);
                    var callbacks = new RuleCallbacks(SyntheticProject.Compilation(), chosen, SyntheticProject.AnalyzerOptions(scope));
                    GC.Collect();
                    GC.WaitForPendingFinalizers();
                    var allocated = GC.GetAllocatedBytesForCurrentThread();
                    var cpu = Environment.CpuUsage.TotalTime;
                    var watch = Stopwatch.StartNew();
                    var reported = callbacks.Run();
                    var wall = watch.Elapsed.TotalMilliseconds;
                    // CPU time, not wall time: on a loaded machine the wall clock mostly counts waiting for a core.
                    var ms = (Environment.CpuUsage.TotalTime - cpu).TotalMilliseconds;
                    var kb = (GC.GetAllocatedBytesForCurrentThread() - allocated) / 1024.0;
                    var key = (name, selection ?? "all");
                    if (!results.TryGetValue(key, out var list))
                    {
                        results[key] = list = new();
                    }

                    list.Add((ms, kb, reported));
                    Console.WriteLine($"pass {pass} {key.Item2,-8} {name,-7} {ms,8:F1} ms CPU ({wall:F1} wall) {kb,8:F0} KB {reported} reported");
                }
            }
        }

        Console.WriteLine($"scope {scope}, {passes} passes (warm-up pass 0 left out); uptime load: {Load()}");
        foreach (var selection in selections.Select(s => s ?? "all"))
        {
            var mine = results[("this", selection)].Skip(1).ToList();
            var theirs = results[("earlier", selection)].Skip(1).ToList();
            var ratios = mine.Zip(theirs, (a, b) => a.Ms / b.Ms).OrderBy(r => r).ToList();
            Console.WriteLine(
                $"{selection,-8} this best {mine.Min(r => r.Ms),7:F1} ms median {Median(mine.Select(r => r.Ms)),7:F1}, {mine.Average(r => r.Kb),7:F0} KB | " +
                $"earlier best {theirs.Min(r => r.Ms),7:F1} ms median {Median(theirs.Select(r => r.Ms)),7:F1}, {theirs.Average(r => r.Kb),7:F0} KB | " +
                $"this/earlier best {mine.Min(r => r.Ms) / theirs.Min(r => r.Ms):F2}, run by run median {Median(ratios):F2} ({ratios.First():F2}-{ratios.Last():F2}) | reported {mine[0].Reported}/{theirs[0].Reported}");
        }
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.OrderBy(v => v).ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static string Load()
    {
        try
        {
            return System.IO.File.ReadAllText("/proc/loadavg").Trim();
        }
        catch (System.IO.IOException)
        {
            return "?";
        }
    }
}
