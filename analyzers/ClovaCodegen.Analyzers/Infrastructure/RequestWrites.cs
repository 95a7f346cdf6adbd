using System;
using System.Collections.Generic;
using System.Linq;
using ClovaCodegen.Spec.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace ClovaCodegen.Analyzers.Infrastructure;

/// <summary>An SDK member the spec binds, written by an operation (assigned, initialized, filled); Location is the member name.</summary>
internal sealed record BoundMemberWrite(IPropertySymbol Property, BindingSpec Binding, FieldSpec? Field, SyntaxNode Location);

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
    /// <c>new O { Metadata = { ["k"] = v } }</c>, <c>o.Metadata["k"] = v</c>, <c>o.LogitBiases.Add(k, v)</c>.
    /// </summary>
    public static BoundMemberWrite? BoundMember(IOperation operation, CompatSpec spec) =>
        DispatchFacts.Get(operation, spec, DispatchFacts.BoundMemberSlot, static (o, s, _) => FindBoundMember(o, s), default);

    private static BoundMemberWrite? FindBoundMember(IOperation operation, CompatSpec spec)
    {
        var target = operation switch
        {
            ISimpleAssignmentOperation assignment => assignment.Target is IPropertyReferenceOperation { Property.IsIndexer: true } indexer ? indexer.Instance : assignment.Target,
            IMemberInitializerOperation initializer => initializer.InitializedMember,
            IInvocationOperation { TargetMethod.Name: "Add" or "AddRange" or "Insert" or "TryAdd" } invocation => invocation.Instance,
            _ => null,
        };
        if (target?.WithoutConversions() is not IPropertyReferenceOperation { Property: var property } reference || spec.FindBinding(property) is not { } bound)
        {
            return null;
        }

        // Point at the member name (o.EndUserId / EndUserId in an initializer), not the whole statement.
        return new BoundMemberWrite(property, bound.Binding, bound.Field, reference.Syntax);
    }

    /// <summary>The text of a string or UTF-8 string constant (<c>"k"</c>, <c>"$.k"u8</c>), or null.</summary>
    public static string? ConstantText(IOperation? operation) => operation?.WithoutConversions() switch
    {
        ILiteralOperation { ConstantValue: { HasValue: true, Value: string text } } => text,
        IUtf8StringOperation utf8 => utf8.Value,
        { ConstantValue: { HasValue: true, Value: string text } } => text,
        _ => null,
    };

    /// <summary>
    /// A <c>Patch.Set/SetNull/Append/Remove("$.field"u8, ...)</c> on SDK options: the endpoint follows from the options type
    /// (EmbeddingGenerationOptions → embeddings, anything else → chat).
    /// </summary>
    public static FieldWrite? PatchPath(IInvocationOperation invocation, CompatSpec spec)
    {
        if (invocation.TargetMethod.Name is not ("Set" or "SetNull" or "Append" or "Remove" or "Insert")
            || invocation.Instance?.WithoutConversions() is not IPropertyReferenceOperation { Property.Name: "Patch", Property.ContainingType: var owner }
            || invocation.Arguments.Length == 0
            || ConstantText(invocation.Arguments[0].Value) is not { } path
            || !path.StartsWith("$.", StringComparison.Ordinal))
        {
            return null;
        }

        var name = path.Substring(2);
        var dot = name.IndexOfAny(new[] { '.', '[' });
        name = dot < 0 ? name : name.Substring(0, dot);
        var endpoint = spec.FindEndpoint(owner.Name.StartsWith("Embedding", StringComparison.Ordinal) ? EndpointSpec.Embeddings : EndpointSpec.ChatCompletions);
        return endpoint?.FindField(name) is { } field ? new FieldWrite(invocation.Arguments[0].Syntax, name, endpoint, field) : null;
    }

    /// <summary>
    /// A raw request body: an anonymous object, dictionary or JsonObject whose keys include <c>model</c> and <c>messages</c>
    /// (chat) or <c>input</c> (embeddings). Keys come from the initializer and, when the object is kept in a local, from
    /// indexer writes and Add calls on that local in the same body.
    /// </summary>
    public static RawBody? RawBody(IOperation creation, CompatSpec spec, System.Threading.CancellationToken cancellationToken)
    {
        // Most creations are neither (a Uri, a client, options): ruled out by type before anything else.
        var candidate = creation switch
        {
            IAnonymousObjectCreationOperation { Initializers.Length: >= 2 } => true,
            IObjectCreationOperation { Type: INamedTypeSymbol type } => IsStringKeyedBag(type),
            _ => false,
        };

        // Four rules ask about every body: the dispatch reads it once for all of them.
        return candidate ? DispatchFacts.Get(creation, spec, DispatchFacts.RawBodySlot, Read, cancellationToken) : null;
    }

    private static RawBody? Read(IOperation creation, CompatSpec spec, System.Threading.CancellationToken cancellationToken)
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
            case IObjectCreationOperation { Type: INamedTypeSymbol type } objectCreation when IsStringKeyedBag(type):
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

    /// <summary>A Dictionary/IDictionary with string keys, or System.Text.Json's JsonObject.</summary>
    private static bool IsStringKeyedBag(INamedTypeSymbol type)
    {
        if (type.Name == "JsonObject")
        {
            return true;
        }

        return type.Name.EndsWith("Dictionary", StringComparison.Ordinal) && type.TypeArguments.Length == 2 && type.TypeArguments[0].SpecialType == SpecialType.System_String;
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
    public RawBody(IOperation creation, EndpointSpec endpoint, IReadOnlyList<(string Key, SyntaxNode Location, IOperation? Value)> keys)
    {
        Creation = creation;
        Endpoint = endpoint;
        Keys = keys;
    }

    public IOperation Creation { get; }

    public EndpointSpec Endpoint { get; }

    public IReadOnlyList<(string Key, SyntaxNode Location, IOperation? Value)> Keys { get; }

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
