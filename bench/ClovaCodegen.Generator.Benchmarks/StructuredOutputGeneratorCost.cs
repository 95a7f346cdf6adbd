using System;
using System.IO;
using System.Linq;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace ClovaCodegen.Generator.Benchmarks;

/// <summary>
/// Issue 20: the structured-output step against System.Text.Json's source generator (baseline) on the same 100 types
/// (each a record with a string, an int, a nullable double, an enum and a list of a nested record), every one both
/// <c>[ClovaStructuredOutput]</c> and <c>[JsonSerializable]</c> in one compilation, cold (a new driver on a fresh clone).
/// Our generator also writes the request types from the spec whatever the types; "no marked types" runs it on the same
/// compilation without the attribute, so the structured-output step's own cost is the difference of the two.
/// </summary>
[MemoryDiagnoser]
[MinColumn, MedianColumn, MaxColumn]
public class StructuredOutputGeneratorCost
{
    private const int TypeCount = 100;

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
        Console.WriteLine($"// outputs: ClovaCodegen {GeneratorCost.Count(ClovaMarked())} files (no marked types: {GeneratorCost.Count(ClovaUnmarked())}), STJ {GeneratorCost.Count(Stj())} files");
    }

    [Benchmark(Baseline = true, Description = "STJ generator, 100 [JsonSerializable] types, cold")]
    public GeneratorDriver Stj() => GeneratorCost.Driver(_stj).RunGenerators(_marked.Clone());

    [Benchmark(Description = "ClovaCodegen generator, 100 [ClovaStructuredOutput] types, cold")]
    public GeneratorDriver ClovaMarked() => GeneratorCost.Driver(_clova).RunGenerators(_marked.Clone());

    [Benchmark(Description = "ClovaCodegen generator, no marked types, cold")]
    public GeneratorDriver ClovaUnmarked() => GeneratorCost.Driver(_clova).RunGenerators(_unmarked.Clone());

    private static CSharpCompilation Create(bool marked)
    {
        var parse = new CSharpParseOptions(LanguageVersion.Latest);
        var types = string.Join("\n", Enumerable.Range(0, TypeCount).Select(i => $$"""
                public enum Kind{{i}} { Low, Medium, High }
                public sealed record Item{{i}}(string Label, bool Done);
                {{(marked ? "[ClovaCodegen.ClovaStructuredOutput]" : "")}}
                public sealed record Answer{{i}}([property: System.ComponentModel.Description("What it is called")] string Name, int Count, double? Score, Kind{{i}} Kind, System.Collections.Generic.List<Item{{i}}> Items);
            """));
        var context = string.Join("\n", Enumerable.Range(0, TypeCount).Select(i => $"[System.Text.Json.Serialization.JsonSerializable(typeof(Answer{i}))]"));
        var source = $$"""
            namespace Consumer.Answers
            {
            {{types}}
                [System.Text.Json.Serialization.JsonSourceGenerationOptions(UseStringEnumConverter = true)]
            {{context}}
                public sealed partial class AnswerContext : System.Text.Json.Serialization.JsonSerializerContext { }
            }
            """;

        // The runtime's structured-output types, compiled from their source, so that the generator writes the readers.
        var runtime = Path.Combine(FindRoot(), "runtime", "ClovaCodegen.Runtime", "StructuredOutputs");
        var trees = new[] { "ClovaStructuredOutputAttribute.cs", "ClovaStructuredOutput.cs", "ClovaStructuredOutputException.cs", "ClovaStructuredOutputReading.cs" }
            .Select(f => CSharpSyntaxTree.ParseText(File.ReadAllText(Path.Combine(runtime, f)), parse, path: f))
            .Append(CSharpSyntaxTree.ParseText(source, parse, path: "Answers.cs"));
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p) == "netstandard.dll")
            .Select(p => MetadataReference.CreateFromFile(p));
        return CSharpCompilation.Create("Consumer", trees, references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
    }

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "ClovaCodegen.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Run from inside the repository: the runtime's structured-output sources are read from it.");
    }
}
