using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using ClovaCodegen.Spec.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace ClovaCodegen.Analyzers.Infrastructure;

/// <summary>Raw request bodies (anonymous objects, dictionaries, JsonObjects) and the keys they are given.</summary>
internal static partial class RequestWrites
{
    /// <summary>
    /// A raw request body: an anonymous object, dictionary or JsonObject whose keys include <c>model</c> and <c>messages</c>
    /// (chat) or <c>input</c> (embeddings). Keys come from the initializer and, when the object is kept in a local, from
    /// indexer writes and Add calls on that local in the same body.
    /// </summary>
    public static RawBody? RawBody(IOperation creation, CompatSpec spec, KnownTypes types, System.Threading.CancellationToken cancellationToken) =>
        DispatchedOperation.RawBody(creation, spec, types, cancellationToken, FindRawBodyCallback);

    private static readonly Func<IOperation, CompatSpec, KnownTypes, CancellationToken, RawBody?> FindRawBodyCallback = FindRawBody;

    private static RawBody? FindRawBody(IOperation creation, CompatSpec spec, KnownTypes types, System.Threading.CancellationToken cancellationToken)
    {
        // Most creations are neither (a Uri, a client, options): ruled out by type before anything else.
        // By kind, then a cast: a type test per interface costs more than the rest of the check.
        var candidate = creation.Kind switch
        {
            OperationKind.AnonymousObjectCreation => ((IAnonymousObjectCreationOperation)creation).Initializers.Length >= 2,
            OperationKind.ObjectCreation => creation.Type is INamedTypeSymbol type && types.IsStringKeyedBag(type),
            _ => false,
        };

        // Five rules ask about every body (once per operation a host dispatches, see DispatchedOperation); a body is read once for both hosts.
        return candidate ? types.Operations.RawBody(creation, spec, types, cancellationToken, ReadCallback) : null;
    }

    private static readonly Func<IOperation, CompatSpec, KnownTypes, CancellationToken, RawBody?> ReadCallback = Read;

    private static RawBody? Read(IOperation creation, CompatSpec spec, KnownTypes types, System.Threading.CancellationToken cancellationToken)
    {
        var keys = new List<(string Key, SyntaxNode Location, IOperation? Value)>();
        switch (creation)
        {
            case IAnonymousObjectCreationOperation anonymous:
                // Loops over the arrays themselves: LINQ and IEnumerable over an ImmutableArray box and allocate for each body.
                foreach (var element in anonymous.Initializers)
                {
                    if (element is ISimpleAssignmentOperation initializer && initializer.Target is IPropertyReferenceOperation { Property.Name: var name } target)
                    {
                        keys.Add((name, target.Syntax, initializer.Value));
                    }
                }

                break;
            case IObjectCreationOperation { Type: INamedTypeSymbol type } objectCreation when types.IsStringKeyedBag(type):
                if (objectCreation.Initializer is { } initializers)
                {
                    foreach (var initializer in initializers.Initializers)
                    {
                        AddKey(initializer, keys);
                    }
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
