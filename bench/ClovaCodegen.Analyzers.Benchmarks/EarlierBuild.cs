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
    public static ImmutableArray<DiagnosticAnalyzer> Rules(string folder)
    {
        var path = Path.Combine(Path.GetFullPath(folder), "ClovaCodegen.Analyzers.dll");
        if (!File.Exists(path))
        {
            throw new ArgumentException($"--earlier: no ClovaCodegen.Analyzers.dll in {folder}");
        }

        var assembly = new Context(Path.GetDirectoryName(path)!).LoadFromAssemblyPath(path);
        var rules = assembly.GetType("ClovaCodegen.Analyzers.ClovaRules", throwOnError: true)!;
        // What the compiler loads: the hosts, in a build that has them (measured against this build's hosts); in an older
        // build, each rule as an analyzer of its own.
        var create = rules.GetMethod("CreateHosts") ?? rules.GetMethod("CreateAll")!;
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
