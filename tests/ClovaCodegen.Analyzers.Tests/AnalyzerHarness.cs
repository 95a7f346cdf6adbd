using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Xunit;

using ClovaCodegen.Testing;

namespace ClovaCodegen.Analyzers.Tests;

/// <summary>
/// Runs the analyzers directly over CompilationWithAnalyzers, for tests that look at a diagnostic's details (severity,
/// message) or collect analyzer exceptions instead of failing on the first; <see cref="ClovaVerifier"/> does the
/// markup-based verification through Microsoft.CodeAnalysis.Testing. Both use the real OpenAI, MEAI and ClovaCodegen assemblies.
/// </summary>
internal static class AnalyzerHarness
{
    /// <summary>Every rule, in the hosts the compiler loads.</summary>
    public static readonly ImmutableArray<DiagnosticAnalyzer> AllAnalyzers = ClovaRules.CreateHosts();

    public static readonly ImmutableArray<MetadataReference> References = CreateReferences();

    private static readonly Regex Marker = new(@"\{\|(?<id>CLOVA\d{3}):(?<text>.*?)\|\}", RegexOptions.Singleline);

    public static (string Source, List<(string Id, TextSpan Span)> Expected) Parse(string markup)
    {
        var expected = new List<(string, TextSpan)>();
        var source = markup;
        while (Marker.Match(source) is { Success: true } match)
        {
            var text = match.Groups["text"].Value;
            expected.Add((match.Groups["id"].Value, new TextSpan(match.Index, text.Length)));
            source = source.Substring(0, match.Index) + text + source.Substring(match.Index + match.Length);
        }

        return (source, expected);
    }

    public static CSharpCompilation Compile(string source) => CSharpCompilation.Create(
        "Tests",
        new[] { CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest), path: "Test.cs") },
        References,
        CompilationOptions);

    /// <summary>The SDKs' experimental-API diagnostics are not what these tests are about.</summary>
    internal static readonly CSharpCompilationOptions CompilationOptions = new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable)
        .WithSpecificDiagnosticOptions(new[] { "SCME0001", "OPENAI001", "MEAI001", "SKEXP0001", "SKEXP0010" }.ToDictionary(id => id, _ => ReportDiagnostic.Suppress));

    public static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(string source, string? specText = null, IEnumerable<DiagnosticAnalyzer>? analyzers = null, List<Exception>? exceptions = null, string? scope = null, string? withoutAssembly = null)
    {
        var compilation = withoutAssembly is null ? Compile(source)
            : Compile(source).RemoveReferences(References.Where(r => Path.GetFileNameWithoutExtension(r.Display) == withoutAssembly));
        return await AnalyzeAsync(compilation, specText, analyzers, exceptions, scope);
    }

    /// <summary>The analyzers over a compilation the caller made (one with references of its own).</summary>
    public static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(Compilation compilation, string? specText = null, IEnumerable<DiagnosticAnalyzer>? analyzers = null, List<Exception>? exceptions = null, string? scope = null)
    {
        var options = new CompilationWithAnalyzersOptions(
            Options(specText, scope),
            onAnalyzerException: (ex, _, _) => { if (exceptions is null) { throw new Xunit.Sdk.XunitException("Analyzer threw (AD0001): " + ex); } lock (exceptions) { exceptions.Add(ex); } },
            concurrentAnalysis: false,
            logAnalyzerExecutionTime: false);
        var withAnalyzers = compilation.WithAnalyzers((analyzers ?? AllAnalyzers).ToImmutableArray(), options);
        var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync();
        return diagnostics.Where(d => d.Id != "AD0001" || exceptions is null).ToImmutableArray();
    }

    public static readonly ImmutableArray<CodeFixProvider> AllFixers = typeof(ClovaCodegen.CodeFixes.Rules.UnsupportedFieldFixer).Assembly.GetTypes()
        .Where(t => typeof(CodeFixProvider).IsAssignableFrom(t) && !t.IsAbstract)
        .Select(t => (CodeFixProvider)Activator.CreateInstance(t)!)
        .ToImmutableArray();

    /// <summary>
    /// Offers every fix for every diagnostic and computes its changes (as the IDE's light bulb does), collecting what
    /// throws. Returns how many code actions were computed.
    /// </summary>
    public static async Task<int> RunEveryFixAsync(string source, ImmutableArray<Diagnostic> diagnostics, List<Exception> exceptions)
    {
        using var workspace = new AdhocWorkspace();
        var project = workspace.AddProject(ProjectInfo.Create(ProjectId.CreateNewId(), VersionStamp.Create(), "Tests", "Tests", LanguageNames.CSharp,
            compilationOptions: CompilationOptions, parseOptions: new CSharpParseOptions(LanguageVersion.Latest), metadataReferences: References));
        var document = workspace.AddDocument(project.Id, "Test.cs", SourceText.From(source));
        var computed = 0;
        foreach (var diagnostic in diagnostics.Where(d => d.Location.IsInSource))
        {
            foreach (var fixer in AllFixers.Where(f => f.FixableDiagnosticIds.Contains(diagnostic.Id)))
            {
                try
                {
                    var actions = new List<CodeAction>();
                    await fixer.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None));
                    foreach (var action in actions)
                    {
                        await action.GetOperationsAsync(CancellationToken.None);
                        computed++;
                    }
                }
                catch (Exception ex)
                {
                    exceptions.Add(new InvalidOperationException($"{fixer.GetType().Name} threw on {diagnostic}", ex));
                }
            }
        }

        return computed;
    }

    private static AnalyzerOptions Options(string? specText, string? scope = null)
    {
        var files = specText is null ? ImmutableArray<AdditionalText>.Empty : ImmutableArray.Create<AdditionalText>(new SpecFile(specText));
        return scope is null ? new AnalyzerOptions(files) : new AnalyzerOptions(files, new ScopeOptionsProvider(scope));
    }

    private static ImmutableArray<MetadataReference> CreateReferences()
    {
        var trusted = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p) is "netstandard.dll" or "mscorlib.dll");
        var extra = new[]
        {
            typeof(global::OpenAI.OpenAIClient), typeof(System.ClientModel.ApiKeyCredential), typeof(Microsoft.Extensions.AI.ChatOptions),
            typeof(Microsoft.Extensions.AI.OpenAIClientExtensions), typeof(ClovaCodegen.ClovaStudioClient), typeof(ClovaCodegen.OpenAI.ClovaOpenAI), typeof(ClovaCodegen.Extensions.AI.ClovaChatClient), typeof(Microsoft.Extensions.Logging.ILogger),
            typeof(Microsoft.Extensions.DependencyInjection.ServiceCollectionServiceExtensions), typeof(Microsoft.Extensions.DependencyInjection.IHttpClientBuilder), typeof(Microsoft.Extensions.Configuration.IConfiguration),
            typeof(Microsoft.Extensions.AI.ChatClientBuilder),
            typeof(Microsoft.SemanticKernel.Kernel), typeof(Microsoft.SemanticKernel.KernelFunctionFactory), typeof(Microsoft.SemanticKernel.Connectors.OpenAI.OpenAIPromptExecutionSettings),
            typeof(Microsoft.Extensions.DependencyInjection.IServiceCollection), typeof(Microsoft.Extensions.VectorData.VectorStore),
        }.Select(t => t.Assembly.Location);
        return trusted.Concat(extra).Distinct().Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToImmutableArray();
    }

    /// <summary>A spec named clova-openai-compat.json, which SpecFileSelection takes as the user's spec.</summary>
    private sealed class SpecFile : AdditionalText
    {
        private readonly SourceText _text;

        public SpecFile(string text) => _text = SourceText.From(text);

        public override string Path => "/project/clova-openai-compat.json";

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }
}
