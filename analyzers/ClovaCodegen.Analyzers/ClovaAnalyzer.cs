using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using ClovaCodegen.Analyzers.Infrastructure;
using ClovaCodegen.Analyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ClovaCodegen.Analyzers;

/// <summary>
/// The analyzer the compiler loads: it reads the spec and looks up well-known types once per compilation, lets every rule
/// under <c>Rules/</c> register, and runs them from one callback per operation kind. Nine analyzers of their own cost the
/// compiler nine callbacks for every invocation, literal and assignment in the project; one host costs one.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ClovaAnalyzer : DiagnosticAnalyzer
{
    private readonly ImmutableArray<ClovaRule> _rules;

    public ClovaAnalyzer()
        : this(CreateRules())
    {
    }

    /// <summary>A host for some rules only (benchmarks measure each rule alone this way).</summary>
    public ClovaAnalyzer(IEnumerable<ClovaRule> rules)
    {
        _rules = rules.ToImmutableArray();
        SupportedDiagnostics = _rules.Select(r => r.Descriptor).ToImmutableArray();
    }

    /// <summary>One instance of every rule, in rule-ID order.</summary>
    public static ImmutableArray<ClovaRule> CreateRules() => ImmutableArray.Create<ClovaRule>(
        new UnsupportedFieldAnalyzer(),
        new EmbeddingEncodingAnalyzer(),
        new BaseUrlAnalyzer(),
        new UnknownModelAnalyzer(),
        new NativeFieldNameAnalyzer(),
        new ValueRangeAnalyzer(),
        new HardcodedApiKeyAnalyzer(),
        new MissingMaxTokensAnalyzer(),
        new DroppedOptionAnalyzer());

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; }

    public override void Initialize(AnalysisContext context)
    {
        // Generated code is not analyzed (the driver skips generated files and [GeneratedCode] members), so whatever the
        // rules report lies in hand-written code. ReportDiagnostics says so: without it the driver scans each file that
        // gets a diagnostic for [GeneratedCode] attributes once more, which costs more than all rules' analysis of it.
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            var spec = SpecProvider.Read(start.Options, start.CancellationToken);
            if (spec is null)
            {
                return;
            }

            var types = new KnownTypes(start.Compilation, new AnalysisScope(start.Options, spec));
            var registration = new RuleRegistration();
            foreach (var rule in _rules)
            {
                rule.OnCompilationStart(registration, spec, types);
            }

            registration.RegisterWith(start);
        });
    }
}
