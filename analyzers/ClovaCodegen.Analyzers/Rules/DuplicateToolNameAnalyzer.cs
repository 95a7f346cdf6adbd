using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text.RegularExpressions;
using ClovaCodegen.Analyzers.Infrastructure;
using ClovaCodegen.Spec;
using ClovaCodegen.Spec.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace ClovaCodegen.Analyzers.Rules;

/// <summary>
/// CLOVA012: tools of one name brought together where the sets are known: <c>ClovaToolSet.Combine(A.All, B.All)</c> and
/// <c>new ClovaToolSet(...)</c> (which throw <see cref="ArgumentException"/> for it at run time), and one fluent chain of a
/// generated chat builder (<c>.AddTools(A.All).AddTool(B.GetWeatherTool)</c>, <c>AddFunctionTool("name", ...)</c>), whose
/// request would offer the model two tools it cannot tell apart. The generator's <c>A.All</c> and <c>A.XTool</c> are read
/// from the <c>[ClovaTool]</c> methods of <c>A</c> with the generator's own naming (<see cref="ToolNaming"/>); any other
/// expression is not guessed at. Two classes whose tools share a name are not a problem until they meet here, so the
/// generator, which sees every class but not how they are used, does not report it.
/// </summary>
public sealed class DuplicateToolNameAnalyzer : ClovaRule
{
    /// <summary>Diagnostic property: the documentation ID of the method whose tool the fix renames (the later one).</summary>
    public const string MethodProperty = "Method";

    /// <summary>Diagnostic property: the name the fix gives it (absent when no name made from its class fits the spec's rule).</summary>
    public const string NewNameProperty = "NewName";

    public DuplicateToolNameAnalyzer()
        : base(DiagnosticDescriptors.DuplicateToolName)
    {
    }

    internal override void OnCompilationStart(RuleRegistration context, CompatSpec spec, KnownTypes types)
    {
        if (types.ClovaToolSet is null || types.ClovaTool is null || types.ClovaToolAttribute is null)
        {
            return;
        }

        // A spec that states no tool-name rule accepts any name, as the generator and the emulator do.
        var namePattern = spec.FindCapability(CapabilitySpec.Tools)?.NamePattern;
        var tools = new ToolsOfTypes(types.ClovaToolAttribute);

        context.RegisterOperationAction(
            operation =>
            {
                var invocation = (IInvocationOperation)operation.Operation;
                var method = invocation.TargetMethod;
                if (method.Name == "Combine" && SymbolEqualityComparer.Default.Equals(method.ContainingType, types.ClovaToolSet))
                {
                    Check(operation, invocation.Arguments.SelectMany(a => Parts(a.Value)).ToList(), reportFrom: 1, refused: true);
                }
                else if (IsAdder(invocation) && types.Generated(method.ContainingType) == GeneratedRequest.ChatBuilder)
                {
                    // This call's tools against those of the calls before it in the same chain; each later call is checked
                    // when it is reached, so every clash is reported once, at the call that repeats the name.
                    var earlier = invocation.ChainBackFrom().Skip(1).Where(IsAdder).Reverse().SelectMany(call => Parts(FirstArgument(call)!)).ToList();
                    var own = Parts(FirstArgument(invocation)!).ToList();
                    Check(operation, earlier.Concat(own).ToList(), reportFrom: earlier.Count, refused: false);
                }
            },
            OperationKind.Invocation);

        context.RegisterOperationAction(
            operation =>
            {
                var creation = (IObjectCreationOperation)operation.Operation;
                if (SymbolEqualityComparer.Default.Equals(creation.Type, types.ClovaToolSet))
                {
                    Check(operation, creation.Arguments.SelectMany(a => Parts(a.Value)).ToList(), reportFrom: 1, refused: true);
                }
            },
            OperationKind.ObjectCreation);

        // Each source in turn against the names the sources before it brought; clashes of sources from reportFrom on are reported.
        void Check(OperationAnalysisContext operation, List<IOperation> sources, int reportFrom, bool refused)
        {
            if (sources.Count < 2 || reportFrom >= sources.Count)
            {
                return;
            }

            var seen = new Dictionary<string, (IOperation Source, IMethodSymbol? Method)>(StringComparer.Ordinal);
            for (var i = 0; i < sources.Count; i++)
            {
                var source = sources[i];
                foreach (var (name, method) in ToolsIn(source))
                {
                    if (!seen.TryGetValue(name, out var first))
                    {
                        seen.Add(name, (source, method));
                        continue;
                    }

                    if (i < reportFrom)
                    {
                        continue;
                    }

                    var properties = ImmutableDictionary<string, string?>.Empty;
                    if (method is not null && method.DeclaringSyntaxReferences.Length > 0 && DocumentationCommentId.CreateDeclarationId(method) is { } id)
                    {
                        properties = properties.Add(MethodProperty, id);
                        var newName = method.ContainingType.Name + "_" + name;
                        if ((namePattern is null || Regex.IsMatch(newName, namePattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1))) && !seen.ContainsKey(newName))
                        {
                            properties = properties.Add(NewNameProperty, newName);
                        }
                    }

                    var consequence = refused
                        ? "ClovaToolSet refuses two tools of one name (ArgumentException at run time), because a model calls tools by name"
                        : "the request would offer the model two tools it cannot tell apart";
                    operation.ReportDiagnostic(Diagnostic.Create(
                        Descriptor, source.Syntax.GetLocation(), new[] { first.Source.Syntax.GetLocation() }, properties,
                        name, Describe(first.Source, first.Method), Describe(source, method), consequence + "; rename one with [ClovaTool(..., Name = \"...\")]"));
                }
            }
        }

        // The tools an expression is known to hold, each name once (a name twice in one class is the generator's CLOVA209).
        IEnumerable<(string Name, IMethodSymbol? Method)> ToolsIn(IOperation source)
        {
            var names = new HashSet<string>(StringComparer.Ordinal);
            foreach (var tool in Known(source.WithoutConversions()))
            {
                if (names.Add(tool.Name))
                {
                    yield return tool;
                }
            }
        }

        IEnumerable<(string Name, IMethodSymbol? Method)> Known(IOperation source)
        {
            switch (source)
            {
                case IPropertyReferenceOperation { Instance: null, Property: { Name: "All" } all } when SymbolEqualityComparer.Default.Equals(all.Type, types.ClovaToolSet):
                    return tools.Of(all.ContainingType);
                case IPropertyReferenceOperation { Instance: null, Property: var handle } when SymbolEqualityComparer.Default.Equals(handle.Type, types.ClovaTool):
                    return tools.Of(handle.ContainingType).Where(t => ToolNaming.HandleName(t.Method!.Name) == handle.Name);
                case IInvocationOperation { TargetMethod: { Name: "Combine" } combine } call when SymbolEqualityComparer.Default.Equals(combine.ContainingType, types.ClovaToolSet):
                    return call.Arguments.SelectMany(a => Parts(a.Value)).SelectMany(p => Known(p.WithoutConversions()));
                case { ConstantValue: { HasValue: true, Value: string name } }:
                    // The name given to AddFunctionTool (Parts hands it over for that call).
                    return new[] { (name, (IMethodSymbol?)null) };
                default:
                    return Array.Empty<(string, IMethodSymbol?)>();
            }
        }
    }

    private static bool IsAdder(IInvocationOperation call) =>
        call.TargetMethod.Name is "AddTool" or "AddTools" or "AddFunctionTool" && FirstArgument(call) is not null;

    /// <summary>A call's argument for its first parameter (the tool, the tools, or <c>AddFunctionTool</c>'s name).</summary>
    private static IOperation? FirstArgument(IInvocationOperation call) =>
        call.Arguments.FirstOrDefault(a => a.Parameter?.Ordinal == 0)?.Value;

    /// <summary>
    /// The parts a value is made of, in order: the elements of a params argument or array, the operands of
    /// <c>Enumerable.Concat</c>; any other value as itself.
    /// </summary>
    private static IEnumerable<IOperation> Parts(IOperation value)
    {
        switch (value.WithoutConversions())
        {
            case IArrayCreationOperation { Initializer: { } initializer }:
                return initializer.ElementValues.SelectMany(Parts);
            case IInvocationOperation { TargetMethod: { Name: "Concat", ContainingType: { Name: "Enumerable", ContainingNamespace: { Name: "Linq", ContainingNamespace.Name: "System" } } } } concat:
                return concat.Arguments.SelectMany(a => Parts(a.Value));
            default:
                return new[] { value };
        }
    }

    /// <summary>Where a name comes from, as the message says it: the method's class and name, or a raw <c>AddFunctionTool</c>.</summary>
    private static string Describe(IOperation source, IMethodSymbol? method) =>
        method is not null
            ? $"{method.ContainingType.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat)}.{method.Name} (in '{source.Syntax}')"
            : $"'{source.Syntax}'";

    /// <summary>The <c>[ClovaTool]</c> methods of a type with their tool names, read once per type and compilation.</summary>
    private sealed class ToolsOfTypes
    {
        private readonly INamedTypeSymbol _attribute;
        private readonly ConcurrentDictionary<INamedTypeSymbol, ImmutableArray<(string Name, IMethodSymbol? Method)>> _byType = new(SameSymbolObject<INamedTypeSymbol>.Comparer);

        public ToolsOfTypes(INamedTypeSymbol attribute) => _attribute = attribute;

        public ImmutableArray<(string Name, IMethodSymbol? Method)> Of(INamedTypeSymbol type) =>
            _byType.GetOrAdd(type, t => t.GetMembers().OfType<IMethodSymbol>()
                .Select(m => (Method: m, Attribute: m.GetAttributes().FirstOrDefault(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, _attribute))))
                .Where(x => x.Attribute is not null)
                .Select(x => (ToolNaming.ToolName(x.Method.Name, x.Attribute!.NamedArguments.FirstOrDefault(a => a.Key == "Name").Value.Value as string), (IMethodSymbol?)x.Method))
                .ToImmutableArray());
    }
}
