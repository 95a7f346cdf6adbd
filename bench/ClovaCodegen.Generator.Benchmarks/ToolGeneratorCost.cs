using System;
using System.Linq;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace ClovaCodegen.Generator.Benchmarks;

/// <summary>
/// Issue 20: the tool step against System.Text.Json's source generator (baseline) on the same types: 100
/// <c>[ClovaTool]</c> methods, each taking a string, an int, a nullable double, an enum and a list of a nested record, and
/// for STJ one <c>[JsonSerializable]</c> record per method with those members (what a reflection-free MEAI or SK tool
/// would need serializer metadata for). Cold: a new driver on a fresh clone. The consumer references ClovaCodegen.Runtime,
/// as a real one does; "no tools" is the same compilation without the attribute, so the tool step's own cost is the
/// difference of the two.
/// </summary>
[MemoryDiagnoser]
[MinColumn, MedianColumn, MaxColumn]
public class ToolGeneratorCost
{
    private const int MethodCount = 100;

    private CSharpCompilation _tools = null!;
    private CSharpCompilation _noTools = null!;
    private ISourceGenerator _clova = null!;
    private ISourceGenerator _stj = null!;

    [GlobalSetup]
    public void Setup()
    {
        _tools = Create(marked: true);
        _noTools = Create(marked: false);
        _clova = new ClovaRequestGenerator().AsSourceGenerator();
        _stj = StjGenerator.Load();
        // Both generators' output together must compile: the tools are real tools, the context a real context.
        CSharpGeneratorDriver.Create(_clova, _stj).RunGeneratorsAndUpdateCompilation(_tools.Clone(), out var output, out var diagnostics);
        if (diagnostics.Concat(output.GetDiagnostics()).FirstOrDefault(d => d.Severity == DiagnosticSeverity.Error) is { } error)
        {
            throw new InvalidOperationException("The tools consumer does not compile with the generator's output: " + error);
        }

        Console.WriteLine($"// outputs: ClovaCodegen {GeneratorCost.Count(ClovaTools())} files (no tools: {GeneratorCost.Count(ClovaNoTools())}), STJ {GeneratorCost.Count(Stj())} files");
    }

    [Benchmark(Baseline = true, Description = "STJ generator, 100 [JsonSerializable] argument records, cold")]
    public GeneratorDriver Stj() => GeneratorCost.Driver(_stj).RunGenerators(_tools.Clone());

    [Benchmark(Description = "ClovaCodegen generator, 100 [ClovaTool] methods, cold")]
    public GeneratorDriver ClovaTools() => GeneratorCost.Driver(_clova).RunGenerators(_tools.Clone());

    [Benchmark(Description = "ClovaCodegen generator, no tools, cold")]
    public GeneratorDriver ClovaNoTools() => GeneratorCost.Driver(_clova).RunGenerators(_noTools.Clone());

    private static CSharpCompilation Create(bool marked)
    {
        var parse = new CSharpParseOptions(LanguageVersion.Latest);
        var methods = string.Join("\n", Enumerable.Range(0, MethodCount).Select(i => $$"""
                    {{(marked ? $"[ClovaCodegen.ClovaTool(\"Tool number {i}\")]" : "")}}
                    public static int Tool{{i}}([System.ComponentModel.Description("What it is called")] string name, int count, double? score, Kind{{i}} kind, List<Item{{i}}> items) => count + items.Count;
            """));
        var types = string.Join("\n", Enumerable.Range(0, MethodCount).Select(i => $$"""
                public enum Kind{{i}} { Low, Medium, High }
                public sealed record Item{{i}}(string Label, bool Done);
                public sealed record Args{{i}}([property: System.ComponentModel.Description("What it is called")] string Name, int Count, double? Score, Kind{{i}} Kind, List<Item{{i}}> Items);
            """));
        var context = string.Join("\n", Enumerable.Range(0, MethodCount).Select(i => $"[System.Text.Json.Serialization.JsonSerializable(typeof(Args{i}))]"));
        var source = $$"""
            using System.Collections.Generic;

            namespace Consumer.Tools
            {
            {{types}}
                public static partial class ShopTools
                {
            {{methods}}
                }

                [System.Text.Json.Serialization.JsonSourceGenerationOptions(UseStringEnumConverter = true)]
            {{context}}
                public sealed partial class ArgsContext : System.Text.Json.Serialization.JsonSerializerContext { }
            }
            """;

        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(System.IO.Path.PathSeparator)
            .Where(p => System.IO.Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || System.IO.Path.GetFileName(p) == "netstandard.dll")
            .Select(p => MetadataReference.CreateFromFile(p))
            .Append(MetadataReference.CreateFromFile(typeof(ClovaCodegen.ClovaTool).Assembly.Location));
        return CSharpCompilation.Create("Consumer", new[] { CSharpSyntaxTree.ParseText(source, parse, path: "Tools.cs") }, references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
    }
}
