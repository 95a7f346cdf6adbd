using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ClovaCodegen.Analyzers.Benchmarks;

/// <summary>
/// A large public codebase that uses the OpenAI SDK and Microsoft.Extensions.AI, compiled here from a checkout of its
/// sources with reference assemblies from the NuGet packages this benchmark references. Nothing of it is in this
/// repository: pass <c>--codebase NAME=PATH</c> (or set <c>CLOVA_BENCH_CODEBASES="NAME=PATH;NAME=PATH"</c>) with PATH a
/// checkout of the public repository the layout names (see <see cref="Layouts"/>; docs/rules/README.md "Cost" says how
/// to get one and at which commit the figures there were measured).
/// </summary>
public sealed class PublicCodebase
{
    /// <summary>What to compile from each known checkout: folders of sources, and the assemblies those sources are.</summary>
    public static readonly IReadOnlyDictionary<string, Layout> Layouts = new Dictionary<string, Layout>(StringComparer.OrdinalIgnoreCase)
    {
        // The OpenAI .NET SDK's own library (repository openai/openai-dotnet): the SDK's types used from the inside,
        // including its convenience methods, protocol overloads and the options types the rules bind to.
        ["openai-dotnet"] = new(
            new[] { "OpenAI/src", "OpenAI.Responses/src/Custom", "OpenAI.Responses/src/Generated" },
            OwnAssemblies: new[] { "OpenAI" },
            NoWarn: Numbered("OPENAI", 3, 1, 10).Concat(Numbered("SCME", 4, 1, 10))),

        // Semantic Kernel's core and its OpenAI connector (repository microsoft/semantic-kernel): user-side code of the
        // OpenAI SDK (ChatClient, EmbeddingClient, options) and of Microsoft.Extensions.AI (IChatClient, ChatOptions).
        ["semantic-kernel"] = new(
            new[]
            {
                "dotnet/src/SemanticKernel.Abstractions", "dotnet/src/SemanticKernel.Core", "dotnet/src/Connectors/Connectors.OpenAI",
                "dotnet/src/InternalUtilities/src", "dotnet/src/InternalUtilities/openai", "dotnet/src/InternalUtilities/meai",
                "dotnet/src/InternalUtilities/connectors/AI",
            },
            OwnAssemblies: new[] { "Microsoft.SemanticKernel" },
            NoWarn: Numbered("SKEXP", 4, 1, 130).Concat(Numbered("OPENAI", 3, 1, 10)).Concat(Numbered("MEAI", 3, 1, 10)).Concat(Numbered("SCME", 4, 1, 10))),
    };

    private readonly ImmutableArray<SyntaxTree> _trees;
    private readonly ImmutableArray<MetadataReference> _references;
    private readonly CSharpCompilationOptions _options;

    private PublicCodebase(string name, ImmutableArray<SyntaxTree> trees, ImmutableArray<MetadataReference> references, CSharpCompilationOptions options)
    {
        Name = name;
        _trees = trees;
        _references = references;
        _options = options;
    }

    public string Name { get; }

    public int FileCount => _trees.Length;

    /// <summary>A fresh compilation (no cached binding) over the same parsed trees.</summary>
    public CSharpCompilation Compilation() => CSharpCompilation.Create(Name, _trees, _references, _options);

    /// <summary>The codebases named on the command line (<c>--codebase NAME=PATH</c>) or in CLOVA_BENCH_CODEBASES; the other arguments.</summary>
    public static (List<PublicCodebase> Codebases, string[] Others) FromArguments(string[] args)
    {
        var named = new List<string>();
        var rest = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--codebase" && i + 1 < args.Length)
            {
                named.Add(args[++i]);
            }
            else
            {
                rest.Add(args[i]);
            }
        }

        named.AddRange((Environment.GetEnvironmentVariable("CLOVA_BENCH_CODEBASES") ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return (named.Select(Load).ToList(), rest.ToArray());
    }

    private static PublicCodebase Load(string nameEqualsPath)
    {
        var parts = nameEqualsPath.Split('=', 2);
        if (parts.Length != 2 || !Layouts.TryGetValue(parts[0], out var layout))
        {
            throw new ArgumentException($"--codebase wants NAME=PATH with NAME one of {string.Join(", ", Layouts.Keys)}; got '{nameEqualsPath}'");
        }

        var root = Path.GetFullPath(parts[1]);
        var files = layout.SourceFolders
            .Select(folder => Path.Combine(root, folder))
            .Where(Directory.Exists)
            .SelectMany(folder => Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories))
            .Where(file => !file.Split(Path.DirectorySeparatorChar).Any(segment => segment is "bin" or "obj"))
            .Distinct()
            .OrderBy(file => file, StringComparer.Ordinal)
            .ToList();
        if (files.Count == 0)
        {
            throw new ArgumentException($"{parts[0]}: no .cs files under {string.Join(", ", layout.SourceFolders)} in {root}; is it a checkout of the repository the layout names?");
        }

        // As the projects build for net10.0 (their newest target).
        var parse = new CSharpParseOptions(LanguageVersion.Latest, preprocessorSymbols: new[] { "NET", "NETCOREAPP", "NET10_0", "NET10_0_OR_GREATER", "NET9_0_OR_GREATER", "NET8_0_OR_GREATER", "NET7_0_OR_GREATER", "NET6_0_OR_GREATER", "NET5_0_OR_GREATER", "RELEASE" });
        var trees = files.Select(file => CSharpSyntaxTree.ParseText(File.ReadAllText(file), parse, path: file)).ToImmutableArray();
        var references = References(layout.OwnAssemblies);

        // The experimental-API diagnostics the projects switch off with NoWarn.
        var options = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, allowUnsafe: true)
            .WithSpecificDiagnosticOptions(layout.NoWarn.ToDictionary(id => id, _ => ReportDiagnostic.Suppress));

        // The framework's source generators run in their builds (System.Text.Json contexts, [GeneratedRegex]); their output is
        // added once here, as generated files the analyzers skip, so that the code binds as it does in a build.
        var generated = CSharpGeneratorDriver.Create(FrameworkGenerators().Concat(PackageGenerators()), parseOptions: parse)
            .RunGenerators(CSharpCompilation.Create(parts[0], trees, references, options))
            .GetRunResult().GeneratedTrees;
        return new PublicCodebase(parts[0], trees.AddRange(generated), references, options);
    }

    private static IEnumerable<string> Numbered(string prefix, int digits, int first, int last) =>
        Enumerable.Range(first, last - first + 1).Select(n => prefix + n.ToString(new string('0', digits), System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>The source generators of the framework's reference pack (as a build of a net10.0 project runs them).</summary>
    private static IEnumerable<ISourceGenerator> FrameworkGenerators()
    {
        // The runtime lives in DOTNET_ROOT/shared/Microsoft.NETCore.App/VERSION; the pack in DOTNET_ROOT/packs/Microsoft.NETCore.App.Ref/VERSION.
        var dotnetRoot = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(typeof(object).Assembly.Location)!, "..", "..", ".."));
        var pack = Directory.GetDirectories(Path.Combine(dotnetRoot, "packs", "Microsoft.NETCore.App.Ref")).OrderBy(d => Version.Parse(Path.GetFileName(d).Split('-')[0])).Last();
        var loader = new GeneratorLoader();
        return new[] { "System.Text.Json.SourceGeneration.dll", "System.Text.RegularExpressions.Generator.dll" }
            .Select(file => new AnalyzerFileReference(Path.Combine(pack, "analyzers", "dotnet", "cs", file), loader))
            .SelectMany(reference => reference.GetGenerators(LanguageNames.CSharp));
    }

    /// <summary>
    /// The source generators of the packages the benchmark references, from the NuGet cache (as a build runs them for the
    /// projects that reference those packages: System.ClientModel's ModelReaderWriterContext, the logging generator).
    /// </summary>
    private static IEnumerable<ISourceGenerator> PackageGenerators()
    {
        var cache = Environment.GetEnvironmentVariable("NUGET_PACKAGES") ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        var deps = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, typeof(PublicCodebase).Assembly.GetName().Name + ".deps.json")));
        var loader = new GeneratorLoader();
        foreach (var library in deps.RootElement.GetProperty("libraries").EnumerateObject())
        {
            if (library.Value.GetProperty("type").GetString() != "package"
                || library.Name.Split('/')[0] is not ("System.ClientModel" or "Microsoft.Extensions.Logging.Abstractions"))
            {
                continue;
            }

            // analyzers/dotnet/cs, or analyzers/dotnet/roslynX.Y/cs for the newest Roslyn the package targets.
            var analyzers = Path.Combine(cache, library.Value.GetProperty("path").GetString()!, "analyzers", "dotnet");
            var folder = Directory.Exists(Path.Combine(analyzers, "cs"))
                ? Path.Combine(analyzers, "cs")
                : Directory.GetDirectories(analyzers, "roslyn*").OrderBy(d => Version.Parse(Path.GetFileName(d).Substring("roslyn".Length))).Select(d => Path.Combine(d, "cs")).Last();
            foreach (var file in Directory.GetFiles(folder, "*.dll"))
            {
                foreach (var generator in new AnalyzerFileReference(file, loader).GetGenerators(LanguageNames.CSharp))
                {
                    yield return generator;
                }
            }
        }
    }

    private sealed class GeneratorLoader : IAnalyzerAssemblyLoader
    {
        public void AddDependencyLocation(string fullPath)
        {
        }

        public System.Reflection.Assembly LoadFromPath(string fullPath) => System.Reflection.Assembly.LoadFrom(fullPath);
    }

    /// <summary>
    /// The framework, then every package assembly beside the benchmark except the codebase's own (its sources are compiled
    /// instead), Roslyn's, the benchmark tooling's and ClovaCodegen's (the codebases do not reference ClovaCodegen).
    /// </summary>
    private static ImmutableArray<MetadataReference> References(string[] ownAssemblies)
    {
        var framework = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => Path.GetDirectoryName(p) == Path.GetDirectoryName(typeof(object).Assembly.Location));
        var packages = Directory.EnumerateFiles(AppContext.BaseDirectory, "*.dll");
        var chosen = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var path in framework.Concat(packages))
        {
            var name = Path.GetFileNameWithoutExtension(path);
            var excluded = ownAssemblies.Any(own => name == own || name.StartsWith(own + ".", StringComparison.Ordinal))
                || name.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal)
                || name.StartsWith("ClovaCodegen", StringComparison.Ordinal)
                || name.StartsWith("BenchmarkDotNet", StringComparison.Ordinal)
                || name is "Perfolizer" or "Iced" or "Gee.External.Capstone" or "CommandLine";
            if (!excluded)
            {
                chosen.TryAdd(name, path);
            }
        }

        return chosen.Values.Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToImmutableArray();
    }

    public sealed record Layout(string[] SourceFolders, string[] OwnAssemblies, IEnumerable<string> NoWarn);
}
