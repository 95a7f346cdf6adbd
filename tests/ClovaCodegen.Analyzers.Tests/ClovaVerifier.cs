using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using ClovaCodegen.Analyzers.Hosts;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace ClovaCodegen.Analyzers.Tests;

/// <summary>
/// Microsoft.CodeAnalysis.Testing verifiers running every ClovaCodegen rule at once (a rule's test shows what the others
/// do to the same code too), against the real OpenAI, MEAI and ClovaCodegen assemblies, with an optional user spec file
/// and <c>.editorconfig</c> scope. Sources mark expected diagnostics as <c>{|CLOVA001:text|}</c>.
/// </summary>
internal static class ClovaVerifier
{
    /// <summary>Exactly the marked diagnostics, no compile errors (and none in generated code, which the framework checks too).</summary>
    public static Task VerifyAsync(string markup, string? specText = null, string? scope = null, string? globalConfig = null)
    {
        var test = new AnalyzerTest();
        Configure(test.TestState, markup, specText, scope);
        if (globalConfig is not null)
        {
            // What MSBuild hands the compiler for CompilerVisibleProperty items (build_property.X = value).
            test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\n" + globalConfig + "\n"));
        }

        return test.RunAsync();
    }

    /// <summary>
    /// Applies <paramref name="fixer"/> to the marked diagnostics: one by one until none is left, and as Fix All in the
    /// document, project and solution (the framework runs each), each time expecting <paramref name="fixedMarkup"/>.
    /// </summary>
    public static Task VerifyFixAsync(string markup, string fixedMarkup, CodeFixProvider fixer, int codeActionIndex = 0, string? scope = null, string? specText = null)
    {
        var test = new FixTest(fixer) { CodeActionIndex = codeActionIndex };
        Configure(test.TestState, markup, specText, scope);
        Configure(test.FixedState, fixedMarkup, specText, scope);
        if (fixedMarkup.Contains("{|"))
        {
            // What the fixer leaves (it offers no fix there) is marked in the fixed code too.
            test.FixedState.MarkupHandling = MarkupMode.Allow;
        }
        return test.RunAsync();
    }

    private static void Configure(SolutionState state, string markup, string? specText, string? scope)
    {
        state.Sources.Add(("/0/Test0.cs", markup));
        state.OutputKind = OutputKind.ConsoleApplication;
        state.AdditionalReferences.AddRange(AnalyzerHarness.References);
        if (specText is not null)
        {
            state.AdditionalFiles.Add(("/0/clova-openai-compat.json", specText));
        }

        if (scope is not null)
        {
            state.AnalyzerConfigFiles.Add(("/.editorconfig", $"root = true\n\n[*.cs]\nclova_codegen.scope = {scope}\n"));
        }
    }

    /// <summary>The references come from the test's own runtime (AnalyzerHarness.References), not a downloaded pack.</summary>
    private static readonly ReferenceAssemblies NoPackage = new("net10.0");

    private static CompilationOptions Options(CompilationOptions options) =>
        ((CSharpCompilationOptions)options).WithNullableContextOptions(NullableContextOptions.Enable)
            .WithSpecificDiagnosticOptions(options.SpecificDiagnosticOptions.SetItems(new[] { "SCME0001", "OPENAI001", "MEAI001", "SKEXP0001", "SKEXP0010" }.ToDictionary(id => id, _ => ReportDiagnostic.Suppress)));

    // The analyzer type argument only names a default: GetDiagnosticAnalyzers hands the framework every host.
    private sealed class AnalyzerTest : CSharpAnalyzerTest<WarningRuleHost, DefaultVerifier>
    {
        public AnalyzerTest()
        {
            ReferenceAssemblies = NoPackage;
        }

        protected override IEnumerable<DiagnosticAnalyzer> GetDiagnosticAnalyzers() => AnalyzerHarness.AllAnalyzers;

        protected override CompilationOptions CreateCompilationOptions() => Options(base.CreateCompilationOptions());

        protected override ParseOptions CreateParseOptions() => new CSharpParseOptions(LanguageVersion.Latest, DocumentationMode.Diagnose);
    }

    private sealed class FixTest : CSharpCodeFixTest<WarningRuleHost, EmptyCodeFixProvider, DefaultVerifier>
    {
        private readonly CodeFixProvider _fixer;

        public FixTest(CodeFixProvider fixer)
        {
            _fixer = fixer;
            ReferenceAssemblies = NoPackage;
        }

        protected override IEnumerable<DiagnosticAnalyzer> GetDiagnosticAnalyzers() => AnalyzerHarness.AllAnalyzers;

        protected override IEnumerable<CodeFixProvider> GetCodeFixProviders() => new[] { _fixer };

        protected override CompilationOptions CreateCompilationOptions() => Options(base.CreateCompilationOptions());

        protected override ParseOptions CreateParseOptions() => new CSharpParseOptions(LanguageVersion.Latest, DocumentationMode.Diagnose);
    }
}
