using System;
using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;

namespace ClovaCodegen.Generator.Benchmarks;

/// <summary>System.Text.Json's source generator from the SDK's reference pack (the one a build runs), the baseline.</summary>
internal static class StjGenerator
{
    public static ISourceGenerator Load()
    {
        var packs = Path.Combine(Path.GetDirectoryName(typeof(object).Assembly.Location)!, "..", "..", "..", "packs", "Microsoft.NETCore.App.Ref");
        var stjPath = Directory.GetFiles(packs, "System.Text.Json.SourceGeneration.dll", SearchOption.AllDirectories).OrderByDescending(p => p, StringComparer.Ordinal).First(p => p.Contains(Path.Combine("analyzers", "dotnet", "cs")));
        var stjType = Assembly.LoadFrom(stjPath).GetTypes().Single(t => t.Name == "JsonSourceGenerator");
        return ((IIncrementalGenerator)Activator.CreateInstance(stjType)!).AsSourceGenerator();
    }
}
