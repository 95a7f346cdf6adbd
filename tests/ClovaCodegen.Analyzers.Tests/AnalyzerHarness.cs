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

namespace ClovaCodegen.Analyzers.Tests;

/// <summary>
/// Runs the analyzers on small sources against the real OpenAI, MEAI and runtime assemblies. Sources mark expected
/// diagnostics inline as <c>{|CLOVA001:text|}</c>; fixes are applied through a Roslyn workspace, Fix All included.
/// </summary>
internal static class AnalyzerHarness
{
    public static readonly ImmutableArray<DiagnosticAnalyzer> AllAnalyzers = typeof(RuleIdentifiers).Assembly.GetTypes()
        .Where(t => typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && !t.IsAbstract)
        .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
        .ToImmutableArray();

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
    private static readonly CSharpCompilationOptions CompilationOptions = new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable)
        .WithSpecificDiagnosticOptions(new[] { "SCME0001", "OPENAI001", "MEAI001" }.ToDictionary(id => id, _ => ReportDiagnostic.Suppress));

    public static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(string source, string? specText = null, IEnumerable<DiagnosticAnalyzer>? analyzers = null, List<Exception>? exceptions = null, string? scope = null)
    {
        var compilation = Compile(source);
        var options = new CompilationWithAnalyzersOptions(
            Options(specText, scope),
            onAnalyzerException: (ex, _, _) => { if (exceptions is null) { throw new Xunit.Sdk.XunitException("Analyzer threw (AD0001): " + ex); } lock (exceptions) { exceptions.Add(ex); } },
            concurrentAnalysis: false,
            logAnalyzerExecutionTime: false);
        var withAnalyzers = compilation.WithAnalyzers((analyzers ?? AllAnalyzers).ToImmutableArray(), options);
        var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync();
        return diagnostics.Where(d => d.Id != "AD0001" || exceptions is null).ToImmutableArray();
    }

    /// <summary>Asserts exactly the marked CLOVA diagnostics are reported (at their spans), and no compile errors.</summary>
    public static Task VerifyAsync(string markup, string? specText = null, string? scope = null) => ClovaVerifier.VerifyAsync(markup, specText, scope);

    /// <summary>Applies the first code action (or Fix All in the document) for <paramref name="id"/> and returns the new source.</summary>
    public static async Task<string> FixAsync(string source, string id, CodeFixProvider fixer, bool fixAll = false, int actionIndex = 0)
    {
        using var workspace = new AdhocWorkspace();
        var project = workspace.AddProject(ProjectInfo.Create(ProjectId.CreateNewId(), VersionStamp.Create(), "Tests", "Tests", LanguageNames.CSharp,
            compilationOptions: CompilationOptions, parseOptions: new CSharpParseOptions(LanguageVersion.Latest), metadataReferences: References));
        var document = workspace.AddDocument(project.Id, "Test.cs", SourceText.From(source));
        var compilation = (await document.Project.GetCompilationAsync())!;
        var diagnostics = (await compilation.WithAnalyzers(AllAnalyzers).GetAnalyzerDiagnosticsAsync()).Where(d => d.Id == id).ToList();
        Assert.NotEmpty(diagnostics);

        CodeAction? action = null;
        if (fixAll)
        {
            var provider = fixer.GetFixAllProvider()!;
            var equivalenceKey = await FirstActionAsync(document, diagnostics[0], fixer, actionIndex) is { } first ? first.EquivalenceKey : null;
            var context = new FixAllContext(document, fixer, FixAllScope.Document, equivalenceKey, new[] { id }, new Provider(diagnostics), CancellationToken.None);
            action = await provider.GetFixAsync(context);
        }
        else
        {
            action = await FirstActionAsync(document, diagnostics[0], fixer, actionIndex);
        }

        Assert.NotNull(action);
        var operations = await action!.GetOperationsAsync(CancellationToken.None);
        var changed = operations.OfType<ApplyChangesOperation>().Single().ChangedSolution.GetDocument(document.Id)!;
        return (await changed.GetTextAsync()).ToString();
    }

    private static async Task<CodeAction?> FirstActionAsync(Document document, Diagnostic diagnostic, CodeFixProvider fixer, int index)
    {
        var actions = new List<CodeAction>();
        await fixer.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (a, _) => actions.Add(a), CancellationToken.None));
        return actions.Count > index ? actions[index] : null;
    }

    private static AnalyzerOptions Options(string? specText, string? scope = null)
    {
        var files = specText is null ? ImmutableArray<AdditionalText>.Empty : ImmutableArray.Create<AdditionalText>(new SpecFile(specText));
        return scope is null ? new AnalyzerOptions(files) : new AnalyzerOptions(files, new ScopeOptionsProvider(scope));
    }

    /// <summary>What an .editorconfig with <c>clova_codegen.scope = ...</c> gives the analyzers.</summary>
    private sealed class ScopeOptionsProvider : AnalyzerConfigOptionsProvider
    {
        private readonly ScopeOptions _options;

        public ScopeOptionsProvider(string scope) => _options = new ScopeOptions(scope);

        public override AnalyzerConfigOptions GlobalOptions => _options;

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => _options;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => _options;

        private sealed class ScopeOptions : AnalyzerConfigOptions
        {
            private readonly string _scope;

            public ScopeOptions(string scope) => _scope = scope;

            public override bool TryGetValue(string key, out string value)
            {
                value = _scope;
                return key == "clova_codegen.scope";
            }
        }
    }

    private static ImmutableArray<MetadataReference> CreateReferences()
    {
        var trusted = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p) is "netstandard.dll" or "mscorlib.dll");
        var extra = new[]
        {
            typeof(global::OpenAI.OpenAIClient), typeof(System.ClientModel.ApiKeyCredential), typeof(Microsoft.Extensions.AI.ChatOptions),
            typeof(Microsoft.Extensions.AI.OpenAIClientExtensions), typeof(ClovaCodegen.ClovaStudioClient), typeof(ClovaCodegen.OpenAI.ClovaOpenAI),
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

    private sealed class Provider : FixAllContext.DiagnosticProvider
    {
        private readonly List<Diagnostic> _diagnostics;

        public Provider(List<Diagnostic> diagnostics) => _diagnostics = diagnostics;

        public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken) => Task.FromResult<IEnumerable<Diagnostic>>(_diagnostics);

        public override Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken) => Task.FromResult<IEnumerable<Diagnostic>>(_diagnostics);

        public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken) => Task.FromResult(Enumerable.Empty<Diagnostic>());
    }
}
