using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using ClovaCodegen.Testing;
using Xunit;

namespace ClovaCodegen.Analyzers.Tests;

/// <summary>
/// A rule that is switched off costs nothing: the compiler runs no callback for it, whichever way it was switched off
/// (ruleset or <c>NoWarn</c>, a global analyzer config, an <c>.editorconfig</c> section for all files or for some). The
/// analyzers are the ones the compiler would load (every type in the analyzer assembly with <c>[DiagnosticAnalyzer]</c>),
/// each wrapped so that every operation callback it registers is counted per file before it runs.
/// </summary>
public class SwitchedOffRuleTests
{
    private const string ProgramPath = "/project/Program.cs";
    private const string ServicePath = "/project/Service.cs";

    public static TheoryData<string, string> RulesAndWays
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var id in RuleIds())
            {
                foreach (var way in new[] { "ruleset", "global config", "editorconfig" })
                {
                    data.Add(id, way);
                }
            }

            return data;
        }
    }

    public static TheoryData<string> Rules => new(RuleIds());

    [Theory]
    [MemberData(nameof(RulesAndWays))]
    public async Task A_rule_switched_off_for_the_project_runs_no_callbacks(string id, string way)
    {
        var on = await RunAsync(new SeverityOptions());
        Assert.Contains(on.Diagnostics, d => d.Id == id);
        Assert.True(on.CallbacksOfAnalyzersFor(id) > 0, $"the analyzers that report {id} ran no callback with it on: nothing to compare");

        var options = way switch
        {
            "ruleset" => new SeverityOptions { Compilation = { [id] = ReportDiagnostic.Suppress } },
            "global config" => new SeverityOptions { Global = { [id] = ReportDiagnostic.Suppress } },
            _ => new SeverityOptions { PerFile = { [(ProgramPath, id)] = ReportDiagnostic.Suppress, [(ServicePath, id)] = ReportDiagnostic.Suppress } },
        };
        var off = await RunAsync(options);

        Assert.DoesNotContain(off.Diagnostics, d => d.Id == id);
        Assert.Equal(0, off.CallbacksOfAnalyzersFor(id));
        Assert.Contains(off.Diagnostics, d => d.Id != id && d.Id.StartsWith("CLOVA", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Rules))]
    public async Task A_rule_switched_off_for_one_file_runs_no_callbacks_there(string id)
    {
        var run = await RunAsync(new SeverityOptions { PerFile = { [(ProgramPath, id)] = ReportDiagnostic.Suppress } });

        Assert.DoesNotContain(run.Diagnostics, d => d.Id == id && d.Location.SourceTree!.FilePath == ProgramPath);
        Assert.Contains(run.Diagnostics, d => d.Id == id && d.Location.SourceTree!.FilePath == ServicePath);
        Assert.Equal(0, run.CallbacksOfAnalyzersFor(id, ProgramPath));
        Assert.True(run.CallbacksOfAnalyzersFor(id, ServicePath) > 0);
    }

    /// <summary>
    /// A command-line build filters out Info diagnostics (unless an error log is asked for) and, to save the time, does not
    /// run an analyzer whose diagnostics would all be filtered out (Roslyn's <c>CommonCompiler</c> passes
    /// <c>SeverityFilter.Hidden | SeverityFilter.Info</c> to the driver). So a rule that is Info by default costs a build
    /// nothing only if every analyzer that reports it reports nothing above Info.
    /// </summary>
    [Fact]
    public void A_rule_that_is_Info_by_default_is_in_analyzers_that_report_nothing_above_Info()
    {
        var analyzers = ShippedAnalyzers();
        var infoRules = analyzers.SelectMany(a => a.SupportedDiagnostics).Where(d => d.DefaultSeverity <= DiagnosticSeverity.Info).Select(d => d.Id).Distinct().ToList();
        Assert.Contains("CLOVA008", infoRules);

        foreach (var id in infoRules)
        {
            foreach (var analyzer in analyzers.Where(a => a.SupportedDiagnostics.Any(d => d.Id == id)))
            {
                var louder = analyzer.SupportedDiagnostics.Where(d => d.DefaultSeverity > DiagnosticSeverity.Info).Select(d => d.Id).ToList();
                Assert.True(louder.Count == 0, $"{analyzer.GetType().Name} reports {id} (Info) and also {string.Join(", ", louder)}, so a build runs {id}'s analysis although it shows nothing of it");
            }
        }
    }

    private static IEnumerable<string> RuleIds() => ShippedAnalyzers().SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).Distinct().OrderBy(id => id);

    /// <summary>What the compiler loads from the analyzer assembly: every concrete type marked [DiagnosticAnalyzer].</summary>
    private static ImmutableArray<DiagnosticAnalyzer> ShippedAnalyzers() => typeof(DiagnosticDescriptors).Assembly.GetTypes()
        .Where(t => !t.IsAbstract && t.GetCustomAttributes(typeof(DiagnosticAnalyzerAttribute), inherit: false).Length > 0)
        .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
        .ToImmutableArray();

    private static async Task<Run> RunAsync(SeverityOptions severities)
    {
        // Two files with every rule's mistake: the Mistakes sample (top-level statements) and the same code in a method.
        // CLOVA012's mistake is added here rather than kept in samples/Mistakes: a clash of two raw AddFunctionTool names
        // has no fix, and dotnet format's run over the sample (DotnetFormatTests) must leave no rule behind.
        var sample = File.ReadAllText(Path.Combine(Paths.Root, "samples", "Mistakes", "Program.cs")).TrimEnd('\n')
            + "\nvar twice = ClovaCodegen.Requests.ChatCompletionRequest.Create(\"HCX-005\").MaxTokens(256).AddFunctionTool(\"get_weather\", \"d\", \"{}\").AddFunctionTool(\"get_weather\", \"d\", \"{}\").Build();\nConsole.WriteLine(twice is null);\n";
        var lines = sample.Split('\n');
        var usings = lines.TakeWhile(l => !l.StartsWith("var ", StringComparison.Ordinal)).ToList();
        var statements = lines.Skip(usings.Count);
        var service = string.Join("\n", usings) + "\ninternal static class Service\n{\n    public static void Run()\n    {\n" + string.Join("\n", statements) + "\n    }\n}\n";

        var parse = new CSharpParseOptions(LanguageVersion.Latest);
        // The generated builders the sample uses (CLOVA011), as the generator would put them in the default namespace.
        var compilation = AnalyzerHarness.Compile("").RemoveAllSyntaxTrees().AddSyntaxTrees(
            CSharpSyntaxTree.ParseText(sample, parse, ProgramPath),
            CSharpSyntaxTree.ParseText(service, parse, ServicePath),
            CSharpSyntaxTree.ParseText(GeneratedBuilderStandIn.InDefaultNamespace, parse, "/project/Generated.cs"));
        compilation = compilation.WithOptions(compilation.Options
            .WithSpecificDiagnosticOptions(compilation.Options.SpecificDiagnosticOptions.SetItems(severities.Compilation))
            .WithSyntaxTreeOptionsProvider(severities));
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));

        var counted = ShippedAnalyzers().Select(a => new CountingAnalyzer(a)).ToList();
        var withAnalyzers = compilation.WithAnalyzers(
            counted.ToImmutableArray<DiagnosticAnalyzer>(),
            new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), (ex, _, _) => throw new Xunit.Sdk.XunitException("Analyzer threw (AD0001): " + ex), concurrentAnalysis: false, logAnalyzerExecutionTime: false));
        return new Run(await withAnalyzers.GetAnalyzerDiagnosticsAsync(), counted);
    }

    private sealed record Run(ImmutableArray<Diagnostic> Diagnostics, List<CountingAnalyzer> Analyzers)
    {
        /// <summary>Callbacks run by the analyzers that can report <paramref name="id"/> (in one file, or in all).</summary>
        public int CallbacksOfAnalyzersFor(string id, string? path = null) => Analyzers
            .Where(a => a.SupportedDiagnostics.Any(d => d.Id == id))
            .Sum(a => path is null ? a.Callbacks.Values.Sum() : a.Callbacks.GetValueOrDefault(path));
    }

    /// <summary>Severities as a ruleset (<see cref="Compilation"/>), a global config and .editorconfig sections give them.</summary>
    private sealed class SeverityOptions : SyntaxTreeOptionsProvider
    {
        public Dictionary<string, ReportDiagnostic> Compilation { get; } = new();

        public Dictionary<string, ReportDiagnostic> Global { get; } = new();

        public Dictionary<(string Path, string Id), ReportDiagnostic> PerFile { get; } = new();

        public override GeneratedKind IsGenerated(SyntaxTree tree, CancellationToken cancellationToken) => GeneratedKind.Unknown;

        public override bool TryGetDiagnosticValue(SyntaxTree tree, string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity) =>
            PerFile.TryGetValue((tree.FilePath, diagnosticId), out severity);

        public override bool TryGetGlobalDiagnosticValue(string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity) =>
            Global.TryGetValue(diagnosticId, out severity);
    }

    // A wrapper, never loaded by a compiler: its inner analyzer carries the attribute and makes the configuration calls.
#pragma warning disable RS1001, RS1012, RS1025, RS1026

    /// <summary>An analyzer as the compiler sees it (same diagnostics, same registrations), counting its operation callbacks per file.</summary>
    private sealed class CountingAnalyzer : DiagnosticAnalyzer
    {
        private readonly DiagnosticAnalyzer _inner;

        public CountingAnalyzer(DiagnosticAnalyzer inner) => _inner = inner;

        public ConcurrentDictionary<string, int> Callbacks { get; } = new();

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => _inner.SupportedDiagnostics;

        public override void Initialize(AnalysisContext context) =>
            _inner.Initialize(InterceptedRegistrations.Forwarding(context, action => operation => { Count(operation); action(operation); }));

        private void Count(OperationAnalysisContext context) => Callbacks.AddOrUpdate(context.Operation.Syntax.SyntaxTree.FilePath, 1, (_, n) => n + 1);
    }
#pragma warning restore RS1001, RS1012, RS1025, RS1026
}
