using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace ClovaCodegen.Generator.Tests;

/// <summary>Runs the generator through CSharpGeneratorDriver on small consumer compilations.</summary>
internal static class GeneratorHarness
{
    public static string RepositoryRoot { get; } = FindRoot();

    public static string DefaultSpecText => File.ReadAllText(Path.Combine(RepositoryRoot, "spec", "clova-openai-compat.json"));

    /// <summary>This process's framework (net10.0), plus the runtime contracts and the OpenAI SDK.</summary>
    public static ImmutableArray<MetadataReference> Net10References { get; } = CreateNet10References();

    public static CSharpCompilation Compilation(IEnumerable<MetadataReference> references, params string[] sources) =>
        CSharpCompilation.Create(
            "Consumer",
            sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, new CSharpParseOptions(LanguageVersion.Latest), path: $"Source{i}.cs")),
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    public const string SpecPath = "/consumer/my-spec.json";

    /// <summary>A spec additional file at <see cref="SpecPath"/>.</summary>
    public static AdditionalText SpecFile(string text) => new InMemoryAdditionalText(SpecPath, text);

    public static GeneratorDriver CreateDriver(string? specText = null, IDictionary<string, string>? properties = null, bool trackSteps = false) =>
        CreateDriver(specText is null ? null : SpecFile(specText), properties, trackSteps);

    public static GeneratorDriver CreateDriver(AdditionalText? spec, IDictionary<string, string>? properties = null, bool trackSteps = false)
    {
        var additional = new List<AdditionalText>();
        if (spec is not null)
        {
            additional.Add(spec);
        }

        var specText = spec?.Path;

        var options = new TestOptionsProvider(properties ?? new Dictionary<string, string>(), specText);
        return CSharpGeneratorDriver.Create(
            new[] { new ClovaRequestGenerator().AsSourceGenerator() },
            additional,
            new CSharpParseOptions(LanguageVersion.Latest),
            options,
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: trackSteps));
    }

    /// <summary>MSBuild properties as the compiler sees them (build_property.*), plus the spec metadata for <paramref name="specPath"/>.</summary>
    public static AnalyzerConfigOptionsProvider Options(IDictionary<string, string> properties, string? specPath = null) =>
        new TestOptionsProvider(properties, specPath);

    public static (Compilation Output, ImmutableArray<Diagnostic> Diagnostics, GeneratorDriverRunResult Result) Run(
        Compilation input, string? specText = null, IDictionary<string, string>? properties = null)
    {
        var driver = CreateDriver(specText, properties).RunGeneratorsAndUpdateCompilation(input, out var output, out var diagnostics);
        return (output, diagnostics, driver.GetRunResult());
    }

    private static ImmutableArray<MetadataReference> CreateNet10References()
    {
        var trusted = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p) is "netstandard.dll" or "mscorlib.dll");
        return trusted
            .Concat(new[] { typeof(ClovaCodegen.IClovaChatCompletionRequest).Assembly.Location, typeof(OpenAI.Chat.ChatCompletionOptions).Assembly.Location, typeof(System.ClientModel.ApiKeyCredential).Assembly.Location })
            .Distinct()
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToImmutableArray();
    }

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "ClovaCodegen.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("ClovaCodegen.sln not found");
    }

    private sealed class InMemoryAdditionalText : AdditionalText
    {
        private readonly SourceText _text;

        public InMemoryAdditionalText(string path, string text)
        {
            Path = path;
            _text = SourceText.From(text);
        }

        public override string Path { get; }

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }

    private sealed class TestOptionsProvider : AnalyzerConfigOptionsProvider
    {
        private readonly DictionaryOptions _global;
        private readonly string? _specPath;

        public TestOptionsProvider(IDictionary<string, string> properties, string? specPath)
        {
            _global = new DictionaryOptions(properties.ToDictionary(p => "build_property." + p.Key, p => p.Value));
            _specPath = specPath;
        }

        public override AnalyzerConfigOptions GlobalOptions => _global;

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => DictionaryOptions.Empty;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) =>
            textFile.Path == _specPath ? new DictionaryOptions(new Dictionary<string, string> { ["build_metadata.AdditionalFiles.ClovaCodegenSpec"] = "true" }) : DictionaryOptions.Empty;
    }

    private sealed class DictionaryOptions : AnalyzerConfigOptions
    {
        public static readonly DictionaryOptions Empty = new(new Dictionary<string, string>());
        private readonly Dictionary<string, string> _values;

        public DictionaryOptions(Dictionary<string, string> values) => _values = values;

        public override bool TryGetValue(string key, out string value) => _values.TryGetValue(key, out value!);
    }
}
