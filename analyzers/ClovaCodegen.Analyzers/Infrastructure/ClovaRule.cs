using System.Collections.Immutable;
using ClovaCodegen.Spec.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

// The rules are analyzers that no compiler loads: the hosts run them (see ClovaRule below).
[assembly: System.Diagnostics.CodeAnalysis.SuppressMessage("MicrosoftCodeAnalysisCorrectness", "RS1001:Missing diagnostic analyzer attribute",
    Scope = "namespaceanddescendants", Target = "~N:ClovaCodegen.Analyzers.Rules",
    Justification = "A rule is run by its host (Hosts/); marked [DiagnosticAnalyzer] it would be loaded beside the host and report twice.")]

namespace ClovaCodegen.Analyzers.Infrastructure;

/// <summary>
/// One rule (CLOVA00N): its diagnostic and the operation actions it registers for a compilation. The compiler does not
/// load rules one by one: it loads the hosts (<see cref="ClovaRuleHost"/>), each of which runs a group of rules and
/// starts, and calls back, only those that are switched on (see there). A rule is still an analyzer, one that runs alone
/// in a host of its own, so that tests and the benchmark can run or measure a rule by itself; it carries no
/// <c>[DiagnosticAnalyzer]</c>, so a compiler never loads it beside the host that already runs it.
/// </summary>
public abstract class ClovaRule : DiagnosticAnalyzer
{
    protected ClovaRule(DiagnosticDescriptor descriptor)
    {
        Descriptor = descriptor;
        SupportedDiagnostics = ImmutableArray.Create(descriptor);
    }

    /// <summary>The diagnostic this rule reports.</summary>
    public DiagnosticDescriptor Descriptor { get; }

    public sealed override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; }

    /// <summary>The rule alone, exactly as a host runs it.</summary>
    public sealed override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(ClovaRuleHost.GeneratedCodeAnalysis);
        context.EnableConcurrentExecution();
        ClovaRuleHost.RegisterRules(context, ImmutableArray.Create(this));
    }

    /// <summary>Registers the rule's operation actions for a compilation that has a valid spec.</summary>
    internal abstract void OnCompilationStart(RuleRegistration context, CompatSpec spec, KnownTypes types);
}
