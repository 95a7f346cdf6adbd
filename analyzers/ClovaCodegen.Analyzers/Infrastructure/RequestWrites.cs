using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using ClovaCodegen.Spec.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ClovaCodegen.Analyzers.Infrastructure;

/// <summary>An SDK member the spec binds, written by an operation (assigned, initialized, filled); Location is the member name.</summary>
/// <remarks>A struct: every rule that asks about a write gets one, and a class was the rules' largest allocation.</remarks>
internal readonly record struct BoundMemberWrite(IPropertySymbol Property, BindingSpec Binding, FieldSpec? Field, SyntaxNode Location);

/// <summary>A request field the code writes: where (for the diagnostic) and which endpoint/field it lands in.</summary>
internal readonly record struct FieldWrite(SyntaxNode Location, string MemberOrKey, EndpointSpec Endpoint, FieldSpec Field);

/// <summary>
/// The ways code writes request fields that the rules share: SDK option members (assigned, initialized, or filled through
/// Add/indexers), <c>Patch</c> paths, and keys of raw request bodies (anonymous objects, dictionaries, JsonObjects).
/// </summary>
internal static partial class RequestWrites
{
    /// <summary>Operation kinds <see cref="BoundMember"/> understands.</summary>
    public static readonly OperationKind[] MemberWriteKinds = { OperationKind.SimpleAssignment, OperationKind.MemberInitializer, OperationKind.Invocation };

    /// <summary>Operation kinds <see cref="RawBody"/> understands.</summary>
    public static readonly OperationKind[] RawBodyKinds = { OperationKind.AnonymousObjectCreation, OperationKind.ObjectCreation };

    /// <summary>
    /// The SDK member (one the spec's bindings name) that this operation writes: <c>o.EndUserId = x</c>,
    /// <c>new O { Metadata = { ["k"] = v } }</c>, <c>o.Metadata["k"] = v</c>, <c>o.LogitBiases.Add(k, v)</c>. Copying the
    /// member from another instance of it (<c>copy.TopK = source.TopK</c>, <c>source.AdditionalProperties?.Clone()</c>, a
    /// loop over it, as copy constructors and Clone methods do) sets nothing new and is no write.
    /// </summary>
    /// <remarks>
    /// Four rules ask of every write and call: worked out once per operation a host dispatches (<see cref="DispatchedOperation"/>).
    /// </remarks>
    public static BoundMemberWrite? BoundMember(IOperation operation, CompatSpec spec, KnownTypes types) => DispatchedOperation.BoundMember(operation, spec, FindBoundMemberCall);

    private static readonly Func<IOperation, CompatSpec, BoundMemberWrite?> FindBoundMemberCall = FindBoundMember;

    /// <summary>The property a write sets or fills (its kind read first: a type test per interface costs more than the rest).</summary>
    public static IPropertyReferenceOperation? WrittenProperty(IOperation operation)
    {
        var target = operation.Kind switch
        {
            OperationKind.SimpleAssignment => ((ISimpleAssignmentOperation)operation).Target is var assigned && assigned.Kind == OperationKind.PropertyReference && ((IPropertyReferenceOperation)assigned).Property.IsIndexer ? ((IPropertyReferenceOperation)assigned).Instance : assigned,
            OperationKind.MemberInitializer => ((IMemberInitializerOperation)operation).InitializedMember,
            OperationKind.Invocation => ((IInvocationOperation)operation) is { TargetMethod.Name: "Add" or "AddRange" or "Insert" or "TryAdd" } invocation ? invocation.Instance : null,
            _ => null,
        };

        // Most writes set a local or a field: ruled out by kind, not by a type test.
        return target?.WithoutConversions() is { Kind: OperationKind.PropertyReference } property ? (IPropertyReferenceOperation)property : null;
    }

    private static BoundMemberWrite? FindBoundMember(IOperation operation, CompatSpec spec)
    {
        if (WrittenProperty(operation) is not { Property: var property } reference || spec.FindBinding(property) is not { } bound
            || IsCopy(operation, property))
        {
            return null;
        }

        // Point at the member name (o.EndUserId / EndUserId in an initializer), not the whole statement.
        return new BoundMemberWrite(property, bound.Binding, bound.Field, reference.Syntax);
    }

    /// <summary>Whether the write copies the member from another instance: its value, or the entry it adds, comes from the member itself.</summary>
    private static bool IsCopy(IOperation write, IPropertySymbol member) => write switch
    {
        ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.IsIndexer: true, Arguments: [var key] } } assignment =>
            IsCopyOf(assignment.Value, member, write) || IsCopyOf(key.Value, member, write),
        ISimpleAssignmentOperation assignment => IsCopyOf(assignment.Value, member, write),
        IInvocationOperation { Arguments.Length: > 0 } invocation => IsCopyOf(invocation.Arguments[0].Value, member, write),
        _ => false,
    };

    /// <summary>
    /// <c>other.M</c>, <c>other.M?.Clone()</c>, <c>new T(other.M)</c>, <c>other.M.ToDictionary()</c>, or (inside
    /// <c>foreach (var pair in other.M)</c>) <c>pair</c>, <c>pair.Key</c>, <c>pair.Value</c>.
    /// </summary>
    private static bool IsCopyOf(IOperation? value, IPropertySymbol member, IOperation write)
    {
        for (var depth = 0; value is not null && depth < 6; depth++)
        {
            switch (value.WithoutConversions())
            {
                case IPropertyReferenceOperation { Property.IsIndexer: false } property:
                    if (SymbolEqualityComparer.Default.Equals(property.Property.OriginalDefinition, member.OriginalDefinition))
                    {
                        return true;
                    }

                    // pair.Key / pair.Value of a loop over the member.
                    value = property.Instance;
                    break;
                case IConditionalAccessOperation conditional:
                    value = conditional.Operation;
                    break;
                case IInvocationOperation invocation:
                    value = invocation.Instance ?? (invocation.Arguments.Length > 0 ? invocation.Arguments[0].Value : null);
                    break;
                case IObjectCreationOperation { Arguments: [var source] }:
                    value = source.Value;
                    break;
                case ILocalReferenceOperation local:
                    return LoopsOver(write, local.Local, member);
                default:
                    return false;
            }
        }

        return false;
    }

    /// <summary>Whether the write sits in a <c>foreach</c> over the member whose iteration variable is <paramref name="local"/>.</summary>
    private static bool LoopsOver(IOperation write, ILocalSymbol local, IPropertySymbol member)
    {
        for (var parent = write.Parent; parent is not null; parent = parent.Parent)
        {
            if (parent is IForEachLoopOperation loop && loop.Locals.Contains(local, SymbolEqualityComparer.Default))
            {
                return IsCopyOf(loop.Collection, member, loop);
            }
        }

        return false;
    }

    /// <summary>
    /// The constant keys a write puts into a bag member (<c>AdditionalProperties</c>), each with its syntax:
    /// <c>o.M["k"] = v</c>, <c>o.M.Add("k", v)</c>, <c>M = { ["k"] = v }</c>, <c>o.M = new() { ["k"] = v }</c>. Null when
    /// the write's keys can't be seen (a key that is not a constant, a bag from elsewhere).
    /// </summary>
    public static IReadOnlyList<(string Key, SyntaxNode Location)>? BagKeys(IOperation write) =>
        BagEntries(write)?.Select(k => (k.Key, k.Location)).ToArray();

    /// <summary>As <see cref="BagKeys"/>, with the value each key is given (for the rules that judge values).</summary>
    public static IReadOnlyList<(string Key, SyntaxNode Location, IOperation? Value)>? BagEntries(IOperation write)
    {
        var keys = new List<(string, SyntaxNode, IOperation?)>();
        switch (write)
        {
            case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.IsIndexer: true } } or IInvocationOperation:
                AddKey(write, keys);
                return keys.Count == 1 ? keys : null;
            case ISimpleAssignmentOperation { Value: var value }:
                return CreatedBagEntries(value);
            case IMemberInitializerOperation { Initializer: var initializer }:
                return InitializerKeys(initializer, keys) ? keys : null;
            default:
                return null;
        }
    }

    /// <summary>The entries of a bag created with constant keys in place (<c>new() { ["k"] = v }</c>); null when its keys can't be seen.</summary>
    public static IReadOnlyList<(string Key, SyntaxNode Location, IOperation? Value)>? CreatedBagEntries(IOperation value)
    {
        var keys = new List<(string, SyntaxNode, IOperation?)>();
        return value.WithoutConversions() is IObjectCreationOperation { Arguments.IsEmpty: true } creation && InitializerKeys(creation.Initializer, keys) ? keys : null;
    }

    /// <summary>
    /// The fields a write into a bag member an adapter sends as it is (the spec binds it to <c>*</c> with no
    /// <c>droppedBy</c>: Semantic Kernel's <c>ExtraBody</c>), or into such a bag held by a read bag's key
    /// (<see cref="ReadSentBagEntries"/>), puts into the request: each constant key is a top-level wire
    /// field, as a raw body's key is, or (a key starting with <c>$.</c>) a path whose first segment is (see
    /// <see cref="SentKeyField"/>). The value is the field's only when the key names the field alone. Empty for any other
    /// write, and for keys the endpoint does not declare.
    /// </summary>
    public static IReadOnlyList<(FieldWrite Write, IOperation? Value)> SentBagFields(BoundMemberWrite bound, IOperation write, CompatSpec spec, KnownTypes types)
    {
        // Most bound writes are no such bag: ruled out before anything is allocated. A read bag's key may hold one (plain SK
        // settings' ExtensionData["extra_body"]).
        if ((IsSentBag(bound.Binding) ? BagEntries(write) : ReadSentBagEntries(bound, write, spec, types)) is not { Count: > 0 } entries
            || spec.FindEndpoint(bound.Binding.Endpoint) is not { } endpoint)
        {
            return Array.Empty<(FieldWrite, IOperation?)>();
        }

        var fields = new List<(FieldWrite, IOperation?)>(entries.Count);
        foreach (var (key, location, value) in entries)
        {
            var (name, nested) = SentKeyField(key);
            if (endpoint.FindField(name) is { } field)
            {
                fields.Add((new FieldWrite(location, key, endpoint, field), nested ? null : value));
            }
        }

        return fields;
    }

    /// <summary>A bag member an adapter sends entry by entry as it is (the spec binds it to <c>*</c> with no <c>droppedBy</c>: SK's <c>ExtraBody</c>).</summary>
    public static bool IsSentBag(BindingSpec binding) => binding is { Field: BindingSpec.AnyField, DroppedBy: null };

    /// <summary>
    /// The top-level wire field a key of a sent bag writes. SK applies each entry through the SDK's <c>Patch</c>: a key
    /// starting with <c>$.</c> as a JSON path (<c>$.thinking.effort</c> writes <c>effort</c> inside <c>thinking</c>), any
    /// other as a literal field name (dots and all). Nested: the path goes below the field.
    /// </summary>
    public static (string Name, bool Nested) SentKeyField(string key)
    {
        if (!key.StartsWith("$.", StringComparison.Ordinal))
        {
            return (key, false);
        }

        var name = PathFirstSegment(key);
        return (name, key.Length > 2 + name.Length);
    }

    /// <summary>The first segment of a JSON path <c>$.a.b</c> or <c>$.a[0]</c>: <c>a</c>.</summary>
    public static string PathFirstSegment(string path)
    {
        var end = path.IndexOfAny(PathSeparators, 2);
        return end < 0 ? path.Substring(2) : path.Substring(2, end - 2);
    }

    private static readonly char[] PathSeparators = { '.', '[' };

    /// <summary>Every element's constant key (false when an element's key can't be seen).</summary>
    private static bool InitializerKeys(IObjectOrCollectionInitializerOperation? initializer, List<(string, SyntaxNode, IOperation?)> keys)
    {
        foreach (var element in initializer?.Initializers ?? ImmutableArray<IOperation>.Empty)
        {
            var before = keys.Count;
            AddKey(element, keys);
            if (keys.Count == before)
            {
                return false;
            }
        }

        return true;
    }
}
