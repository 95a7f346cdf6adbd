using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ClovaCodegen.Analyzers.Infrastructure;

/// <summary>
/// An analyzer the compiler loads that runs a group of rules. Each callback of the compiler costs its dispatch (a
/// context, checks, timing, exception handling), so a few hosts that each take one callback per operation kind and hand
/// the operation to their rules cost less than an analyzer per rule called back once per rule. Switching a rule off still
/// switches its cost off: per compilation the host works out which of its rules are on, and where
/// (<see cref="RuleSwitches"/>); a rule off for the compilation is not started, and a rule off in a file runs none of its
/// actions on that file's operations. The compiler's own skipping still applies to a host as a whole: it does not start
/// a host whose diagnostics are all off, calls it back in no file where they all are, and in command-line builds does
/// not run a host whose diagnostics are all Info or Hidden, which a build does not show. That is why the rules are grouped
/// by default severity (<see cref="Hosts.WarningRuleHost"/>, <see cref="Hosts.InfoRuleHost"/>): CLOVA008 (Info) costs
/// <c>dotnet build</c> nothing unless it is raised. The spec and the SDK types are read once per compilation for all
/// hosts (<see cref="CompilationFacts"/>).
/// </summary>
public abstract class ClovaRuleHost : DiagnosticAnalyzer
{
    protected ClovaRuleHost(IEnumerable<ClovaRule> rules)
    {
        Rules = rules.ToImmutableArray();
        if (Rules.Length > RuleSwitches.MaxRules)
        {
            throw new ArgumentException($"A host runs at most {RuleSwitches.MaxRules} rules; this one was given {Rules.Length}.", nameof(rules));
        }

        SupportedDiagnostics = Rules.Select(rule => rule.Descriptor).ToImmutableArray();
    }

    /// <summary>The rules this host runs.</summary>
    public ImmutableArray<ClovaRule> Rules { get; }

    public sealed override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; }

    /// <summary>
    /// Generated code is not analyzed (the driver skips generated files and [GeneratedCode] members), so whatever the rules
    /// report lies in hand-written code. ReportDiagnostics says so: without it the driver scans each file that gets a
    /// diagnostic for [GeneratedCode] attributes once more, which costs more than all rules' analysis of it.
    /// </summary>
    internal const GeneratedCodeAnalysisFlags GeneratedCodeAnalysis = GeneratedCodeAnalysisFlags.ReportDiagnostics;

    public sealed override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysis);
        context.EnableConcurrentExecution();
        RegisterRules(context, Rules);
    }

    /// <summary>Runs <paramref name="rules"/> as one analyzer (a host, or a rule alone).</summary>
    internal static void RegisterRules(AnalysisContext context, ImmutableArray<ClovaRule> rules)
    {
        context.RegisterCompilationStartAction(start =>
        {
            var switches = RuleSwitches.For(start.Compilation, rules, start.CancellationToken);
            if (switches.Started == 0 || CompilationFacts.For(start.Compilation, start.Options, start.CancellationToken) is not { } facts)
            {
                return;
            }

            var registration = new RuleRegistration();
            for (var i = 0; i < rules.Length; i++)
            {
                if ((switches.Started & RuleSwitches.Bit(i)) != 0)
                {
                    registration.Start(rules[i], i, facts.Spec, facts.Types);
                }
            }

            foreach (var pair in registration.ByKind)
            {
                start.RegisterOperationAction(new Dispatch(rules, pair.Value.ToArray(), switches).Run, pair.Key);
            }
        });
    }

    /// <summary>The one callback for an operation kind: the actions, in the order registered, of the rules on in the operation's file.</summary>
    private sealed class Dispatch
    {
        private readonly ImmutableArray<ClovaRule> _rules;
        private readonly RuleAction[] _actions;
        private readonly RuleSwitches _switches;

        public Dispatch(ImmutableArray<ClovaRule> rules, RuleAction[] actions, RuleSwitches switches)
        {
            _rules = rules;
            _actions = actions;
            _switches = switches;
        }

        public void Run(OperationAnalysisContext context)
        {
            var on = _switches.RulesOn(context.Operation);
            Exception? failure = null;
            DispatchedOperation.Enter(context.Operation);
            try
            {
                RunActions(context, on, ref failure);
            }
            finally
            {
                DispatchedOperation.Leave();
            }

            if (failure is not null)
            {
                throw failure;
            }
        }

        private void RunActions(OperationAnalysisContext context, ulong on, ref Exception? failure)
        {
            foreach (var action in _actions)
            {
                if ((on & RuleSwitches.Bit(action.Rule)) == 0)
                {
                    continue;
                }

                // One rule's bug does not keep the others from the operation; the compiler reports it (AD0001) once they ran.
                try
                {
                    action.Action(context);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    var rule = _rules[action.Rule];
                    failure ??= new InvalidOperationException($"{rule.Descriptor.Id} ({rule.GetType().Name}) threw {exception.GetType().Name}: {exception.Message}", exception);
                }
            }
        }
    }
}
