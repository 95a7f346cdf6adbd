using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Xunit;

namespace ClovaCodegen.Generator.Tests;

/// <summary>
/// The generated code for consumers on .NET Framework 4.7.2 and .NET Standard 2.0 (LangVersion latest, nullable enable):
/// compiled and emitted against those reference assemblies plus System.Text.Json's own netstandard2.0/net462 build and
/// its dependencies, all restored offline through PackageDownload. The runtime's request-body interfaces are compiled
/// from their source in runtime/ so the generated types must implement them on these targets too.
/// </summary>
public class LegacyTargetCompilationTests
{
    private static readonly string Packages = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");

    public static TheoryData<string> Targets => new() { "net472", "netstandard2.0" };

    [Theory]
    [MemberData(nameof(Targets))]
    public void Generated_code_compiles_and_emits_with_zero_diagnostics(string target)
    {
        var contracts = File.ReadAllText(Path.Combine(GeneratorHarness.RepositoryRoot, "runtime", "ClovaCodegen.Runtime", "Contracts", "IClovaRequestBodies.cs"));
        var input = GeneratorHarness.Compilation(References(target), contracts, """
            using System.Collections.Generic;
            using ClovaCodegen.Requests;
            namespace App
            {
                public static class Use
                {
                    public static byte[] Chat() => ChatCompletionRequest.Create("HCX-005")
                        .System("너는 친절한 비서야").User("안녕").Assistant("네").Tool("call_1", "{}")
                        .AddFunctionTool("get_weather", "날씨", "{\"type\":\"object\"}")
                        .Temperature(0.5).TopP(0.8).TopK(5).MaxTokens(10).RepetitionPenalty(1.1).Stop("\n").Seed(1)
                        .Build().ToUtf8Json();

                    public static byte[] Embed() => EmbeddingRequest.Create("bge-m3").Inputs(new List<string> { "x", "y" }).Build().ToUtf8Json();

                    public static object Info() => ClovaJsonContext.Default.ChatCompletionRequest;
                }
            }
            """);

        var (output, generatorDiagnostics, result) = GeneratorHarness.Run(input);

        Assert.Empty(generatorDiagnostics);
        Assert.Contains(result.Results.Single().GeneratedSources, s => s.HintName == "ChatCompletionRequest.g.cs");
        var diagnostics = output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        Assert.True(diagnostics.Count == 0, target + ":\n" + string.Join("\n", diagnostics));

        using var pe = new MemoryStream();
        var emitted = output.Emit(pe);
        Assert.True(emitted.Success, target + " emit:\n" + string.Join("\n", emitted.Diagnostics));

        var chat = output.GetTypeByMetadataName("ClovaCodegen.Requests.ChatCompletionRequest");
        var embedding = output.GetTypeByMetadataName("ClovaCodegen.Requests.EmbeddingRequest");
        Assert.NotNull(chat);
        Assert.NotNull(embedding);
        Assert.Contains(chat!.AllInterfaces, i => i.ToDisplayString() == "ClovaCodegen.IClovaChatCompletionRequest");
        Assert.Contains(embedding!.AllInterfaces, i => i.ToDisplayString() == "ClovaCodegen.IClovaEmbeddingRequest");
    }

    /// <summary>A runtime source file as the runtime's netstandard2.0 build (the one both targets consume) compiles it.</summary>
    internal static string RuntimeSource(string path) =>
        "#define NETSTANDARD2_0\n" + File.ReadAllText(path);

    internal static IEnumerable<MetadataReference> References(string target)
    {
        var files = new List<string>();
        string libraryFolder;
        if (target == "net472")
        {
            var framework = Path.Combine(Packages, "microsoft.netframework.referenceassemblies.net472", "1.0.3", "build", ".NETFramework", "v4.7.2");
            RequireDirectory(framework, "Microsoft.NETFramework.ReferenceAssemblies.net472 1.0.3");
            files.AddRange(new[] { "mscorlib.dll", "System.dll", "System.Core.dll", "System.Runtime.Serialization.dll" }.Select(f => Path.Combine(framework, f)));
            files.AddRange(Directory.GetFiles(Path.Combine(framework, "Facades"), "*.dll"));
            libraryFolder = "net462";
        }
        else
        {
            var standard = Path.Combine(Packages, "netstandard.library", "2.0.3", "build", "netstandard2.0", "ref");
            RequireDirectory(standard, "NETStandard.Library 2.0.3");
            files.AddRange(Directory.GetFiles(standard, "*.dll"));
            libraryFolder = "netstandard2.0";
        }

        // System.Text.Json 10.0.0 and the dependencies its nuspec lists for these targets, at those exact versions.
        foreach (var (id, version) in new[]
        {
            ("System.Text.Json", "10.0.0"), ("Microsoft.Bcl.AsyncInterfaces", "10.0.0"), ("System.IO.Pipelines", "10.0.0"),
            ("System.Text.Encodings.Web", "10.0.0"), ("System.Buffers", "4.6.1"), ("System.Memory", "4.6.3"),
            ("System.Runtime.CompilerServices.Unsafe", "6.1.2"), ("System.Threading.Tasks.Extensions", "4.6.3"), ("System.Numerics.Vectors", "4.6.1"),
        })
        {
            var lib = Path.Combine(Packages, id.ToLowerInvariant(), version, "lib");
            RequireDirectory(lib, id + " " + version);
            var folder = new[] { libraryFolder, "net462", "net461", "netstandard2.0" }.Select(f => Path.Combine(lib, f)).First(Directory.Exists);
            files.Add(Path.Combine(folder, id + ".dll"));
        }

        return files.Distinct(StringComparer.OrdinalIgnoreCase).Select(f => (MetadataReference)MetadataReference.CreateFromFile(f));
    }

    private static void RequireDirectory(string path, string package) =>
        Assert.True(Directory.Exists(path), $"{package} was not restored (PackageDownload in the test project): {path}");
}
