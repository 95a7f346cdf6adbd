using System;
using System.Linq;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace ClovaCodegen.Generator.Benchmarks;

/// <summary>
/// The ClovaCodegen generator against the System.Text.Json source generator (baseline, from the SDK's reference pack) on
/// the same 500-file consumer compilation, where STJ generates for hand-written DTOs equivalent to our request types.
/// Cold: a new driver on a fresh clone of the compilation. Re-run: the driver run once, then again after an unrelated edit.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 8)]
public class GeneratorCost
{
    private CSharpCompilation _compilation = null!;
    private CSharpCompilation _edited = null!;
    private ISourceGenerator _clova = null!;
    private ISourceGenerator _stj = null!;
    private GeneratorDriver _clovaWarm = null!;
    private GeneratorDriver _stjWarm = null!;

    [GlobalSetup]
    public void Setup()
    {
        (_compilation, _edited) = ConsumerCompilation.Create();

        _clova = new ClovaRequestGenerator().AsSourceGenerator();
        _stj = StjGenerator.Load();

        _clovaWarm = Driver(_clova).RunGenerators(_compilation);
        _stjWarm = Driver(_stj).RunGenerators(_compilation);
        Console.WriteLine($"// outputs: ClovaCodegen {Count(_clovaWarm)} files, STJ {Count(_stjWarm)} files");
    }

    [Benchmark(Baseline = true, Description = "STJ generator, cold")]
    public GeneratorDriver StjCold() => Driver(_stj).RunGenerators(_compilation.Clone());

    [Benchmark(Description = "ClovaCodegen generator, cold")]
    public GeneratorDriver ClovaCold() => Driver(_clova).RunGenerators(_compilation.Clone());

    [Benchmark(Description = "STJ generator, re-run after unrelated edit")]
    public GeneratorDriver StjRerun() => _stjWarm.RunGenerators(_edited.Clone());

    [Benchmark(Description = "ClovaCodegen generator, re-run after unrelated edit")]
    public GeneratorDriver ClovaRerun() => _clovaWarm.RunGenerators(_edited.Clone());

    /// <summary>A new driver for one generator, as every benchmark here runs it.</summary>
    internal static GeneratorDriver Driver(ISourceGenerator generator) =>
        CSharpGeneratorDriver.Create(new[] { generator }, parseOptions: new CSharpParseOptions(LanguageVersion.Latest),
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: false));

    internal static int Count(GeneratorDriver driver) => driver.GetRunResult().Results.Sum(r => r.GeneratedSources.Length);
}
