using System;
using System.Diagnostics;
using System.Linq;

namespace ClovaCodegen.Generator.Benchmarks;

/// <summary>
/// GeneratorBeforeAfter's four cases, interleaved: each round times every case in turn (a batch of runs each, after a
/// warm-up round), then the ratio after/before is reported per case as best (of the rounds' means), median and spread.
/// Run: CLOVA_GENERATOR_BEFORE=... dotnet run -c Release -- --interleaved [rounds, default 7]
/// </summary>
internal static class InterleavedBeforeAfter
{
    private const int RunsPerBatch = 200;

    public static void Run(int rounds)
    {
        var subject = new GeneratorBeforeAfter();
        subject.Setup();
        var cases = new (string Name, Func<object> Before, Func<object> After)[]
        {
            ("cold", subject.BeforeCold, subject.AfterCold),
            ("re-run after unrelated edit", subject.BeforeRerun, subject.AfterRerun),
        };
        var times = cases.Select(_ => (Before: new double[rounds], After: new double[rounds])).ToArray();
        for (var round = -1; round < rounds; round++)
        {
            for (var c = 0; c < cases.Length; c++)
            {
                var before = Batch(cases[c].Before);
                var after = Batch(cases[c].After);
                if (round >= 0)
                {
                    times[c].Before[round] = before;
                    times[c].After[round] = after;
                }
            }
        }

        Console.WriteLine($"{rounds} interleaved rounds, {RunsPerBatch} runs a batch; microseconds a run (best / median / spread max-min) and after/before");
        for (var c = 0; c < cases.Length; c++)
        {
            var (before, after) = times[c];
            var ratios = before.Zip(after, (b, a) => a / b).OrderBy(r => r).ToArray();
            Console.WriteLine($"{cases[c].Name}: before {Describe(before)}; after {Describe(after)}; ratio best-of-best {after.Min() / before.Min():0.00}, median {Median(ratios):0.00} (per-round {ratios.First():0.00}-{ratios.Last():0.00})");
        }
    }

    private static double Batch(Func<object> run)
    {
        GC.Collect();
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < RunsPerBatch; i++)
        {
            GC.KeepAlive(run());
        }

        return watch.Elapsed.TotalMilliseconds * 1000 / RunsPerBatch;
    }

    private static string Describe(double[] values) => $"{values.Min():0.0} / {Median(values):0.0} / {values.Max() - values.Min():0.0}";

    private static double Median(double[] values)
    {
        var sorted = values.OrderBy(v => v).ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
