using System;
using BenchmarkDotNet.Running;

if (args.Length > 0 && args[0] == "--interleaved")
{
    // Before and after alternate round by round, so load on a shared machine falls on both alike (GeneratorBeforeAfter).
    ClovaCodegen.Generator.Benchmarks.InterleavedBeforeAfter.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 7);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(ClovaCodegen.Generator.Benchmarks.GeneratorCost).Assembly).Run(args);
