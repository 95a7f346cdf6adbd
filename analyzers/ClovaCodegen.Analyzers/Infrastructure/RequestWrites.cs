using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using ClovaCodegen.Spec.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
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
internal static class RequestWrites
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
    /// Worked out afresh for each of the three rules that ask: most writes are ruled out by the member's simple name, and
    /// for the rest the answer costs about what remembering it per operation would (<see cref="OperationFacts"/>
    /// remembers only raw bodies, which cost far more to read).
    /// </remarks>
    public static BoundMemberWrite? BoundMember(IOperation operation, CompatSpec spec, KnownTypes types) => FindBoundMember(operation, spec);

    /// <summary>The property a write sets or fills (its kind read first: a type test per interface costs more than the rest).</summary>
    private static IPropertyReferenceOperation? WrittenProperty(IOperation operation)
    {
        var target = operation.Kind switch
        {
            OperationKind.SimpleAssignment => ((ISimpleAssignmentOperation)operation).Target is var assigned && assigned is IPropertyReferenceOperation { Property.IsIndexer: true } indexer ? indexer.Instance : assigned,
            OperationKind.MemberInitializer => ((IMemberInitializerOperation)operation).InitializedMember,
            OperationKind.Invocation => ((IInvocationOperation)operation) is { TargetMethod.Name: "Add" or "AddRange" or "Insert" or "TryAdd" } invocation ? invocation.Instance : null,
            _ => null,
        };
        return target?.WithoutConversions() as IPropertyReferenceOperation;
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
    public static IReadOnlyList<(string Key, SyntaxNode Location)>? BagKeys(IOperation write)
    {
        var keys = new List<(string, SyntaxNode, IOperation?)>();
        switch (write)
        {
            case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.IsIndexer: true } } or IInvocationOperation:
                AddKey(write, keys);
                return keys.Count == 1 ? Keys(keys) : null;
            case ISimpleAssignmentOperation { Value: var value }:
                return value.WithoutConversions() is IObjectCreationOperation { Arguments.IsEmpty: true } creation && InitializerKeys(creation.Initializer, keys) ? Keys(keys) : null;
            case IMemberInitializerOperation { Initializer: var initializer }:
                return InitializerKeys(initializer, keys) ? Keys(keys) : null;
            default:
                return null;
        }

        static IReadOnlyList<(string Key, SyntaxNode Location)> Keys(List<(string Key, SyntaxNode Location, IOperation? Value)> found) =>
            found.Select(k => (k.Key, k.Location)).ToArray();
    }

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

    /// <summary>The text of a string or UTF-8 string constant (<c>"k"</c>, <c>"$.k"u8</c>), or null.</summary>
    /// <summary>
    /// The argument whose parameter has exactly this type. A loop, not LINQ: a lambda capturing the type makes the compiler
    /// allocate its closure on every call of the method that declares it, taken or not.
    /// </summary>
    public static IArgumentOperation? ArgumentOfType(IInvocationOperation invocation, ITypeSymbol? type)
    {
        foreach (var argument in invocation.Arguments)
        {
            if (SymbolEqualityComparer.Default.Equals(argument.Parameter?.Type, type))
            {
                return argument;
            }
        }

        return null;
    }

    public static string? ConstantText(IOperation? operation) => operation?.WithoutConversions() switch
    {
        // Only a string can be one: asking a number's operation for its constant value boxes the number.
        { Type.SpecialType: not SpecialType.System_String } and not IUtf8StringOperation => null,
        ILiteralOperation { ConstantValue: { HasValue: true, Value: string text } } => text,
        IUtf8StringOperation utf8 => utf8.Value,
        { ConstantValue: { HasValue: true, Value: string text } } => text,
        _ => null,
    };

    /// <summary>
    /// A chat request body written as constant JSON text: the body the SDK's protocol overloads send
    /// (<c>chatClient.CompleteChat(BinaryContent)</c>) or a <c>new StringContent("...")</c>, when its text (see
    /// <see cref="ConstantJsonSource"/>) is an object with <c>"model"</c> and <c>"messages"</c>. Null for anything else.
    /// </summary>
    public static JsonBody? JsonChatBody(IOperation operation, KnownTypes types)
    {
        var content = operation switch
        {
            IInvocationOperation invocation when types.BinaryContent is not null && invocation.TargetMethod.Name.StartsWith("CompleteChat", StringComparison.Ordinal)
                && invocation.TargetMethod.ContainingType.IsOrDerivesFrom(types.ChatClient) =>
                ArgumentOfType(invocation, types.BinaryContent)?.Value,
            IObjectCreationOperation { Arguments.Length: > 0 } creation when types.StringContent is not null && SymbolEqualityComparer.Default.Equals(creation.Type, types.StringContent) =>
                creation.Arguments[0].Value,
            _ => null,
        };
        return content is not null && ConstantJsonSource(content, types) is { } source && ConstantText(source) is { } text
            && text.TrimStart().StartsWith("{", StringComparison.Ordinal) && JsonBody.HasKey(text, "model") && JsonBody.HasKey(text, "messages")
            ? new JsonBody(operation, content, source, text)
            : null;
    }

    /// <summary>
    /// The operation that holds the constant text a JSON body is made of: the text itself, or followed through
    /// <c>BinaryContent.Create(...)</c>, <c>BinaryData.FromString(...)</c>/<c>new BinaryData(...)</c>, <c>"..."u8.ToArray()</c>
    /// and locals' initializers in the same file (null when the body is not a readable constant).
    /// </summary>
    public static IOperation? ConstantJsonSource(IOperation? value, KnownTypes types)
    {
        for (var hops = 0; value is not null && hops < 8; hops++)
        {
            if (ConstantText(value) is not null)
            {
                return value.WithoutConversions();
            }

            switch (value.WithoutConversions())
            {
                case IInvocationOperation invocation when IsBinary(invocation.TargetMethod.ContainingType, types) && invocation.Arguments.Length > 0:
                    value = invocation.Arguments[0].Value;
                    break;
                case IInvocationOperation { Instance: { } instance }:
                    value = instance; // "..."u8.ToArray()
                    break;
                case IObjectCreationOperation creation when IsBinary(creation.Type, types) && creation.Arguments.Length > 0:
                    value = creation.Arguments[0].Value;
                    break;
                case ILocalReferenceOperation local:
                    value = LocalInitializer(local);
                    break;
                default:
                    return null;
            }
        }

        return null;
    }

    private static bool IsBinary(ITypeSymbol? type, KnownTypes types) =>
        type is not null && (SymbolEqualityComparer.Default.Equals(type, types.BinaryContent) || SymbolEqualityComparer.Default.Equals(type, types.BinaryData));

    /// <summary>The value a local is declared with, when it is declared in the same file (null otherwise).</summary>
    public static IOperation? LocalInitializer(ILocalReferenceOperation local)
    {
        var declarator = local.Local.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax() as VariableDeclaratorSyntax;
        if (declarator?.Initializer is not { } initializer || declarator.SyntaxTree != local.Syntax.SyntaxTree || local.SemanticModel is not { } model)
        {
            return null;
        }

        return model.GetOperation(initializer.Value);
    }

    /// <summary>
    /// A <c>Patch.Set/SetNull/Append/Remove("$.field"u8, ...)</c> on the OpenAI SDK's chat or embedding options: the field
    /// it writes (null when the endpoint declares none of that name).
    /// </summary>
    public static FieldWrite? PatchPath(IInvocationOperation invocation, CompatSpec spec, KnownTypes types) =>
        PatchName(invocation, types) is { } patch && spec.FindEndpoint(patch.EndpointId)?.FindField(patch.Name) is { } field
            ? new FieldWrite(patch.Location, patch.Name, spec.FindEndpoint(patch.EndpointId)!, field)
            : null;

    /// <summary>
    /// The top-level name a <c>Patch</c> call on the SDK's chat or embedding options writes (<c>top_k</c> of
    /// <c>"$.top_k"u8</c> or <c>"$.top_k.x"</c>), with the path's syntax and the endpoint the options belong to.
    /// </summary>
    public static (string Name, SyntaxNode Location, string EndpointId)? PatchName(IInvocationOperation invocation, KnownTypes types)
    {
        if (invocation.TargetMethod.Name is not ("Set" or "SetNull" or "Append" or "Remove" or "Insert")
            || invocation.Instance?.WithoutConversions() is not IPropertyReferenceOperation { Property: var patch }
            || types.JsonPatch is null
            || !SymbolEqualityComparer.Default.Equals(patch.Type, types.JsonPatch)
            || invocation.Arguments.Length == 0
            || ConstantText(invocation.Arguments[0].Value) is not { } path
            || !path.StartsWith("$.", StringComparison.Ordinal))
        {
            return null;
        }

        var endpointId = patch.ContainingType.IsOrDerivesFrom(types.ChatCompletionOptions) ? EndpointSpec.ChatCompletions
            : patch.ContainingType.IsOrDerivesFrom(types.EmbeddingGenerationOptions) ? EndpointSpec.Embeddings
            : null;
        if (endpointId is null)
        {
            return null;
        }

        var name = path.Substring(2);
        var dot = name.IndexOfAny(new[] { '.', '[' });
        return (dot < 0 ? name : name.Substring(0, dot), invocation.Arguments[0].Value.Syntax, endpointId);
    }

    /// <summary>
    /// A raw request body: an anonymous object, dictionary or JsonObject whose keys include <c>model</c> and <c>messages</c>
    /// (chat) or <c>input</c> (embeddings). Keys come from the initializer and, when the object is kept in a local, from
    /// indexer writes and Add calls on that local in the same body.
    /// </summary>
    public static RawBody? RawBody(IOperation creation, CompatSpec spec, KnownTypes types, System.Threading.CancellationToken cancellationToken)
    {
        // Most creations are neither (a Uri, a client, options): ruled out by type before anything else.
        var candidate = creation switch
        {
            IAnonymousObjectCreationOperation { Initializers.Length: >= 2 } => true,
            IObjectCreationOperation { Type: INamedTypeSymbol type } => types.IsStringKeyedBag(type),
            _ => false,
        };

        // Five rules ask about every body: read once for all of them.
        return candidate ? types.Operations.RawBody(creation, spec, types, cancellationToken, ReadCallback) : null;
    }

    private static readonly Func<IOperation, CompatSpec, KnownTypes, CancellationToken, RawBody?> ReadCallback = Read;

    private static RawBody? Read(IOperation creation, CompatSpec spec, KnownTypes types, System.Threading.CancellationToken cancellationToken)
    {
        var keys = new List<(string Key, SyntaxNode Location, IOperation? Value)>();
        switch (creation)
        {
            case IAnonymousObjectCreationOperation anonymous:
                foreach (var initializer in anonymous.Initializers.OfType<ISimpleAssignmentOperation>())
                {
                    if (initializer.Target is IPropertyReferenceOperation { Property.Name: var name } target)
                    {
                        keys.Add((name, target.Syntax, initializer.Value));
                    }
                }

                break;
            case IObjectCreationOperation { Type: INamedTypeSymbol type } objectCreation when types.IsStringKeyedBag(type):
                foreach (var initializer in objectCreation.Initializer?.Initializers ?? Enumerable.Empty<IOperation>())
                {
                    AddKey(initializer, keys);
                }

                AddLocalWrites(objectCreation, keys, cancellationToken);
                break;
            default:
                return null;
        }

        var endpointId = !Has(keys, "model") ? null
            : Has(keys, "messages") ? EndpointSpec.ChatCompletions
            : Has(keys, "input") ? EndpointSpec.Embeddings
            : null;
        return endpointId is not null && spec.FindEndpoint(endpointId) is { } endpoint ? new RawBody(creation, endpoint, keys) : null;
    }

    private static bool Has(List<(string Key, SyntaxNode Location, IOperation? Value)> keys, string key)
    {
        foreach (var written in keys)
        {
            if (written.Key == key)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A key from an initializer element: <c>["k"] = v</c> or <c>{ "k", v }</c> (an Add call).</summary>
    private static void AddKey(IOperation element, List<(string, SyntaxNode, IOperation?)> keys)
    {
        switch (element)
        {
            case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.IsIndexer: true, Arguments: [var key] } } assignment when ConstantText(key.Value) is { } text:
                keys.Add((text, key.Value.Syntax, assignment.Value));
                break;
            case IInvocationOperation { TargetMethod.Name: "Add" or "TryAdd", Arguments: [var key, var value] } when ConstantText(key.Value) is { } text:
                keys.Add((text, key.Value.Syntax, value.Value));
                break;
        }
    }

    /// <summary><c>var body = new Dictionary&lt;string, object&gt;(); body["k"] = v; body.Add("k", v);</c> in the same body.</summary>
    private static void AddLocalWrites(IObjectCreationOperation creation, List<(string, SyntaxNode, IOperation?)> keys, System.Threading.CancellationToken cancellationToken)
    {
        if (creation.Parent?.Parent is not IVariableDeclaratorOperation { Symbol: var local } declarator || creation.SemanticModel is not { } model)
        {
            return;
        }

        // A write to the local is a statement of its own after the declaration: only those are searched (not the
        // statements before it, nor the expressions inside statements, which are most of a body's nodes).
        var declaration = declarator.Syntax.FirstAncestorOrSelf<StatementSyntax>();
        var following = false;
        foreach (var sibling in Siblings(declaration))
        {
            if (!following)
            {
                following = sibling == declaration;
                continue;
            }

            // Most statements are simple ones with no statement inside: looked at directly, without a walk.
            if (sibling is ExpressionStatementSyntax statement)
            {
                AddLocalWrite(statement, local, model, keys, cancellationToken);
            }
            else if (sibling is not (LocalDeclarationStatementSyntax or ReturnStatementSyntax or ThrowStatementSyntax))
            {
                foreach (var node in sibling.DescendantNodes(static n => n is not ExpressionSyntax))
                {
                    if (node is ExpressionStatementSyntax nested)
                    {
                        AddLocalWrite(nested, local, model, keys, cancellationToken);
                    }
                }
            }
        }
    }

    /// <summary><c>local["k"] = v;</c> or <c>local.Add("k", v);</c> (ruled out by syntax before anything is bound).</summary>
    private static void AddLocalWrite(ExpressionStatementSyntax statement, ILocalSymbol local, SemanticModel model, List<(string, SyntaxNode, IOperation?)> keys, System.Threading.CancellationToken cancellationToken)
    {
        var receiverName = statement.Expression switch
        {
            AssignmentExpressionSyntax { Left: ElementAccessExpressionSyntax { Expression: IdentifierNameSyntax name } } => name,
            InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax name, Name.Identifier.ValueText: "Add" or "TryAdd" } } => name,
            _ => null,
        };
        if (receiverName?.Identifier.ValueText != local.Name)
        {
            return;
        }

        var operation = model.GetOperation(statement.Expression, cancellationToken);
        var receiver = operation switch
        {
            ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.IsIndexer: true } indexer } => indexer.Instance,
            IInvocationOperation invocation => invocation.Instance,
            _ => null,
        };
        if (receiver?.WithoutConversions() is ILocalReferenceOperation reference && SymbolEqualityComparer.Default.Equals(reference.Local, local))
        {
            AddKey(operation!, keys);
        }
    }

    /// <summary>The statements of the block, switch section or top-level code that holds this one.</summary>
    private static IEnumerable<StatementSyntax> Siblings(StatementSyntax? statement) => statement?.Parent switch
    {
        BlockSyntax block => block.Statements,
        SwitchSectionSyntax section => section.Statements,
        GlobalStatementSyntax { Parent: CompilationUnitSyntax unit } => unit.Members.OfType<GlobalStatementSyntax>().Select(g => g.Statement),
        _ => Enumerable.Empty<StatementSyntax>(),
    };
}

/// <summary>A raw request body and the keys it was given.</summary>
internal sealed class RawBody
{
    public RawBody(IOperation creation, EndpointSpec endpoint, List<(string Key, SyntaxNode Location, IOperation? Value)> keys)
    {
        Creation = creation;
        Endpoint = endpoint;
        Keys = keys;
    }

    public IOperation Creation { get; }

    public EndpointSpec Endpoint { get; }

    /// <summary>The keys in the order written (a list, not an interface, so that a foreach over them allocates nothing).</summary>
    public List<(string Key, SyntaxNode Location, IOperation? Value)> Keys { get; }

    /// <summary>The value written under the key (the first one), or null.</summary>
    public IOperation? ValueOf(string key)
    {
        foreach (var written in Keys)
        {
            if (written.Key == key)
            {
                return written.Value;
            }
        }

        return null;
    }

    /// <summary>Whether any key written is one of these.</summary>
    public bool HasAnyKey(System.Collections.Immutable.ImmutableHashSet<string> keys)
    {
        foreach (var written in Keys)
        {
            if (keys.Contains(written.Key))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Each key that names a field of the endpoint.</summary>
    public IEnumerable<FieldWrite> Fields()
    {
        for (var i = 0; i < Keys.Count; i++)
        {
            var (key, location, _) = Keys[i];
            if (Endpoint.FindField(key) is { } field)
            {
                yield return new FieldWrite(location, key, Endpoint, field);
            }
        }
    }
}

/// <summary>A request body written as constant JSON text (see <see cref="RequestWrites.JsonChatBody"/>).</summary>
internal sealed class JsonBody
{
    public JsonBody(IOperation operation, IOperation content, IOperation source, string text)
    {
        Content = content;
        Source = source;
        Text = text;

        // On the text when it is written in the call; on the body the call is given when the text is elsewhere (a local's
        // value): a diagnostic belongs to the code being analyzed.
        ReportAt = operation.Syntax.Span.Contains(source.Syntax.Span) ? source.Syntax : content.Syntax;
    }

    /// <summary>What the call is given (<c>BinaryContent.Create(...)</c>, the string).</summary>
    public IOperation Content { get; }

    /// <summary>The operation with the constant text (a literal, a constant, where a local got its value).</summary>
    public IOperation Source { get; }

    public string Text { get; }

    /// <summary>Where a finding about the body is reported (the fix edits <see cref="Source"/>).</summary>
    public SyntaxNode ReportAt { get; }

    public bool Has(string key) => HasKey(Text, key);

    /// <summary>Whether <c>"key"</c> stands in the text as a member name (followed by a colon), at any depth.</summary>
    public static bool HasKey(string json, string key)
    {
        var quoted = "\"" + key + "\"";
        for (var at = json.IndexOf(quoted, StringComparison.Ordinal); at >= 0; at = json.IndexOf(quoted, at + 1, StringComparison.Ordinal))
        {
            var after = at + quoted.Length;
            while (after < json.Length && char.IsWhiteSpace(json[after]))
            {
                after++;
            }

            if (after < json.Length && json[after] == ':')
            {
                return true;
            }
        }

        return false;
    }
}
