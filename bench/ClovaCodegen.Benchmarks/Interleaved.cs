using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;

namespace ClovaCodegen.Benchmarks;

/// <summary>
/// Cases timed in interleaved rounds (each round runs a batch of every case in turn, after one warm-up round), so load on
/// a shared machine falls on all of them alike. Reports per case the time a run (best / median / spread over the rounds),
/// the bytes a run allocates, and the ratio to the baseline (the first case): best against best, and the median and range
/// of the per-round ratios. BenchmarkDotNet runs one benchmark after another, which a busy two-core machine skews.
/// </summary>
internal static class Interleaved
{
    public static void Run(string title, int rounds, int runsPerBatch, IReadOnlyList<(string Name, Func<object?> Run)> cases)
    {
        var times = cases.Select(_ => new double[rounds]).ToArray();
        var bytes = new long[cases.Count];
        for (var round = -1; round < rounds; round++)
        {
            for (var c = 0; c < cases.Count; c++)
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
                var allocated = GC.GetAllocatedBytesForCurrentThread();
                var watch = Stopwatch.StartNew();
                for (var i = 0; i < runsPerBatch; i++)
                {
                    GC.KeepAlive(cases[c].Run());
                }

                watch.Stop();
                if (round >= 0)
                {
                    times[c][round] = watch.Elapsed.TotalMilliseconds * 1000 / runsPerBatch;
                    bytes[c] = (GC.GetAllocatedBytesForCurrentThread() - allocated) / runsPerBatch;
                }
            }
        }

        Console.WriteLine($"{title}: {rounds} interleaved rounds, {runsPerBatch} runs a batch; microseconds a run (best / median / spread min-max), bytes a run; ratio to {cases[0].Name}");
        for (var c = 0; c < cases.Count; c++)
        {
            var sorted = times[c].OrderBy(t => t).ToArray();
            var ratios = times[c].Zip(times[0], (t, b) => t / b).OrderBy(r => r).ToArray();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {cases[c].Name}: {sorted[0]:0.00} / {Median(sorted):0.00} / {sorted[0]:0.00}-{sorted[^1]:0.00} us, {bytes[c]} B; ratio best {sorted[0] / times[0].Min():0.00}, median {Median(ratios):0.00} (per-round {ratios[0]:0.00}-{ratios[^1]:0.00})"));
        }
    }

    private static double Median(double[] sorted) => sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
}
