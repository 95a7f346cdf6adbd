using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace ClovaCodegen.Analyzers.Infrastructure;

/// <summary>The origin search over bound operations, for evidence that is an operation (a call, a creation, a member).</summary>
internal sealed partial class ValueOrigins
{
    private const int MaxOperations = 512;

    /// <summary>
    /// Whether the operation, or anything its values came from, passes <paramref name="isEvidence"/>. Locals are followed
    /// to their origins; a field or property of the code's own type (<paramref name="containingSymbol"/>'s) to what its
    /// declaration and the type's constructors give it: what the object is made with, not what some later call may change.
    /// </summary>
    public bool Reaches(IOperation start, ISymbol containingSymbol, Func<IOperation, bool> isEvidence, CancellationToken cancellationToken)
    {
        if (start.SemanticModel is not { } model)
        {
            return isEvidence(start);
        }

        using var trace = Begin(model, cancellationToken);
        var ownType = containingSymbol.ContainingType;
        // One explicit stack, children pushed as each is visited: nested DescendantsAndSelf iterators allocated more than
        // the work itself.
        var pending = trace.PendingOperations;
        pending.Push(start);
        for (var visited = 0; pending.Count > 0 && visited < MaxOperations; visited++)
        {
            var operation = pending.Pop();
            if (isEvidence(operation))
            {
                return true;
            }

            if (Follow(operation, ownType, trace.FollowedSymbols) is { } symbol)
            {
                PushOrigins(trace, symbol, pending);
            }

            foreach (var child in operation.ChildOperations)
            {
                pending.Push(child);
            }
        }

        return false;
    }

    /// <summary>The local, or field/property of the code's own type, this operation reads (once per search).</summary>
    private static ISymbol? Follow(IOperation operation, INamedTypeSymbol? ownType, List<ISymbol> followed)
    {
        var symbol = operation switch
        {
            ILocalReferenceOperation local => local.Local,
            IFieldReferenceOperation { Instance: null or IInstanceReferenceOperation } field when SymbolEqualityComparer.Default.Equals(field.Field.ContainingType, ownType) => field.Field,
            IPropertyReferenceOperation { Instance: null or IInstanceReferenceOperation, Property.IsIndexer: false } property when SymbolEqualityComparer.Default.Equals(property.Property.ContainingType, ownType) => property.Property,
            _ => (ISymbol?)null,
        };
        if (symbol is null)
        {
            return null;
        }

        // A search follows a handful of symbols: a list beats a hash set at that size.
        foreach (var known in followed)
        {
            if (SymbolEqualityComparer.Default.Equals(known, symbol))
            {
                return null;
            }
        }

        followed.Add(symbol);
        return symbol;
    }

    /// <summary>Pushes the operations of the symbol's origins (for a member: its declaration and its type's constructors).</summary>
    private static void PushOrigins(Trace trace, ISymbol symbol, Stack<IOperation> pending)
    {
        var model = trace.Model;
        var origins = trace.Origins(symbol);
        var type = symbol is ILocalSymbol || origins.Count == 0 ? null : origins[0].FirstAncestorOrSelf<TypeDeclarationSyntax>();
        for (var i = 0; i < origins.Count; i++)
        {
            var origin = origins[i];
            var operation = origin switch
            {
                VariableDeclaratorSyntax declarator => declarator.Initializer is { } initializer ? model.GetOperation(initializer.Value, trace.CancellationToken) : null,
                PropertyDeclarationSyntax property => property.Initializer is { } initializer ? model.GetOperation(initializer.Value, trace.CancellationToken) : null,
                // A statement, or a member declaration with an expression body (<c>Ctor() => _x = ...;</c>).
                _ when type is null || origin.FirstAncestorOrSelf<ConstructorDeclarationSyntax>() is { } constructor && constructor.Parent == type => model.GetOperation(origin, trace.CancellationToken),
                _ => null,
            };
            if (operation is not null)
            {
                pending.Push(operation);
            }
        }
    }
}
