using System;
using System.Collections.Concurrent;
using System.Diagnostics.Tracing;
using System.Linq;

namespace ClovaCodegen.Analyzers.Benchmarks;

/// <summary>Which types the process allocates (the runtime's allocation sampling, one event per ~100 KB), for --rules-loop.</summary>
internal sealed class AllocationSampler : EventListener
{
    public readonly ConcurrentDictionary<string, long> Bytes = new();
    public volatile bool On;

    protected override void OnEventSourceCreated(EventSource source)
    {
        if (source.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(source, EventLevel.Verbose, (EventKeywords)0x1);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs e)
    {
        if (On && e.EventName is not null && e.EventName.StartsWith("GCAllocationTick", StringComparison.Ordinal) && e.Payload is { } payload)
        {
            var name = payload[e.PayloadNames!.IndexOf("TypeName")] as string ?? "?";
            var amount = Convert.ToInt64(payload[e.PayloadNames.IndexOf("AllocationAmount64")]);
            Bytes.AddOrUpdate(name, amount, (_, v) => v + amount);
        }
    }

    public void Print()
    {
        foreach (var (name, bytes) in Bytes.OrderByDescending(p => p.Value).Take(25))
        {
            var declared = typeof(ClovaRules).Assembly.GetTypes().Where(t => t.Name == name)
                .Select(t => $"{t.DeclaringType?.Name}({string.Join(",", t.GetFields().Select(f => f.Name))})");
            Console.WriteLine($"  {bytes / 1024,8} KB sampled  {name} {string.Join(" | ", declared)}");
        }
    }
}
