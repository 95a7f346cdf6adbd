using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using ClovaCodegen.Testing;

namespace ClovaCodegen.Analyzers.Benchmarks;

/// <summary>
/// Analyzers' operation callbacks called directly on the synthetic project's bound operations, on one thread, with
/// no driver and no compiler binding beside them: what the rules themselves cost, apart from the driver's dispatch and the
/// collections and machine noise the telemetry's stopwatch also catches. The operations are visited file after file but
/// not right after the driver made them, so memory is colder than in a build: read it as where the rules spend, not as
/// what a build pays.
/// </summary>
public sealed class RuleCallbacks
{
    private readonly Compilation _compilation;
    private readonly ImmutableArray<DiagnosticAnalyzer> _analyzers;
    private readonly AnalyzerOptions _options;
    private readonly List<(IOperation Operation, ISymbol Container)> _operations;
    private readonly List<(OperationAnalysisContext Context, Action<OperationAnalysisContext>[] Actions)> _calls = new();
    private int _reported;

    public RuleCallbacks(Compilation compilation, IEnumerable<DiagnosticAnalyzer> analyzers, AnalyzerOptions options)
    {
        _compilation = compilation;
        _analyzers = analyzers.ToImmutableArray();
        _options = options;
        _operations = BoundOperations(compilation);
        Restart();
    }

    /// <summary>Other analyzers over the same bound operations (bound once, so both see the same objects).</summary>
    public RuleCallbacks(RuleCallbacks sameOperations, IEnumerable<DiagnosticAnalyzer> analyzers)
    {
        _compilation = sameOperations._compilation;
        _analyzers = analyzers.ToImmutableArray();
        _options = sameOperations._options;
        _operations = sameOperations._operations;
        Restart();
    }

    /// <summary>
    /// Runs the analyzers' compilation start again: what each rule remembers per compilation is forgotten (the facts all
    /// rules share per compilation, <c>CompilationFacts</c>, are kept: the same compilation gets the same ones).
    /// </summary>
    public void Restart()
    {
        var host = InterceptedRegistrations.Capturing();
        foreach (var analyzer in _analyzers)
        {
            analyzer.Initialize(host);
        }

        var start = new CapturedStart(_compilation, _options);
        foreach (var action in host.StartActions)
        {
            action(start);
        }

        // Which actions each operation gets, and its context, are made here, so that a run is the callbacks and nothing else.
        // (The public constructor is obsolete for analyzers' own use, CompilationWithAnalyzers makes contexts; a harness
        // without the driver is the one place that needs it.)
        Action<Diagnostic> report = _ => _reported++;
        Func<Diagnostic, bool> supported = _ => true;
        var byKind = start.OperationActions.SelectMany(a => a.Kinds.Select(kind => (Kind: kind, a.Action)))
            .GroupBy(a => a.Kind).ToDictionary(g => g.Key, g => g.Select(a => a.Action).ToArray());
        _calls.Clear();
        foreach (var (operation, container) in _operations)
        {
            if (byKind.TryGetValue(operation.Kind, out var actions))
            {
#pragma warning disable CS0618
                _calls.Add((new OperationAnalysisContext(operation, container, _compilation, _options, report, supported, CancellationToken.None), actions));
#pragma warning restore CS0618
            }
        }
    }

    /// <summary>Calls every registered action on every operation of its kinds; returns the number of diagnostics reported.</summary>
    public int Run()
    {
        _reported = 0;
        foreach (var (context, actions) in _calls)
        {
            foreach (var action in actions)
            {
                action(context);
            }
        }

        return _reported;
    }

    /// <summary>
    /// Every operation of every method and constructor body and field initializer, bound once up front as the driver has
    /// them (the synthetic project has no property accessors or initializers, so they are not looked for).
    /// </summary>
    private static List<(IOperation, ISymbol)> BoundOperations(Compilation compilation)
    {
        var operations = new List<(IOperation, ISymbol)>();
        foreach (var tree in compilation.SyntaxTrees)
        {
            var model = compilation.GetSemanticModel(tree);
            foreach (var node in tree.GetRoot().DescendantNodes())
            {
                SyntaxNode? body = node switch
                {
                    BaseMethodDeclarationSyntax method => (SyntaxNode?)method.Body ?? method.ExpressionBody,
                    VariableDeclaratorSyntax { Initializer: { } initializer, Parent.Parent: FieldDeclarationSyntax } => initializer,
                    _ => null,
                };
                if (body is null || model.GetOperation(body) is not { } root)
                {
                    continue;
                }

                var container = model.GetDeclaredSymbol(node)!;
                if (node is BaseMethodDeclarationSyntax { Body: not null } && root.Parent is { } parent)
                {
                    root = parent;
                }

                foreach (var operation in root.DescendantsAndSelf())
                {
                    operations.Add((operation, container));
                }
            }
        }

        return operations;
    }
}
