using System.Collections.Immutable;
using System.Linq;
using ClovaCodegen.Analyzers.Infrastructure;
using ClovaCodegen.Spec.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace ClovaCodegen.Analyzers.Rules;

/// <summary>
/// CLOVA005: a request field spelled the native API's way (<c>topK</c>, <c>repetitionPenalty</c>, <c>maxTokens</c>: the
/// spec's <c>nativeNames</c>), written into something that becomes a CLOVA request body, however the name is written: a
/// key or member of a raw request body (dictionary, JsonObject, anonymous object; see <see cref="RequestWrites.RawBody"/>),
/// a key of an options bag the spec binds (<c>ChatOptions.AdditionalProperties</c>), or a <c>Patch</c> path on the OpenAI
/// SDK's options; the name as a literal or a constant. The same names in other dictionaries (settings bags, reads in
/// assertions) are not request fields.
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
                if (RequestWrites.RawBody(operation.Operation, spec, types, operation.CancellationToken) is not { } body)
                {
                    return;
                }

                foreach (var (key, location, _) in body.Keys)
                {
                    if (byNativeName.TryGetValue(key, out var wire))
                    {
                        Report(operation, types, location, key, wire, wire);
                    }
                }
            },
            RequestWrites.RawBodyKinds);
        context.RegisterOperationAction(
            operation =>
            {
                if (RequestWrites.BoundMember(operation.Operation, spec, types) is { Binding.Field: BindingSpec.AnyField }
                    && RequestWrites.BagKeys(operation.Operation) is { } keys)
                {
                    foreach (var (key, location) in keys)
                    {
                        if (byNativeName.TryGetValue(key, out var wire))
                        {
                            Report(operation, types, location, key, wire, wire);
                        }
                    }
                }
                else if (operation.Operation is IInvocationOperation invocation && RequestWrites.PatchName(invocation, types) is { } patch
                    && byNativeName.TryGetValue(patch.Name, out var wire))
                {
                    var path = RequestWrites.ConstantText(invocation.Arguments[0].Value)!;
                    Report(operation, types, patch.Location, patch.Name, wire, "$." + wire + path.Substring(2 + patch.Name.Length));
                }
            },
            RequestWrites.MemberWriteKinds);
    }

    private void Report(OperationAnalysisContext operation, KnownTypes types, SyntaxNode location, string native, string wire, string replacement)
    {
        if (types.Scope.Applies(operation, location))
        {
            var properties = ImmutableDictionary<string, string?>.Empty.Add(WireNameProperty, replacement);
            operation.ReportDiagnostic(Diagnostic.Create(Descriptor, location.GetLocation(), properties, native, wire));
        }
    }
}
