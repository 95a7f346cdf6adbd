using System;
using System.Collections.Generic;
using System.Linq;
using ClovaCodegen.Spec.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ClovaCodegen.Analyzers.Infrastructure;

/// <summary>
/// One rule (CLOVA00N): its descriptor and what it registers per compilation. Rules are not analyzers of their own:
/// <see cref="ClovaAnalyzer"/> hosts them all, so the compiler calls back once per operation instead of once per rule.
/// </summary>
public abstract class ClovaRule
{
    protected ClovaRule(DiagnosticDescriptor descriptor) => Descriptor = descriptor;

    /// <summary>The diagnostic this rule reports.</summary>
    public DiagnosticDescriptor Descriptor { get; }

    /// <summary>Registers the rule's operation actions for a compilation that has a valid spec.</summary>
    internal abstract void OnCompilationStart(RuleRegistration context, CompatSpec spec, KnownTypes types);
}

/// <summary>
/// Collects the rules' operation actions for one compilation and hands the compiler one dispatcher per operation kind.
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

    /// <summary>Registers one callback per operation kind that runs the rules' actions for that kind in turn.</summary>
    public void RegisterWith(CompilationStartAnalysisContext context)
    {
        foreach (var pair in _actions)
        {
            var actions = pair.Value.ToArray();
            context.RegisterOperationAction(
                actions.Length == 1 ? actions[0] : operation =>
                {
                    DispatchFacts.Begin(operation.Operation);
                    try
                    {
                        foreach (var action in actions)
                        {
                            action(operation);
                        }
                    }
                    finally
                    {
                        DispatchFacts.End();
                    }
                },
                pair.Key);
        }
    }
}
