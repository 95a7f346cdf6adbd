using System;
using System.Collections.Generic;
using System.Linq;
using ClovaCodegen.Spec.Model;
using Microsoft.CodeAnalysis;

namespace ClovaCodegen.Analyzers.Infrastructure;

/// <summary>Bags an adapter drops except for the keys it reads (the spec's <c>readKeys</c>), and what those keys send.</summary>
internal static partial class RequestWrites
{
    /// <summary>
    /// The binding of the member on the type the code writes it through, when the spec binds it there as well as where it
    /// is declared: SK's connector drops every <c>ExtensionData</c> entry of <c>OpenAIPromptExecutionSettings</c> but reads
    /// some keys of a plain <c>PromptExecutionSettings</c>'s. The most derived type's binding wins; a variable typed as the
    /// base may hold either, so it gets the base's (only what that drops is certain).
    /// </summary>
    public static BindingSpec ReceiverBinding(IOperation write, BoundMemberWrite bound, CompatSpec spec)
    {
        var declaring = bound.Property.ContainingType;
        for (var type = WrittenProperty(write)?.Instance?.Type as INamedTypeSymbol; type is not null && !SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, declaring.OriginalDefinition); type = type.BaseType)
        {
            foreach (var candidate in spec.Bindings)
            {
                if (candidate.MemberName == bound.Property.Name && type.HasBindingName(candidate.TypeName))
                {
                    return candidate;
                }
            }
        }

        return bound.Binding;
    }

    /// <summary>
    /// The fields the keys an adapter reads from a bag it otherwise drops put on the wire, when the spec says which type it
    /// reads the bag into (<c>readAs</c>). Semantic Kernel's OpenAI connector reads a plain <c>PromptExecutionSettings</c>
    /// through a JSON round trip into <c>OpenAIPromptExecutionSettings</c>: a key of <c>ExtensionData</c> that is one of the
    /// spec's <c>readKeys</c> sets the member whose JSON name it is, and sends the field the spec binds that member to
    /// (<c>"user"</c> sends <c>user</c>, <c>"token_selection_biases"</c> <c>logit_bias</c>). Empty for any other write, for
    /// keys whose member the spec binds to no field of the endpoint, and when the compilation does not reference the
    /// adapter or the type.
    /// </summary>
    public static IReadOnlyList<FieldWrite> ReadBagFields(BoundMemberWrite bound, IOperation write, CompatSpec spec, KnownTypes types)
    {
        // Most bound writes are no such bag: ruled out before anything is allocated.
        if (ReadBag(bound, write, spec, types) is not var (binding, readAs)
            || spec.FindEndpoint(binding.Endpoint) is not { } endpoint
            || BagKeys(write) is not { } keys)
        {
            return Array.Empty<FieldWrite>();
        }

        var fields = new List<FieldWrite>();
        foreach (var (key, location) in keys)
        {
            if (binding.ReadKeys.Contains(key) && JsonNamedProperty(readAs, key) is { } member
                && spec.FindBinding(member) is { Binding.Endpoint: var memberEndpoint, Field: { } field } && memberEndpoint == endpoint.Id)
            {
                fields.Add(new FieldWrite(location, key, endpoint, field));
            }
        }

        return fields;
    }

    /// <summary>
    /// The entries of a sent bag (<see cref="IsSentBag"/>) that a write into a read bag gives as the value of a read key,
    /// each with its syntax and value: plain SK settings' <c>ExtensionData["extra_body"] = new Dictionary&lt;string,
    /// object?&gt; { ["top_k"] = 20 }</c>, which the connector reads into <c>OpenAIPromptExecutionSettings.ExtraBody</c> and
    /// sends entry by entry. Only a bag created in place is seen; empty for any other write.
    /// </summary>
    public static IReadOnlyList<(string Key, SyntaxNode Location, IOperation? Value)> ReadSentBagEntries(BoundMemberWrite bound, IOperation write, CompatSpec spec, KnownTypes types)
    {
        if (ReadBag(bound, write, spec, types) is not var (binding, readAs) || BagEntries(write) is not { } entries)
        {
            return Array.Empty<(string, SyntaxNode, IOperation?)>();
        }

        var sent = new List<(string, SyntaxNode, IOperation?)>();
        foreach (var (key, _, value) in entries)
        {
            if (binding.ReadKeys.Contains(key) && ReadKeyBinding(readAs, key, spec) is { } member && IsSentBag(member) && member.Endpoint == binding.Endpoint
                && value is not null && CreatedBagEntries(value) is { } inside)
            {
                sent.AddRange(inside);
            }
        }

        return sent;
    }

    /// <summary>
    /// What the spec binds the member of the <c>readAs</c> type that a read key sets (its property of that JSON name) to;
    /// null when the type has no such property or the spec binds it to nothing.
    /// </summary>
    public static BindingSpec? ReadKeyBinding(INamedTypeSymbol readAs, string key, CompatSpec spec) =>
        JsonNamedProperty(readAs, key) is { } member ? spec.FindBinding(member)?.Binding : null;

    /// <summary>
    /// The binding of a bag an adapter reads into a type (the spec's <c>readKeys</c> and <c>readAs</c>) that this write
    /// fills, as the receiver's type has it, and that type; null for any other write, when the compilation does not
    /// reference the adapter, and when it has no type of that name deriving from the bag's declaring type.
    /// </summary>
    private static (BindingSpec Binding, INamedTypeSymbol ReadAs)? ReadBag(BoundMemberWrite bound, IOperation write, CompatSpec spec, KnownTypes types)
    {
        if (bound.Binding is not { Field: BindingSpec.AnyField, DroppedBy: { } adapter, ReadKeys.IsEmpty: false }
            || !types.References(adapter)
            || ReceiverBinding(write, bound, spec) is not { ReadKeys.IsEmpty: false, ReadAs: { } readAsName } binding
            || types.TypeNamed(readAsName) is not { } readAs
            || !readAs.IsOrDerivesFrom(bound.Property.ContainingType))
        {
            return null;
        }

        return (binding, readAs);
    }

    /// <summary>The property of the type (or a base) that System.Text.Json reads under this name (its <c>[JsonPropertyName]</c>).</summary>
    private static IPropertySymbol? JsonNamedProperty(INamedTypeSymbol type, string jsonName)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            foreach (var member in current.GetMembers())
            {
                if (member is IPropertySymbol property && property.GetAttributes().Any(a => a.AttributeClass?.Name == "JsonPropertyNameAttribute"
                    && a.ConstructorArguments.Length == 1 && a.ConstructorArguments[0].Value as string == jsonName))
                {
                    return property;
                }
            }
        }

        return null;
    }
}
