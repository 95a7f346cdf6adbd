using System;
using System.Collections;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ClovaCodegen.Analyzers.Benchmarks;

/// <summary>
/// An earlier build of the rules (<c>--earlier FOLDER</c> with its ClovaCodegen.Analyzers.dll and ClovaCodegen.Spec.dll),
/// loaded beside this one so that before and after are measured in the same process, run after run: on a shared machine,
/// two processes minutes apart can differ by more than any change does.
/// </summary>
public static class EarlierBuild
{
    /// <summary>What the compiler loads of the earlier build: its hosts, or, in a build from before them, its rules one analyzer each.</summary>
    public static ImmutableArray<DiagnosticAnalyzer> Hosts(string folder) => Create(folder, "CreateHosts", "CreateAll");

    /// <summary>The earlier build's rules, each an analyzer of its own (for direct calls rule by rule).</summary>
    public static ImmutableArray<DiagnosticAnalyzer> Rules(string folder) => Create(folder, "CreateAll");

    private static ImmutableArray<DiagnosticAnalyzer> Create(string folder, params string[] factories)
    {
        var path = Path.Combine(Path.GetFullPath(folder), "ClovaCodegen.Analyzers.dll");
        if (!File.Exists(path))
        {
            throw new ArgumentException($"--earlier: no ClovaCodegen.Analyzers.dll in {folder}");
        }

        var assembly = new Context(Path.GetDirectoryName(path)!).LoadFromAssemblyPath(path);
        var rules = assembly.GetType("ClovaCodegen.Analyzers.ClovaRules", throwOnError: true)!;
        var create = factories.Select(rules.GetMethod).First(method => method is not null)!;
        return ((IEnumerable)create.Invoke(null, null)!).Cast<DiagnosticAnalyzer>().ToImmutableArray();
    }

    /// <summary>The earlier build's own assemblies; Roslyn and the framework come from the default context (one set of types).</summary>
    private sealed class Context(string folder) : AssemblyLoadContext("ClovaCodegen.Analyzers, earlier build")
    {
        protected override Assembly? Load(AssemblyName name)
        {
            var path = Path.Combine(folder, name.Name + ".dll");
            return name.Name!.StartsWith("ClovaCodegen.", StringComparison.Ordinal) && File.Exists(path) ? LoadFromAssemblyPath(path) : null;
        }
    }
}
