using System;
using System.Collections.Generic;

namespace ClovaCodegen.Emulator;

/// <summary>Draws, per request, which of <see cref="EmulatorOptions.Faults"/> (if any) applies: the first rule whose draw hits.</summary>
internal sealed class FaultInjector
{
    private readonly EmulatorOptions _options;
    private readonly Random? _seeded;

    public FaultInjector(EmulatorOptions options)
    {
        _options = options;
        _seeded = options.FaultSeed is { } seed ? new Random(seed) : null;
    }

    public FaultRule? Draw()
    {
        List<FaultRule> rules = _options.Faults;
        for (var i = 0; i < rules.Count; i++)
        {
            var rule = rules[i];
            if (rule.Probability > 0 && NextDouble() < rule.Probability)
            {
                return rule;
            }
        }

        return null;
    }

    private double NextDouble()
    {
        if (_seeded is null)
        {
            return Random.Shared.NextDouble();
        }

        // A seeded Random is not thread-safe; requests arrive concurrently. The lock keeps the sequence, not the order
        // in which concurrent requests take from it.
        lock (_seeded)
        {
            return _seeded.NextDouble();
        }
    }
}
