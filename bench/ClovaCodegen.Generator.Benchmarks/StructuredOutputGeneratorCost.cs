using System;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis.CSharp;

namespace ClovaCodegen.Generator.Benchmarks;

/// <summary>
/// Issue 20: the structured-output step against System.Text.Json's source generator on the same 100 types (each a record
/// with a string, an int, a nullable double, an enum and a list of a nested record), every one both
/// <c>[ClovaStructuredOutput]</c> and <c>[JsonSerializable]</c> in one compilation.
/// </summary>
public class StructuredOutputGeneratorCost : MarkedCodeGeneratorCost
{
    private const int TypeCount = 100;

    protected override CSharpCompilation Create(bool marked)
    {
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
            .Select(f => Parse(File.ReadAllText(Path.Combine(runtime, f)), f))
            .Append(Parse(source, "Answers.cs"));
        return Compilation(trees, FrameworkReferences());
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
