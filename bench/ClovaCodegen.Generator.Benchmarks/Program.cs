using System;
using BenchmarkDotNet.Running;

if (args.Length > 0 && args[0] == "--interleaved")
{
    // Before and after alternate round by round, so load on a shared machine falls on both alike (GeneratorBeforeAfter).
    ClovaCodegen.Generator.Benchmarks.InterleavedBeforeAfter.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 7);
    return;
}

if (args.Length > 0 && args[0] == "--interleaved-structured")
{
    // Issue 20: the structured-output step against STJ's generator on the same 100 types, interleaved (Interleaved.cs).
    var cost = new ClovaCodegen.Generator.Benchmarks.StructuredOutputGeneratorCost();
    cost.Setup();
    ClovaCodegen.Benchmarks.Interleaved.Run("Generator cost, 100 types, cold", args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 7, 3, new (string, Func<object?>)[]
    {
        ("STJ generator", cost.Stj),
        ("ClovaCodegen generator", cost.ClovaMarked),
        ("ClovaCodegen generator, no marked types", cost.ClovaUnmarked),
    });
    return;
}

if (args.Length > 0 && args[0] == "--interleaved-tools")
{
    // Issue 20: the tool step (100 [ClovaTool] methods) against STJ's generator on the same argument types, interleaved.
    var cost = new ClovaCodegen.Generator.Benchmarks.ToolGeneratorCost();
    cost.Setup();
    ClovaCodegen.Benchmarks.Interleaved.Run("Generator cost, 100 tool methods, cold", args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 7, 3, new (string, Func<object?>)[]
    {
        ("STJ generator", cost.Stj),
        ("ClovaCodegen generator", cost.ClovaMarked),
        ("ClovaCodegen generator, no tools", cost.ClovaUnmarked),
    });
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(ClovaCodegen.Generator.Benchmarks.GeneratorCost).Assembly).Run(args);
