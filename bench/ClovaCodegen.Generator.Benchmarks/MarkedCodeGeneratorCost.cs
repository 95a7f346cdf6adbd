using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace ClovaCodegen.Generator.Benchmarks;

/// <summary>
/// Issue 20's generator-cost shape: our generator on code the user marks (structured-output types, tool methods) against
/// System.Text.Json's source generator (baseline) on the same types in one compilation, cold (a new driver on a fresh
/// clone). Our generator also writes the request types from the spec whatever is marked; "unmarked" runs it on the same
/// compilation without the attribute, so the marked step's own cost is the difference of the two.
/// </summary>
[MemoryDiagnoser]
[MinColumn, MedianColumn, MaxColumn]
public abstract class MarkedCodeGeneratorCost
{
    private CSharpCompilation _marked = null!;
    private CSharpCompilation _unmarked = null!;
    private ISourceGenerator _clova = null!;
    private ISourceGenerator _stj = null!;

    [GlobalSetup]
    public void Setup()
    {
        _marked = Create(marked: true);
        _unmarked = Create(marked: false);
        _clova = new ClovaRequestGenerator().AsSourceGenerator();
        _stj = StjGenerator.Load();

        // Both generators' output together must compile: what is measured is real code, not a generator's early exit.
        CSharpGeneratorDriver.Create(_clova, _stj).RunGeneratorsAndUpdateCompilation(_marked.Clone(), out var output, out var diagnostics);
        if (diagnostics.Concat(output.GetDiagnostics()).FirstOrDefault(d => d.Severity == DiagnosticSeverity.Error) is { } error)
        {
            throw new InvalidOperationException($"{GetType().Name}: the consumer does not compile with the generators' output: {error}");
        }

        Console.WriteLine($"// outputs: ClovaCodegen {GeneratorCost.Count(ClovaMarked())} files (unmarked: {GeneratorCost.Count(ClovaUnmarked())}), STJ {GeneratorCost.Count(Stj())} files");
    }

    [Benchmark(Baseline = true, Description = "STJ generator, cold")]
    public GeneratorDriver Stj() => GeneratorCost.Driver(_stj).RunGenerators(_marked.Clone());

    [Benchmark(Description = "ClovaCodegen generator, marked, cold")]
    public GeneratorDriver ClovaMarked() => GeneratorCost.Driver(_clova).RunGenerators(_marked.Clone());

    [Benchmark(Description = "ClovaCodegen generator, unmarked, cold")]
    public GeneratorDriver ClovaUnmarked() => GeneratorCost.Driver(_clova).RunGenerators(_unmarked.Clone());

    /// <summary>The consumer compilation, with the attribute on what the step under test generates for, or without it.</summary>
    protected abstract CSharpCompilation Create(bool marked);

    /// <summary>The framework's own assemblies, from the running runtime.</summary>
    protected static IEnumerable<MetadataReference> FrameworkReferences() =>
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p) == "netstandard.dll")
            .Select(p => MetadataReference.CreateFromFile(p));

    protected static CSharpCompilation Compilation(IEnumerable<SyntaxTree> trees, IEnumerable<MetadataReference> references) =>
        CSharpCompilation.Create("Consumer", trees, references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    protected static SyntaxTree Parse(string text, string path) => CSharpSyntaxTree.ParseText(text, new CSharpParseOptions(LanguageVersion.Latest), path: path);
}
