using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace ClovaCodegen.Generator.Benchmarks;

/// <summary>
/// The generator as built now against a build of an earlier commit, in one run on the same compilation, so a refactoring
/// can show it costs nothing. CLOVA_GENERATOR_BEFORE names the folder of the earlier build (its ClovaCodegen.Generator.dll
/// and ClovaCodegen.Spec.dll), loaded into a load context of its own beside this build's; Roslyn is shared.
/// Run: CLOVA_GENERATOR_BEFORE=/path/bin/Release/netstandard2.0 dotnet run -c Release -- --filter '*BeforeAfter*'
/// </summary>
[MemoryDiagnoser]
[MinColumn, MedianColumn, MaxColumn]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 9)]
public class GeneratorBeforeAfter
{
    public const string BeforeVariable = "CLOVA_GENERATOR_BEFORE";

    private CSharpCompilation _compilation = null!;
    private CSharpCompilation _edited = null!;
    private ISourceGenerator _before = null!;
    private ISourceGenerator _after = null!;
    private GeneratorDriver _beforeWarm = null!;
    private GeneratorDriver _afterWarm = null!;

    [GlobalSetup]
    public void Setup()
    {
        (_compilation, _edited) = ConsumerCompilation.Create();
        var folder = Environment.GetEnvironmentVariable(BeforeVariable);
        if (string.IsNullOrEmpty(folder) || !File.Exists(Path.Combine(folder, "ClovaCodegen.Generator.dll")))
        {
            throw new InvalidOperationException($"{BeforeVariable} must name the folder of an earlier build of ClovaCodegen.Generator.dll.");
        }

        var context = new EarlierBuild(folder);
        var type = context.LoadFromAssemblyPath(Path.Combine(folder, "ClovaCodegen.Generator.dll")).GetType("ClovaCodegen.Generator.ClovaRequestGenerator", throwOnError: true)!;
        _before = ((IIncrementalGenerator)Activator.CreateInstance(type)!).AsSourceGenerator();
        _after = new ClovaRequestGenerator().AsSourceGenerator();
        _beforeWarm = Driver(_before).RunGenerators(_compilation);
        _afterWarm = Driver(_after).RunGenerators(_compilation);
        Console.WriteLine($"// outputs: before {Text(_beforeWarm).Length} chars, after {Text(_afterWarm).Length} chars");
    }

    [BenchmarkCategory("Cold")]
    [Benchmark(Baseline = true, Description = "before, cold")]
    public GeneratorDriver BeforeCold() => Driver(_before).RunGenerators(_compilation.Clone());

    [BenchmarkCategory("Cold")]
    [Benchmark(Description = "after, cold")]
    public GeneratorDriver AfterCold() => Driver(_after).RunGenerators(_compilation.Clone());

    [BenchmarkCategory("Re-run")]
    [Benchmark(Baseline = true, Description = "before, re-run after unrelated edit")]
    public GeneratorDriver BeforeRerun() => _beforeWarm.RunGenerators(_edited.Clone());

    [BenchmarkCategory("Re-run")]
    [Benchmark(Description = "after, re-run after unrelated edit")]
    public GeneratorDriver AfterRerun() => _afterWarm.RunGenerators(_edited.Clone());

    private static GeneratorDriver Driver(ISourceGenerator generator) =>
        CSharpGeneratorDriver.Create(new[] { generator }, parseOptions: new CSharpParseOptions(LanguageVersion.Latest),
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: false));

    private static string Text(GeneratorDriver driver) =>
        string.Concat(driver.GetRunResult().Results.SelectMany(r => r.GeneratedSources).Select(s => s.SourceText.ToString()));

    /// <summary>Loads the earlier build's own assemblies; everything else (Roslyn, the framework) comes from the default context.</summary>
    private sealed class EarlierBuild(string folder) : AssemblyLoadContext("ClovaCodegen.Generator, earlier build")
    {
        protected override Assembly? Load(AssemblyName name)
        {
            var path = Path.Combine(folder, name.Name + ".dll");
            return name.Name!.StartsWith("ClovaCodegen.", StringComparison.Ordinal) && File.Exists(path) ? LoadFromAssemblyPath(path) : null;
        }
    }
}
