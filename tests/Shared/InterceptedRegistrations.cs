using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ClovaCodegen.Testing;

// RS1012: these contexts keep registrations; the analyzer behind them registers its actions on the contexts given.
#pragma warning disable RS1012

/// <summary>
/// What an analyzer registers, seen from outside: the registrations ClovaCodegen's rule hosts make (a compilation start
/// action, operation actions, the two configuration calls), kept to be called directly with no driver at all (the
/// analyzer benchmark's <c>RuleCallbacks</c>: the rules' callbacks alone). Any other registration is refused, so a host
/// that starts registering something else is noticed here.
/// </summary>
internal sealed class InterceptedRegistrations : AnalysisContext
{
    private InterceptedRegistrations()
    {
    }

    /// <summary>Compilation start actions kept (run them with a <see cref="CapturedStart"/>).</summary>
    public List<Action<CompilationStartAnalysisContext>> StartActions { get; } = new();

    /// <summary>Keeps the compilation start actions, passes nothing on.</summary>
    public static InterceptedRegistrations Capturing() => new();

    public override void RegisterCompilationStartAction(Action<CompilationStartAnalysisContext> action) => StartActions.Add(action);

    public override void EnableConcurrentExecution()
    {
    }

    public override void ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags analysisMode)
    {
    }

    public override void RegisterOperationAction(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> operationKinds) =>
        throw new NotSupportedException("Operation actions outside a compilation start are not captured.");

    public override void RegisterCompilationAction(Action<CompilationAnalysisContext> action) => throw new NotSupportedException();
    public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) => throw new NotSupportedException();
    public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds) => throw new NotSupportedException();
    public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) => throw new NotSupportedException();
    public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) => throw new NotSupportedException();
    public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) => throw new NotSupportedException();
    public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds) => throw new NotSupportedException();
}

/// <summary>A compilation start as a host sees it, its operation actions kept in <see cref="OperationActions"/> to be called directly.</summary>
internal sealed class CapturedStart : CompilationStartAnalysisContext
{
    /// <summary>Keeps the operation actions registered on <paramref name="compilation"/>.</summary>
    public CapturedStart(Compilation compilation, AnalyzerOptions options)
        : base(compilation, options, System.Threading.CancellationToken.None)
    {
    }

    public List<(Action<OperationAnalysisContext> Action, ImmutableArray<OperationKind> Kinds)> OperationActions { get; } = new();

    public override void RegisterOperationAction(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> operationKinds) =>
        OperationActions.Add((action, operationKinds));

    public override void RegisterCompilationEndAction(Action<CompilationAnalysisContext> action) => throw new NotSupportedException();
    public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) => throw new NotSupportedException();
    public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds) => throw new NotSupportedException();
    public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) => throw new NotSupportedException();
    public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) => throw new NotSupportedException();
    public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) => throw new NotSupportedException();
    public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds) => throw new NotSupportedException();
}
#pragma warning restore RS1012
