using System;
using System.Collections.Generic;
using System.Linq;
using ClovaCodegen.Analyzers.Infrastructure;
using ClovaCodegen.Spec.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ClovaCodegen.Analyzers.Rules;

/// <summary>
/// CLOVA009: writing a member an adapter silently drops (the spec's <c>droppedBy</c>), such as Microsoft.Extensions.AI's
/// <c>ChatOptions.TopK</c> and <c>AdditionalProperties</c> (assigned, initialized, or filled with Add/indexers) through its
/// OpenAI adapter. Only where that adapter can be involved: the compilation references it, the options do not provably go
/// to ClovaCodegen's chat client (<c>ClovaChatClient</c>, <c>clovaStudioClient.AsIChatClient()</c>, <c>AddClovaStudio</c>),
/// and the project does not register only ours. Keys the adapter reads (the spec's <c>readKeys</c>, <c>strict</c>) are
/// not dropped; when a write mixes both, each dropped key is reported on its own, so the fix removes only what is dropped.
/// </summary>
public sealed class DroppedOptionAnalyzer : ClovaRule
{
    /// <summary>The names of ClovaCodegen's chat-client entry points (bound to check they are ours).</summary>
    private static readonly string[] ClovaChatClientNames = { "ClovaChatClient", "AsIChatClient", "AddClovaStudio", "AddClovaStudioChatClient", "AddKeyedClovaStudioChatClient" };

    public DroppedOptionAnalyzer()
        : base(DiagnosticDescriptors.DroppedOption)
    {
    }

    internal override void OnCompilationStart(RuleRegistration context, CompatSpec spec, KnownTypes types)
    {
        // Nothing is dropped by an adapter the compilation does not reference.
        if (!spec.Bindings.Any(b => b.DroppedBy is { } adapter && types.References(adapter)))
        {
            return;
        }

        // Options that provably go to ClovaCodegen's own IChatClient, which sends TopK and AdditionalProperties.
        var goesToClovaChatClient = new CallSiteEvidence(Array.Empty<string>(), ClovaChatClientNames, symbol => IsClovaChatClient(symbol, types), types.Origins);
        context.RegisterOperationAction(
            operation =>
            {
                if (RequestWrites.BoundMember(operation.Operation, spec, types) is not { Binding.DroppedBy: not null } bound
                    || RequestWrites.ReceiverBinding(operation.Operation, bound, spec) is not { DroppedBy: { } adapter } binding
                    || !types.References(adapter))
                {
                    return;
                }

                var keys = binding.ReadKeys.IsEmpty ? null : RequestWrites.BagKeys(operation.Operation);
                var dropped = keys is null ? null : Dropped(keys, binding);
                if (dropped is { Length: 0 }
                    || !types.Scope.Applies(operation, bound.Location)
                    || types.RegistersOnlyClovaChatClient
                    || operation.Operation.SemanticModel is { } model && goesToClovaChatClient.Finds(model, bound.Location, operation.CancellationToken))
                {
                    return;
                }

                var (which, remedy) = Explanation(binding, spec);
                if (dropped is null || dropped.Length == keys!.Count)
                {
                    operation.ReportDiagnostic(Diagnostic.Create(Descriptor, bound.Location.GetLocation(), bound.Property.Name, adapter, which, remedy));
                    return;
                }

                foreach (var (key, location) in dropped)
                {
                    operation.ReportDiagnostic(Diagnostic.Create(Descriptor, location.GetLocation(), $"{bound.Property.Name}[\"{key}\"]", adapter, which, remedy));
                }
            },
            RequestWrites.MemberWriteKinds);
    }

    /// <summary>
    /// What the message says, from the spec: for a bag, on which type and which keys are dropped (every entry, or all but
    /// the keys the adapter reads); and the remedy: the bag the same adapter sends as it is (SK's <c>ExtraBody</c>), when the
    /// spec binds one, else ClovaCodegen's chat client or the SDK's Patch.
    /// </summary>
    private static (string Which, string Remedy) Explanation(BindingSpec binding, CompatSpec spec)
    {
        var which = binding.Field != BindingSpec.AnyField ? ""
            : binding.ReadKeys.IsEmpty ? $" on {SimpleName(binding.TypeName)}, every entry"
            : binding.ReadKeys.Count <= 3 ? $" on {SimpleName(binding.TypeName)}, every key but {string.Join(", ", binding.ReadKeys.Select(k => "'" + k + "'"))}"
            : $" on {SimpleName(binding.TypeName)}, every key but the {binding.ReadKeys.Count} it reads (the spec's readKeys)";
        foreach (var sent in spec.Bindings)
        {
            if (sent is { Field: BindingSpec.AnyField, DroppedBy: null } && sent.Endpoint == binding.Endpoint
                && sent.Member.StartsWith(binding.DroppedBy + ".", StringComparison.Ordinal))
            {
                return (which, $"use {SimpleName(sent.TypeName)}.{sent.MemberName}, which it sends");
            }
        }

        return (which, "use ClovaCodegen's chat client or RawRepresentationFactory with Patch");
    }

    private static string SimpleName(string typeName) => typeName.Substring(typeName.LastIndexOf('.') + 1);

    /// <summary>
    /// The keys the adapter does not read. A method of its own: a lambda here would capture the write, and the compiler
    /// would then allocate the captured state on every call of the action, for every assignment and call of the project.
    /// </summary>
    private static (string Key, SyntaxNode Location)[] Dropped(IReadOnlyList<(string Key, SyntaxNode Location)> keys, BindingSpec binding) =>
        keys.Where(k => !binding.ReadKeys.Contains(k.Key)).ToArray();

    /// <summary>ClovaCodegen's chat client, its <c>AsIChatClient</c> on <c>ClovaStudioClient</c>, or its DI registration.</summary>
    private static bool IsClovaChatClient(ISymbol symbol, KnownTypes types)
    {
        var type = symbol switch
        {
            IMethodSymbol method => (method.ReducedFrom ?? method).ContainingType,
            INamedTypeSymbol named => named,
            _ => null,
        };
        return type is not null && (SymbolEqualityComparer.Default.Equals(type, types.ClovaChatClient)
            || SymbolEqualityComparer.Default.Equals(type, types.ClovaStudioClientExtensions)
            || SymbolEqualityComparer.Default.Equals(type, types.ClovaStudioRegistration));
    }
}
