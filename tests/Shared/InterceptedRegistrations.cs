using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ClovaCodegen.Testing;

// RS1012: these contexts pass registrations on; the analyzer behind them registers its actions on the contexts given.
#pragma warning disable RS1012

/// <summary>
/// What an analyzer registers, seen from outside: the registrations ClovaCodegen's rules make (a compilation start action,
/// operation actions, the two configuration calls) either passed on to a real context with every operation action
/// wrapped (<see cref="Forwarding"/>: the compiler runs the analyzer, the wrapper counts its callbacks), or kept to be
/// called directly (<see cref="Capturing"/>: no driver at all). Any other registration is refused, so a rule that starts
/// registering something else is noticed here. The analyzer tests (which callbacks a switched-off rule gets) and the
/// analyzer benchmark (the rules' callbacks alone) share it.
/// </summary>
internal sealed class InterceptedRegistrations : AnalysisContext
{
    private readonly AnalysisContext? _inner;
    private readonly Func<Action<OperationAnalysisContext>, Action<OperationAnalysisContext>> _wrap;

    private InterceptedRegistrations(AnalysisContext? inner, Func<Action<OperationAnalysisContext>, Action<OperationAnalysisContext>> wrap)
    {
        _inner = inner;
        _wrap = wrap;
    }

    /// <summary>Compilation start actions kept by <see cref="Capturing"/> (run them with a <see cref="CapturedStart"/>).</summary>
    public List<Action<CompilationStartAnalysisContext>> StartActions { get; } = new();

    /// <summary>Passes every registration on to <paramref name="inner"/>, each operation action through <paramref name="wrap"/>.</summary>
    public static InterceptedRegistrations Forwarding(AnalysisContext inner, Func<Action<OperationAnalysisContext>, Action<OperationAnalysisContext>> wrap) => new(inner, wrap);

    /// <summary>Keeps the compilation start actions, passes nothing on.</summary>
    public static InterceptedRegistrations Capturing() => new(null, action => action);

    public override void RegisterCompilationStartAction(Action<CompilationStartAnalysisContext> action)
    {
        if (_inner is null)
        {
            StartActions.Add(action);
        }
        else
        {
            _inner.RegisterCompilationStartAction(start => action(new CapturedStart(start, _wrap)));
        }
    }

    public override void EnableConcurrentExecution() => _inner?.EnableConcurrentExecution();

    public override void ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags analysisMode) => _inner?.ConfigureGeneratedCodeAnalysis(analysisMode);

    public override void RegisterOperationAction(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> operationKinds)
    {
        if (_inner is null)
        {
            throw new NotSupportedException("Operation actions outside a compilation start are not captured.");
        }

        _inner.RegisterOperationAction(_wrap(action), operationKinds);
    }

    public override void RegisterCompilationAction(Action<CompilationAnalysisContext> action) => throw new NotSupportedException();
    public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) => throw new NotSupportedException();
    public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds) => throw new NotSupportedException();
    public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) => throw new NotSupportedException();
    public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) => throw new NotSupportedException();
    public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) => throw new NotSupportedException();
    public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds) => throw new NotSupportedException();
}

/// <summary>
/// A compilation start as a rule sees it: its operation actions passed on to the compiler's start context (wrapped), or,
/// with no start context, kept in <see cref="OperationActions"/> to be called directly.
/// </summary>
internal sealed class CapturedStart : CompilationStartAnalysisContext
{
    private readonly CompilationStartAnalysisContext? _inner;
    private readonly Func<Action<OperationAnalysisContext>, Action<OperationAnalysisContext>> _wrap;

    /// <summary>Keeps the operation actions registered on <paramref name="compilation"/>.</summary>
    public CapturedStart(Compilation compilation, AnalyzerOptions options)
        : base(compilation, options, System.Threading.CancellationToken.None)
    {
        _wrap = action => action;
    }

    internal CapturedStart(CompilationStartAnalysisContext inner, Func<Action<OperationAnalysisContext>, Action<OperationAnalysisContext>> wrap)
        : base(inner.Compilation, inner.Options, inner.CancellationToken)
    {
        _inner = inner;
        _wrap = wrap;
    }

    public List<(Action<OperationAnalysisContext> Action, ImmutableArray<OperationKind> Kinds)> OperationActions { get; } = new();

    public override void RegisterOperationAction(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> operationKinds)
    {
        if (_inner is null)
        {
            OperationActions.Add((action, operationKinds));
        }
        else
        {
            _inner.RegisterOperationAction(_wrap(action), operationKinds);
        }
    }

    public override void RegisterCompilationEndAction(Action<CompilationAnalysisContext> action) => throw new NotSupportedException();
    public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) => throw new NotSupportedException();
    public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds) => throw new NotSupportedException();
    public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) => throw new NotSupportedException();
    public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) => throw new NotSupportedException();
    public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) => throw new NotSupportedException();
    public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds) => throw new NotSupportedException();
}
#pragma warning restore RS1012
