using System;
using System.Collections.Concurrent;
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
    private static readonly IOperation[] NoOperations = Array.Empty<IOperation>();

    private readonly ConcurrentDictionary<(ISymbol Member, SyntaxTree Tree), IOperation[]> _memberOperations = new(MemberInTree.Comparer);

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
                PushOrigins(trace, symbol, operation, pending);
            }
            else if (MemberOfObjectMadeHere(operation, trace) is { } member)
            {
                PushMemberOrigins(trace, member, pending);
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
        // By kind first: every operation of the search comes here, and a type test per interface costs more than the rest.
        // A member an object initializer sets (new Settings { Options = o }: its receiver is the object being made) is given
        // a value there, not read: where this object's member got its values says nothing about that one.
        var symbol = operation.Kind switch
        {
            OperationKind.LocalReference => ((ILocalReferenceOperation)operation).Local,
            OperationKind.FieldReference => operation is IFieldReferenceOperation { Instance: null or IInstanceReferenceOperation { ReferenceKind: not InstanceReferenceKind.ImplicitReceiver } } field && SymbolEqualityComparer.Default.Equals(field.Field.ContainingType, ownType) ? field.Field : null,
            OperationKind.PropertyReference => operation is IPropertyReferenceOperation { Instance: null or IInstanceReferenceOperation { ReferenceKind: not InstanceReferenceKind.ImplicitReceiver }, Property.IsIndexer: false } property && SymbolEqualityComparer.Default.Equals(property.Property.ContainingType, ownType) ? property.Property : null,
            _ => (ISymbol?)null,
        };
        return symbol is not null && FirstTime(followed, symbol) ? symbol : null;
    }

    /// <summary>Whether the search follows the symbol for the first time (and notes that it does).</summary>
    private static bool FirstTime(List<ISymbol> followed, ISymbol symbol)
    {
        // A search follows a handful of symbols: a list beats a hash set at that size.
        foreach (var known in followed)
        {
            if (SymbolEqualityComparer.Default.Equals(known, symbol))
            {
                return false;
            }
        }

        followed.Add(symbol);
        return true;
    }

    /// <summary>
    /// Pushes what gave the symbol its value: for a local, what its body gives it; for a member of the code's own type, its
    /// initializer and what the type's constructors in this file give it (once per compilation).
    /// </summary>
    private void PushOrigins(Trace trace, ISymbol symbol, IOperation reference, Stack<IOperation> pending)
    {
        if (symbol is ILocalSymbol)
        {
            var given = trace.GivenIn(BodyOf(reference));
            for (var i = 0; i < given.Count; i++)
            {
                if (SymbolEqualityComparer.Default.Equals(given[i].Target, symbol))
                {
                    pending.Push(given[i].Origin);
                }
            }

            return;
        }

        PushMemberOrigins(trace, symbol, pending);
    }

    private void PushMemberOrigins(Trace trace, ISymbol member, Stack<IOperation> pending)
    {
        var key = (member, trace.Model.SyntaxTree);
        if (!_memberOperations.TryGetValue(key, out var origins))
        {
            origins = MemberOperations(trace, member);
            _memberOperations.TryAdd(key, origins);
        }

        foreach (var origin in origins)
        {
            pending.Push(origin);
        }
    }

    /// <summary>
    /// The field or property read off a local that holds only objects made in this body without that member set
    /// (<c>var settings = new Settings(); ... settings.Options</c>), once per search: such an object's member has what its type's
    /// declaration and constructors give it, as a member of the code's own type does. Null when the local also gets another
    /// value, a member write or a configuring call (those are its origins, which the search follows instead).
    /// </summary>
    private static ISymbol? MemberOfObjectMadeHere(IOperation operation, Trace trace)
    {
        ISymbol member;
        IOperation? instance;
        switch (operation.Kind)
        {
            case OperationKind.PropertyReference when operation is IPropertyReferenceOperation { Property.IsIndexer: false } property:
                (member, instance) = (property.Property, property.Instance);
                break;
            case OperationKind.FieldReference:
                var field = (IFieldReferenceOperation)operation;
                (member, instance) = (field.Field, field.Instance);
                break;
            default:
                return null;
        }

        if (instance?.WithoutConversions() is not ILocalReferenceOperation { Local: var local })
        {
            return null;
        }

        var given = trace.GivenIn(BodyOf(operation));
        var made = false;
        for (var i = 0; i < given.Count; i++)
        {
            if (!SymbolEqualityComparer.Default.Equals(given[i].Target, local))
            {
                continue;
            }

            if (given[i].Origin.WithoutConversions() is not IObjectCreationOperation creation || Sets(creation.Initializer, member))
            {
                return null;
            }

            made = true;
        }

        return made && FirstTime(trace.FollowedSymbols, member) ? member : null;
    }

    /// <summary>Whether an object initializer gives the member a value (<c>new Settings { Options = o }</c>).</summary>
    private static bool Sets(IObjectOrCollectionInitializerOperation? initializer, ISymbol member)
    {
        if (initializer is null)
        {
            return false;
        }

        foreach (var set in initializer.Initializers)
        {
            if (set is IAssignmentOperation { Target: IMemberReferenceOperation target } && SymbolEqualityComparer.Default.Equals(target.Member, member))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A field's or property's initializer, and what the type's constructors in this file give it.</summary>
    private static IOperation[] MemberOperations(Trace trace, ISymbol member)
    {
        var model = trace.Model;
        List<IOperation>? origins = null;
        foreach (var reference in member.DeclaringSyntaxReferences)
        {
            var initializer = reference.GetSyntax(trace.CancellationToken) switch
            {
                VariableDeclaratorSyntax declarator => declarator.Initializer,
                PropertyDeclarationSyntax property => property.Initializer,
                _ => null,
            };
            if (initializer is not null && initializer.SyntaxTree == model.SyntaxTree && model.GetOperation(initializer, trace.CancellationToken) is { } operation)
            {
                (origins ??= new List<IOperation>()).Add(operation);
            }
        }

        // A constant gets its value where it is declared; anything else may also get one in a constructor of the type
        // (found in its declarations in this file: asking the symbol for its constructors builds arrays of them).
        if (member is not IFieldSymbol { IsConst: true })
        {
            foreach (var reference in member.ContainingType.DeclaringSyntaxReferences)
            {
                if (reference.SyntaxTree != model.SyntaxTree || reference.GetSyntax(trace.CancellationToken) is not TypeDeclarationSyntax type)
                {
                    continue;
                }

                foreach (var declaration in type.Members)
                {
                    if (declaration is ConstructorDeclarationSyntax constructor && model.GetOperation(constructor, trace.CancellationToken) is { } body)
                    {
                        var given = trace.GivenIn(body);
                        for (var i = 0; i < given.Count; i++)
                        {
                            if (SymbolEqualityComparer.Default.Equals(given[i].Target, member))
                            {
                                (origins ??= new List<IOperation>()).Add(given[i].Origin);
                            }
                        }
                    }
                }
            }
        }

        return origins is null ? NoOperations : origins.ToArray();
    }

    /// <summary>The outermost operation of the body the reference is in (a method, constructor, accessor, top-level code).</summary>
    private static IOperation BodyOf(IOperation operation)
    {
        while (operation.Parent is { } parent)
        {
            operation = parent;
        }

        return operation;
    }
}
