using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ClovaCodegen.Analyzers.Infrastructure;

/// <summary>
/// Collects the operation actions of a host's rules for one compilation, each under the rule that registered it, so that
/// the host can hand the compiler one callback per operation kind and run, per operation, the actions of the rules that
/// are on in its file (a rule may register several actions for the same kind; what they share about an operation is in
/// <see cref="OperationFacts"/>).
/// </summary>
internal sealed class RuleRegistration
{
    private readonly Dictionary<OperationKind, List<RuleAction>> _actions = new();
    private int _rule;

    /// <summary>The actions registered, by operation kind, in the order they were registered.</summary>
    public IEnumerable<KeyValuePair<OperationKind, List<RuleAction>>> ByKind => _actions;

    /// <summary>Lets <paramref name="rule"/> register its actions, under its position in the host (<paramref name="index"/>).</summary>
    public void Start(ClovaRule rule, int index, ClovaCodegen.Spec.Model.CompatSpec spec, KnownTypes types)
    {
        _rule = index;
        rule.OnCompilationStart(this, spec, types);
    }

    public void RegisterOperationAction(Action<OperationAnalysisContext> action, params OperationKind[] kinds)
    {
        foreach (var kind in kinds)
        {
            if (!_actions.TryGetValue(kind, out var list))
            {
                _actions[kind] = list = new List<RuleAction>();
            }

            list.Add(new RuleAction(_rule, action));
        }
    }

    /// <summary>
    /// What a rule registers, kind by kind, when it starts alone on a registration of its own (tests wrap a rule's
    /// actions this way to count them).
    /// </summary>
    public IEnumerable<(OperationKind Kind, Action<OperationAnalysisContext> Action)> Registered()
    {
        foreach (var pair in _actions)
        {
            foreach (var action in pair.Value)
            {
                yield return (pair.Key, action.Action);
            }
        }
    }
}

/// <summary>An operation action and the rule (its position in the host) that registered it.</summary>
internal readonly struct RuleAction
{
    public RuleAction(int rule, Action<OperationAnalysisContext> action)
    {
        Rule = rule;
        Action = action;
    }

    public int Rule { get; }

    public Action<OperationAnalysisContext> Action { get; }
}
