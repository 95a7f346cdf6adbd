using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using ClovaCodegen.Spec.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ClovaCodegen.Analyzers.Infrastructure;

/// <summary>
/// One rule (CLOVA00N), and the analyzer the compiler loads for it: each rule is a <see cref="DiagnosticAnalyzer"/> of its
/// own that supports only its own diagnostic, so whatever switches the rule off switches its analysis off too. The compiler
/// does not start an analyzer whose diagnostics are all off for the compilation (a global config's
/// <c>dotnet_diagnostic.CLOVA00N.severity = none</c>, a ruleset, <c>NoWarn</c>), calls it back on no file where they are
/// off (an .editorconfig section, for some files or all), and skips analyzers that report only Info in command-line
/// builds, where Info is not shown (CLOVA008 unless raised). The spec and the SDK types are read once per compilation for all rules (<see cref="CompilationFacts"/>).
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

    public sealed override void Initialize(AnalysisContext context)
    {
        // Generated code is not analyzed (the driver skips generated files and [GeneratedCode] members), so whatever the
        // rules report lies in hand-written code. ReportDiagnostics says so: without it the driver scans each file that
        // gets a diagnostic for [GeneratedCode] attributes once more, which costs more than all rules' analysis of it.
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            if (CompilationFacts.For(start.Compilation, start.Options, start.CancellationToken) is not { } facts)
            {
                return;
            }

            var registration = new RuleRegistration();
            OnCompilationStart(registration, facts.Spec, facts.Types);
            registration.RegisterWith(start);
        });
    }

    /// <summary>Registers the rule's operation actions for a compilation that has a valid spec.</summary>
    internal abstract void OnCompilationStart(RuleRegistration context, CompatSpec spec, KnownTypes types);
}

/// <summary>
/// Collects a rule's operation actions for one compilation and hands the compiler one callback per operation kind (a rule
/// may register several actions for the same kind; what they share about an operation is in <see cref="OperationFacts"/>).
/// </summary>
internal sealed class RuleRegistration
{
    private readonly Dictionary<OperationKind, List<Action<OperationAnalysisContext>>> _actions = new();

    public void RegisterOperationAction(Action<OperationAnalysisContext> action, params OperationKind[] kinds)
    {
        foreach (var kind in kinds)
        {
            if (!_actions.TryGetValue(kind, out var list))
            {
                _actions[kind] = list = new List<Action<OperationAnalysisContext>>();
            }

            list.Add(action);
        }
    }

    /// <summary>Registers one callback per operation kind that runs the rule's actions for that kind in turn.</summary>
    public void RegisterWith(CompilationStartAnalysisContext context)
    {
        foreach (var pair in _actions)
        {
            var actions = pair.Value.ToArray();
            context.RegisterOperationAction(
                actions.Length == 1 ? actions[0] : operation =>
                {
                    foreach (var action in actions)
                    {
                        action(operation);
                    }
                },
                pair.Key);
        }
    }
}
