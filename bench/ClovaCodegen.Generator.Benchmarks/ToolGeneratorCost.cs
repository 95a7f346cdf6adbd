using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace ClovaCodegen.Generator.Benchmarks;

/// <summary>
/// Issue 20: the tool step against System.Text.Json's source generator on the same types: 100 <c>[ClovaTool]</c> methods,
/// each taking a string, an int, a nullable double, an enum and a list of a nested record, and for STJ one
/// <c>[JsonSerializable]</c> record per method with those members (what a reflection-free MEAI or SK tool would need
/// serializer metadata for). The consumer references ClovaCodegen.Runtime, as a real one does.
/// </summary>
public class ToolGeneratorCost : MarkedCodeGeneratorCost
{
    private const int MethodCount = 100;

    protected override CSharpCompilation Create(bool marked)
    {
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

        return Compilation(new[] { Parse(source, "Tools.cs") }, FrameworkReferences().Append(MetadataReference.CreateFromFile(typeof(ClovaCodegen.ClovaTool).Assembly.Location)));
    }
}
