using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace ClovaCodegen.Emulator.Load;

/// <summary>
/// Drives the emulator (in this process, on 127.0.0.1 and a free port) with N concurrent connections for a fixed time per
/// round: GET models (the baseline: routing, key check and a small JSON answer), unstreamed chat and streamed chat,
/// interleaved, best of the rounds. Reports req/s (best, median, spread, ratio to the baseline), p50/p99 latency of the
/// best round, errors, and memory: resident memory before (after a warm-up round), at peak and after, each "before" and
/// "after" read after 3 idle seconds and a full GC; and the managed heap retained after a full GC at the end of every
/// round, where a leak would show as a rising line. In-process, so that the heap can be collected before it is read; the
/// load client's share (a connection pool) is constant.
/// Exit code 1 when a target is missed: any error, or resident memory after more than 10 % above before.
/// Options: --connections 50 --seconds 4 --rounds 7.
/// </summary>
internal static class Program
{
    private const string Key = "nv-bench-0000000000000000fake";

    private static readonly Scenario[] Scenarios =
    {
        new("models (baseline)", HttpMethod.Get, "models", null, Streamed: false),
        new("chat", HttpMethod.Post, "chat/completions", """{"model":"HCX-005","messages":[{"role":"system","content":"Be brief."},{"role":"user","content":"안녕하세요 load test, one two three"}],"max_tokens":100,"top_k":20}""", Streamed: false),
        new("chat streamed", HttpMethod.Post, "chat/completions", """{"model":"HCX-005","messages":[{"role":"system","content":"Be brief."},{"role":"user","content":"안녕하세요 load test, one two three"}],"max_tokens":100,"stream":true}""", Streamed: true),
    };

    public static async Task<int> Main(string[] args)
    {
        var connections = Option(args, "--connections", 50);
        var seconds = Option(args, "--seconds", 4);
        var rounds = Option(args, "--rounds", 7);

        await using var emulator = await ClovaStudioEmulator.StartAsync();
        Console.WriteLine($"Emulator on {emulator.BaseUrl}; {connections} connections, {rounds} interleaved rounds of {seconds} s per scenario; {Environment.ProcessorCount} cores, server GC {System.Runtime.GCSettings.IsServerGC}");
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = connections, PooledConnectionLifetime = Timeout.InfiniteTimeSpan, UseProxy = false })
        {
            Timeout = TimeSpan.FromSeconds(30),
        };

        // Warm-up: one full unmeasured round (JIT, connections, buffers), so "before" is an emulator that has served this load.
        foreach (var scenario in Scenarios)
        {
            await RunAsync(http, emulator.BaseUrl, scenario, connections, TimeSpan.FromSeconds(seconds), peak: null);
        }

        var before = await Memory.SettleAndReadAsync();
        var peak = new Memory(0, 0);
        var results = Scenarios.ToDictionary(s => s, _ => new List<RoundResult>());
        var retainedAfterEachRound = new List<long>();
        for (var round = 0; round < rounds; round++)
        {
            foreach (var scenario in Scenarios)
            {
                results[scenario].Add(await RunAsync(http, emulator.BaseUrl, scenario, connections, TimeSpan.FromSeconds(seconds), peak));
            }

            retainedAfterEachRound.Add(Memory.Read().RetainedBytes);
        }

        var after = await Memory.SettleAndReadAsync();
        var baseline = results[Scenarios[0]].Max(r => r.RequestsPerSecond);
        Console.WriteLine();
        Console.WriteLine($"{"scenario",-18} {"best req/s",10} {"median",8} {"spread",15} {"/models",7} {"p50 ms",7} {"p99 ms",7} {"errors",7}");
        var errors = 0L;
        foreach (var scenario in Scenarios)
        {
            var list = results[scenario];
            var sorted = list.Select(r => r.RequestsPerSecond).OrderBy(x => x).ToArray();
            var best = list.MaxBy(r => r.RequestsPerSecond)!;
            errors += list.Sum(r => r.Errors);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{scenario.Name,-18} {best.RequestsPerSecond,10:F0} {sorted[sorted.Length / 2],8:F0} {sorted[0],7:F0}-{sorted[^1],-7:F0} {best.RequestsPerSecond / baseline,7:F2} {best.P50Milliseconds,7:F2} {best.P99Milliseconds,7:F2} {list.Sum(r => r.Errors),7}"));
        }

        var growth = (double)after.ResidentBytes / before.ResidentBytes - 1;
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Resident memory: before {Mb(before.ResidentBytes)} MB, peak {Mb(peak.ResidentBytes)} MB, after {Mb(after.ResidentBytes)} MB ({growth:+0.0%;-0.0%} after against before)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Managed heap: peak in use {Mb(peak.RetainedBytes)} MB; retained after a full GC at the end of each round {string.Join(", ", retainedAfterEachRound.Select(Mb))} MB; settled {Mb(before.RetainedBytes)} MB before, {Mb(after.RetainedBytes)} MB after"));
        var met = errors == 0 && growth <= 0.10;
        Console.WriteLine($"Targets (0 errors, resident memory after within 10 % of before): {(met ? "met" : "MISSED")}");
        return met ? 0 : 1;
    }

    private static async Task<RoundResult> RunAsync(HttpClient http, Uri baseUrl, Scenario scenario, int connections, TimeSpan duration, Memory? peak)
    {
        using var stop = new CancellationTokenSource(duration);
        var latencies = new List<long>[connections];
        var errors = new long[connections];
        var watch = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, connections).Select(worker => Task.Run(async () =>
        {
            var mine = latencies[worker] = new List<long>(64 * 1024);
            while (!stop.IsCancellationRequested)
            {
                var start = Stopwatch.GetTimestamp();
                if (await SendAsync(http, baseUrl, scenario))
                {
                    mine.Add(Stopwatch.GetTimestamp() - start);
                }
                else
                {
                    errors[worker]++;
                }
            }
        })).ToArray();
        var sampling = peak is null ? Task.CompletedTask : peak.SampleUntilAsync(stop.Token);
        await Task.WhenAll(workers);
        watch.Stop();
        await sampling;

        var all = latencies.SelectMany(l => l).OrderBy(x => x).ToArray();
        double Percentile(double p) => all.Length == 0 ? double.NaN : all[Math.Min(all.Length - 1, (int)(p * all.Length))] * 1000.0 / Stopwatch.Frequency;
        return new RoundResult(all.Length / watch.Elapsed.TotalSeconds, Percentile(0.50), Percentile(0.99), errors.Sum());
    }

    /// <summary>One request; true when it succeeded (a 200 and, for a stream, its <c>[DONE]</c>).</summary>
    private static async Task<bool> SendAsync(HttpClient http, Uri baseUrl, Scenario scenario)
    {
        try
        {
            using var request = new HttpRequestMessage(scenario.Method, new Uri(baseUrl, scenario.Path));
            request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + Key);
            if (scenario.Body is not null)
            {
                request.Content = new StringContent(scenario.Body, Encoding.UTF8, "application/json");
            }

            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
            var text = await response.Content.ReadAsStringAsync();
            return response.StatusCode == HttpStatusCode.OK && (!scenario.Streamed || text.EndsWith("data: [DONE]\n\n", StringComparison.Ordinal));
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or TaskCanceledException)
        {
            return false;
        }
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
    }

    private static string Mb(long bytes) => (bytes / 1048576.0).ToString("F1", CultureInfo.InvariantCulture);

    private sealed record Scenario(string Name, HttpMethod Method, string Path, string? Body, bool Streamed);

    private sealed record RoundResult(double RequestsPerSecond, double P50Milliseconds, double P99Milliseconds, long Errors);

    /// <summary>Managed bytes (retained after a full GC when read with <see cref="Read"/>; in use when sampled) and resident bytes.</summary>
    private sealed class Memory(long retainedBytes, long residentBytes)
    {
        public long RetainedBytes { get; private set; } = retainedBytes;

        public long ResidentBytes { get; private set; } = residentBytes;

        public static Memory Read() => new(GC.GetTotalMemory(forceFullCollection: true), Environment.WorkingSet);

        /// <summary>
        /// Reads after 3 idle seconds: Kestrel's pinned buffer pool sizes itself to the last burst and returns what it no
        /// longer uses on a timer; read at once, "after" would hold the last round's burst (about 25 MB at 50 connections).
        /// </summary>
        public static async Task<Memory> SettleAndReadAsync()
        {
            await Task.Delay(TimeSpan.FromSeconds(3));
            return Read();
        }

        /// <summary>Every 50 ms until the round ends, keeps the highest heap in use and resident memory.</summary>
        public async Task SampleUntilAsync(CancellationToken stop)
        {
            while (!stop.IsCancellationRequested)
            {
                RetainedBytes = Math.Max(RetainedBytes, GC.GetTotalMemory(forceFullCollection: false));
                ResidentBytes = Math.Max(ResidentBytes, Environment.WorkingSet);
                try
                {
                    await Task.Delay(50, stop);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        }
    }
}
