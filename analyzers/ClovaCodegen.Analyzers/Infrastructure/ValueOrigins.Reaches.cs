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

    [ThreadStatic]
    private static OperationSearch? t_search;

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

        // The search runs for every embedding call: its list and stack are kept per thread and cleared for the next one
        // (a search does not start another), instead of being allocated for each.
        var search = t_search ??= new OperationSearch();
        var pending = search.Pending;
        try
        {
            // One explicit stack, children pushed as each is visited: nested DescendantsAndSelf iterators allocated more
            // than the work itself.
            pending.Push(start);
            for (var visited = 0; pending.Count > 0 && visited < MaxOperations; visited++)
            {
                var operation = pending.Pop();
                if (isEvidence(operation))
                {
                    return true;
                }

                if (search.Follow(operation, containingSymbol.ContainingType) is { } symbol)
                {
                    PushOrigins(symbol, model, pending, cancellationToken);
                }

                foreach (var child in operation.ChildOperations)
                {
                    pending.Push(child);
                }
            }

            return false;
        }
        finally
        {
            search.Clear();
        }
    }

    /// <summary>Pushes the operations of the symbol's origins (for a member: its declaration and its type's constructors).</summary>
    private void PushOrigins(ISymbol symbol, SemanticModel model, Stack<IOperation> pending, CancellationToken cancellationToken)
    {
        var origins = Origins(symbol, model, cancellationToken);
        var type = symbol is ILocalSymbol || origins.Length == 0 ? null : origins[0].FirstAncestorOrSelf<TypeDeclarationSyntax>();
        foreach (var origin in origins)
        {
            var operation = origin switch
            {
                VariableDeclaratorSyntax declarator => declarator.Initializer is { } initializer ? model.GetOperation(initializer.Value, cancellationToken) : null,
                PropertyDeclarationSyntax property => property.Initializer is { } initializer ? model.GetOperation(initializer.Value, cancellationToken) : null,
                // A statement, or a member declaration with an expression body (<c>Ctor() => _x = ...;</c>).
                _ when type is null || origin.FirstAncestorOrSelf<ConstructorDeclarationSyntax>() is { } constructor && constructor.Parent == type => model.GetOperation(origin, cancellationToken),
                _ => null,
            };
            if (operation is not null)
            {
                pending.Push(operation);
            }
        }
    }

    /// <summary>One operation search's state: the symbols it has followed.</summary>
    private sealed class OperationSearch
    {
        // A search follows a handful of symbols: a list beats a hash set at that size.
        private readonly List<ISymbol> _followed = new();

        /// <summary>The operations the search has still to look at.</summary>
        public Stack<IOperation> Pending { get; } = new(32);

        /// <summary>Forgets this search (nothing of a compilation is kept past it).</summary>
        public void Clear()
        {
            _followed.Clear();
            Pending.Clear();
        }

        /// <summary>The local, or field/property of the code's own type, this operation reads (once per search).</summary>
        public ISymbol? Follow(IOperation operation, INamedTypeSymbol? ownType)
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

            foreach (var followed in _followed)
            {
                if (SymbolEqualityComparer.Default.Equals(followed, symbol))
                {
                    return null;
                }
            }

            _followed.Add(symbol);
            return symbol;
        }
    }
}
