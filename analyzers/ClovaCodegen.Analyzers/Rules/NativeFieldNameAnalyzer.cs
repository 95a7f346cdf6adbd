using System.Collections.Immutable;
using System.Linq;
using ClovaCodegen.Analyzers.Infrastructure;
using ClovaCodegen.Spec.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace ClovaCodegen.Analyzers.Rules;

/// <summary>
/// CLOVA005: a request-body key spelled the native API's way (<c>topK</c>, <c>repetitionPenalty</c>, <c>maxTokens</c>: the
/// spec's <c>nativeNames</c>) in a dictionary or JsonObject key, an Add call's key, a Patch path or an anonymous object member.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class NativeFieldNameAnalyzer : ClovaRule
{
    /// <summary>Diagnostic property: the spec's wire name, for the fix.</summary>
    public const string WireNameProperty = "WireName";

    public NativeFieldNameAnalyzer()
        : base(DiagnosticDescriptors.NativeFieldName)
    {
    }

    internal override void OnCompilationStart(RuleRegistration context, CompatSpec spec, KnownTypes types)
    {
        var byNativeName = spec.Endpoints.SelectMany(e => e.Fields).SelectMany(f => f.NativeNames.Select(n => (Native: n, Wire: f.Name)))
            .GroupBy(p => p.Native).ToImmutableDictionary(g => g.Key, g => g.First().Wire);
        if (byNativeName.IsEmpty)
        {
            return;
        }

        context.RegisterOperationAction(
            operation =>
            {
                var literal = (ILiteralOperation)operation.Operation;
                if (literal.StringValue() is not { } text || literal.Parent is not IArgumentOperation argument)
                {
                    return;
                }

                var key = text.StartsWith("$.", System.StringComparison.Ordinal) ? text.Substring(2) : text;
                if (!byNativeName.TryGetValue(key, out var wire) || !IsKeyPosition(argument) || !types.Scope.Applies(operation))
                {
                    return;
                }

                var properties = ImmutableDictionary<string, string?>.Empty.Add(WireNameProperty, text.StartsWith("$.", System.StringComparison.Ordinal) ? "$." + wire : wire);
                operation.ReportDiagnostic(Diagnostic.Create(Descriptor, literal.Syntax.GetLocation(), properties, key, wire));
            },
            OperationKind.Literal);
        context.RegisterOperationAction(
            operation =>
            {
                var creation = (IAnonymousObjectCreationOperation)operation.Operation;
                foreach (var initializer in creation.Initializers.OfType<ISimpleAssignmentOperation>())
                {
                    if (initializer.Target is IPropertyReferenceOperation { Property.Name: var name } target && byNativeName.TryGetValue(name, out var wire) && types.Scope.Applies(operation, target.Syntax))
                    {
                        operation.ReportDiagnostic(Diagnostic.Create(Descriptor, target.Syntax.GetLocation(), name, wire));
                    }
                }
            },
            OperationKind.AnonymousObjectCreation);
    }

    /// <summary>An indexer's argument (<c>dict["topK"]</c>), the first argument of Add/Set/TryAdd/Remove (dictionaries, JsonObject, Patch).</summary>
    private static bool IsKeyPosition(IArgumentOperation argument) => argument.Parent switch
    {
        IPropertyReferenceOperation { Property.IsIndexer: true } => true,
        IInvocationOperation { TargetMethod.Name: "Add" or "Set" or "TryAdd" or "Remove" or "SetNull" } invocation => invocation.Arguments.Length > 0 && invocation.Arguments[0] == argument,
        _ => false,
    };
}
