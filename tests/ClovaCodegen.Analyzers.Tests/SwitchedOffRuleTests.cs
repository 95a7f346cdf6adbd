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
using ClovaCodegen.Analyzers.Infrastructure;
using ClovaCodegen.Spec.Model;
using Xunit;

namespace ClovaCodegen.Analyzers.Tests;

/// <summary>
/// A rule that is switched off costs nothing: its host does not start it where it is off for the compilation (ruleset or
/// <c>NoWarn</c>, a global analyzer config) and runs none of its actions in a file where it is off (an <c>.editorconfig</c>
/// section, for all files or for some), while the other rules of the same host run and report. The rules run here all in
/// one host, each wrapped so that its own actions are counted per file (and its starts): a rule in a host of its own would
/// be skipped by the compiler, which proves nothing about the host; one host of every rule proves the host's own
/// switching for each rule, whatever the shipped grouping.
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
    public async Task A_rule_switched_off_for_the_project_runs_none_of_its_actions(string id, string way)
    {
        var on = await RunAsync(new SeverityOptions());
        Assert.Contains(on.Diagnostics, d => d.Id == id);
        Assert.True(on.Rule(id).ActionsRun() > 0, $"{id} ran no action with it on: nothing to compare");

        var options = way switch
        {
            "ruleset" => new SeverityOptions { Compilation = { [id] = ReportDiagnostic.Suppress } },
            "global config" => new SeverityOptions { Global = { [id] = ReportDiagnostic.Suppress } },
            _ => new SeverityOptions { PerFile = { [(ProgramPath, id)] = ReportDiagnostic.Suppress, [(ServicePath, id)] = ReportDiagnostic.Suppress } },
        };
        var off = await RunAsync(options);

        Assert.DoesNotContain(off.Diagnostics, d => d.Id == id);
        Assert.Equal(0, off.Rule(id).ActionsRun());
        if (way != "editorconfig")
        {
            // Off for the whole compilation: not even started (an .editorconfig section leaves the generated file on).
            Assert.Equal(0, off.Rule(id).Starts);
        }

        Assert.Contains(off.Diagnostics, d => d.Id != id && d.Id.StartsWith("CLOVA", StringComparison.Ordinal));
        Assert.All(off.Rules.Where(r => r.Descriptor.Id != id), r => Assert.True(r.ActionsRun() > 0, $"{r.Descriptor.Id} ran no action beside {id} switched off"));
    }

    [Theory]
    [MemberData(nameof(Rules))]
    public async Task A_rule_switched_off_for_one_file_runs_none_of_its_actions_there(string id)
    {
        // Concurrently, as a build runs analyzers: the files' switches are worked out on whichever thread gets there first.
        var run = await RunAsync(new SeverityOptions { PerFile = { [(ProgramPath, id)] = ReportDiagnostic.Suppress } }, concurrent: true);

        Assert.DoesNotContain(run.Diagnostics, d => d.Id == id && d.Location.SourceTree!.FilePath == ProgramPath);
        Assert.Contains(run.Diagnostics, d => d.Id == id && d.Location.SourceTree!.FilePath == ServicePath);
        Assert.Equal(0, run.Rule(id).ActionsRun(ProgramPath));
        Assert.True(run.Rule(id).ActionsRun(ServicePath) > 0);
        Assert.Contains(run.Diagnostics, d => d.Id != id && d.Id.StartsWith("CLOVA", StringComparison.Ordinal) && d.Location.SourceTree!.FilePath == ProgramPath);
    }

    /// <summary>An .editorconfig section wins over the global config: a rule off for the project but on in one file runs there, and only there.</summary>
    [Theory]
    [MemberData(nameof(Rules))]
    public async Task A_rule_switched_off_for_the_project_but_on_in_one_file_runs_only_there(string id)
    {
        var run = await RunAsync(new SeverityOptions { Global = { [id] = ReportDiagnostic.Suppress }, PerFile = { [(ServicePath, id)] = ReportDiagnostic.Warn } });

        Assert.DoesNotContain(run.Diagnostics, d => d.Id == id && d.Location.SourceTree!.FilePath != ServicePath);
        Assert.Contains(run.Diagnostics, d => d.Id == id && d.Location.SourceTree!.FilePath == ServicePath);
        Assert.Equal(0, run.Rule(id).ActionsRun(ProgramPath));
        Assert.True(run.Rule(id).ActionsRun(ServicePath) > 0);
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

    /// <summary>
    /// The compiler loads the hosts, and each rule runs in exactly one of them, the one of its default severity (a rule in
    /// two hosts would report twice; a rule class marked <c>[DiagnosticAnalyzer]</c> would be loaded beside its host).
    /// </summary>
    [Fact]
    public void Every_rule_runs_in_exactly_one_shipped_host_the_one_of_its_default_severity()
    {
        var hosts = ShippedAnalyzers();
        Assert.All(hosts, host => Assert.IsAssignableFrom<ClovaRuleHost>(host));
        Assert.Equal(
            ClovaRules.CreateAll().Select(rule => rule.Descriptor.Id).OrderBy(id => id),
            hosts.SelectMany(host => host.SupportedDiagnostics).Select(d => d.Id).OrderBy(id => id));
        Assert.All(hosts, host => Assert.Single(host.SupportedDiagnostics.Select(d => d.DefaultSeverity >= DiagnosticSeverity.Warning).Distinct()));
        Assert.Equal(hosts.Select(h => h.GetType()).OrderBy(t => t.Name), AnalyzerHarness.AllAnalyzers.Select(a => a.GetType()).OrderBy(t => t.Name));
    }

    private static IEnumerable<string> RuleIds() => ShippedAnalyzers().SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).Distinct().OrderBy(id => id);

    /// <summary>What the compiler loads from the analyzer assembly: every concrete type marked [DiagnosticAnalyzer].</summary>
    private static ImmutableArray<DiagnosticAnalyzer> ShippedAnalyzers() => typeof(DiagnosticDescriptors).Assembly.GetTypes()
        .Where(t => !t.IsAbstract && t.GetCustomAttributes(typeof(DiagnosticAnalyzerAttribute), inherit: false).Length > 0)
        .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
        .ToImmutableArray();

    /// <summary>
    /// Two files with every rule's mistake: the Mistakes sample (top-level statements) and the same code in a method, with
    /// the generated builders the sample uses (CLOVA011) as the generator would put them in the default namespace.
    /// </summary>
    internal static CSharpCompilation MistakesOfEveryRule()
    {
        // CLOVA012's mistake is added here rather than kept in samples/Mistakes: a clash of two raw AddFunctionTool names
        // has no fix, and dotnet format's run over the sample (DotnetFormatTests) must leave no rule behind.
        var sample = File.ReadAllText(Path.Combine(Paths.Root, "samples", "Mistakes", "Program.cs")).TrimEnd('\n')
            + "\nvar twice = ClovaCodegen.Requests.ChatCompletionRequest.Create(\"HCX-005\").MaxTokens(256).AddFunctionTool(\"get_weather\", \"d\", \"{}\").AddFunctionTool(\"get_weather\", \"d\", \"{}\").Build();\nConsole.WriteLine(twice is null);\n";
        var lines = sample.Split('\n');
        var usings = lines.TakeWhile(l => !l.StartsWith("var ", StringComparison.Ordinal)).ToList();
        var statements = lines.Skip(usings.Count);
        var service = string.Join("\n", usings) + "\ninternal static class Service\n{\n    public static void Run()\n    {\n" + string.Join("\n", statements) + "\n    }\n}\n";

        var parse = new CSharpParseOptions(LanguageVersion.Latest);
        return AnalyzerHarness.Compile("").RemoveAllSyntaxTrees().AddSyntaxTrees(
            CSharpSyntaxTree.ParseText(sample, parse, ProgramPath),
            CSharpSyntaxTree.ParseText(service, parse, ServicePath),
            CSharpSyntaxTree.ParseText(GeneratedBuilderStandIn.InDefaultNamespace, parse, "/project/Generated.cs"));
    }

    private static async Task<Run> RunAsync(SeverityOptions severities, bool concurrent = false)
    {
        var compilation = MistakesOfEveryRule();
        compilation = compilation.WithOptions(compilation.Options
            .WithSpecificDiagnosticOptions(compilation.Options.SpecificDiagnosticOptions.SetItems(severities.Compilation))
            .WithSyntaxTreeOptionsProvider(severities));
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        var counted = ClovaRules.CreateAll().Select(rule => new CountedRule(rule)).ToList();
        var withAnalyzers = compilation.WithAnalyzers(
            ImmutableArray.Create<DiagnosticAnalyzer>(new OneHost(counted)),
            new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), (ex, _, _) => throw new Xunit.Sdk.XunitException("Analyzer threw (AD0001): " + ex), concurrentAnalysis: concurrent, logAnalyzerExecutionTime: false));
        return new Run(await withAnalyzers.GetAnalyzerDiagnosticsAsync(), counted);
    }

    private sealed record Run(ImmutableArray<Diagnostic> Diagnostics, List<CountedRule> Rules)
    {
        public CountedRule Rule(string id) => Rules.Single(r => r.Descriptor.Id == id);
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

    // Never loaded by a compiler: the host and the wrapped rules are made here, and the host makes the configuration calls.
#pragma warning disable RS1001, RS1012, RS1025, RS1026

    /// <summary>Every rule in one host, which runs them as the shipped hosts do (the same base class, the same code).</summary>
    private sealed class OneHost : ClovaRuleHost
    {
        public OneHost(IEnumerable<ClovaRule> rules)
            : base(rules)
        {
        }
    }

    /// <summary>A rule as its host sees it (same diagnostic, same actions), counting its starts and its actions run per file.</summary>
    private sealed class CountedRule : ClovaRule
    {
        private readonly ClovaRule _inner;
        private int _starts;

        public CountedRule(ClovaRule inner)
            : base(inner.Descriptor) => _inner = inner;

        public int Starts => _starts;

        private ConcurrentDictionary<string, int> Actions { get; } = new();

        /// <summary>Actions of this rule run in one file, or in all.</summary>
        public int ActionsRun(string? path = null) => path is null ? Actions.Values.Sum() : Actions.GetValueOrDefault(path);

        internal override void OnCompilationStart(RuleRegistration context, CompatSpec spec, KnownTypes types)
        {
            Interlocked.Increment(ref _starts);
            var own = new RuleRegistration();
            _inner.OnCompilationStart(own, spec, types);
            foreach (var (kind, action) in own.Registered())
            {
                context.RegisterOperationAction(operation => { Count(operation); action(operation); }, kind);
            }
        }

        private void Count(OperationAnalysisContext context) => Actions.AddOrUpdate(context.Operation.Syntax.SyntaxTree.FilePath, 1, (_, n) => n + 1);
    }
#pragma warning restore RS1001, RS1012, RS1025, RS1026
}
