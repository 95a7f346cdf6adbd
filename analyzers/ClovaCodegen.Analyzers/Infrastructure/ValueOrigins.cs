using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace ClovaCodegen.Analyzers.Infrastructure;

/// <summary>
/// Where values come from, read from the bound operations the compiler already built: a local from its initializer, the
/// assignments to it and the calls that configure it (<c>x.AddPolicy(...)</c>, <c>x.Patch.Set(...)</c>) in the same body;
/// a field or property of the code's own type from its initializer and the assignments and configuring calls in the type's
/// constructors. Parameters, other types and other files end the trail. One instance serves a compilation: what a member
/// was given is looked up once, however many methods use it.
/// </summary>
internal sealed class ValueOrigins
{
    private const int MaxOperations = 512;

    private readonly ConcurrentDictionary<ISymbol, ImmutableArray<IOperation>> _memberOrigins = new(SymbolEqualityComparer.Default);

    /// <summary>
    /// Whether the operation, or anything its values came from, passes <paramref name="isEvidence"/>;
    /// <paramref name="containingSymbol"/> is the member the operation is in (its type's members are followed).
    /// </summary>
    public bool Reaches(IOperation start, ISymbol containingSymbol, Func<IOperation, bool> isEvidence, CancellationToken cancellationToken)
    {
        // The search runs for every embedding call: its lists and stacks are kept per thread and cleared for the next one
        // (a search does not start another), instead of being allocated for each.
        var search = t_search ??= new Search();
        search.Start(this, start, containingSymbol.ContainingType, cancellationToken);

        // One explicit stack for the operations still to look at, children pushed as each is visited: nested
        // DescendantsAndSelf iterators allocated more than the work itself.
        var pending = search.Pending;
        try
        {
            pending.Push(start);
            for (var visited = 0; pending.Count > 0 && visited < MaxOperations; visited++)
            {
                var operation = pending.Pop();
                if (isEvidence(operation))
                {
                    return true;
                }

                if (search.Follow(operation) is { } symbol)
                {
                    search.PushOrigins(symbol, operation, pending);
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
            search.Finish();
        }
    }

    [ThreadStatic]
    private static Search? t_search;

    /// <summary>The symbol a configuring call or an assignment ultimately changes: <c>x</c> of <c>x.A.B(...)</c>, <c>x.A = v</c>.</summary>
    private static ISymbol? Root(IOperation? operation)
    {
        for (var depth = 0; operation is not null && depth < 8; depth++)
        {
            switch (operation.WithoutConversions())
            {
                case ILocalReferenceOperation local:
                    return local.Local;
                case IFieldReferenceOperation { Instance: null or IInstanceReferenceOperation } field:
                    return field.Field;
                case IPropertyReferenceOperation { Instance: null or IInstanceReferenceOperation, Property.IsIndexer: false } property:
                    return property.Property;
                case IMemberReferenceOperation member:
                    operation = member.Instance;
                    break;
                default:
                    return null;
            }
        }

        return null;
    }

    /// <summary><c>a</c> of <c>a</c>, <c>a.B.C</c>, <c>this.a</c>, <c>a[i]</c>, as written (the syntax twin of the operation root above).</summary>
    internal static IdentifierNameSyntax? SyntaxRoot(ExpressionSyntax expression)
    {
        while (true)
        {
            switch (expression)
            {
                case IdentifierNameSyntax identifier:
                    return identifier;
                case MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax, Name: IdentifierNameSyntax name }:
                    return name;
                case MemberAccessExpressionSyntax access:
                    expression = access.Expression;
                    break;
                case ElementAccessExpressionSyntax element:
                    expression = element.Expression;
                    break;
                default:
                    return null;
            }
        }
    }

    /// <summary>A method that configures its receiver by name (<c>AddPolicy</c>, <c>SetY</c>), as opposed to one that uses it.</summary>
    internal static bool IsConfiguringName(string methodName) =>
        methodName.StartsWith("Add", StringComparison.Ordinal) || methodName.StartsWith("Set", StringComparison.Ordinal);

    /// <summary>One search: the symbols it has followed.</summary>
    private sealed class Search
    {
        private ValueOrigins _owner = null!;
        private SemanticModel? _model;
        private INamedTypeSymbol? _type;
        private CancellationToken _cancellationToken;
        // A search follows a handful of symbols and looks into one to three bodies: lists beat hash sets at that size.
        private readonly List<ISymbol> _followed = new();
        private readonly List<(IOperation Body, List<(ISymbol Target, IOperation Origin)> Candidates)> _bodies = new();
        private readonly Stack<IOperation> _walk = new(32);
        private readonly List<IOperation> _origins = new();
        private readonly Func<ISymbol, ImmutableArray<IOperation>> _memberOriginsFactory;

        public Search() => _memberOriginsFactory = MemberOrigins;

        /// <summary>The operations the search has still to look at.</summary>
        public Stack<IOperation> Pending { get; } = new(32);

        public void Start(ValueOrigins owner, IOperation start, INamedTypeSymbol? type, CancellationToken cancellationToken)
        {
            _owner = owner;
            _model = start.SemanticModel;
            _type = type;
            _cancellationToken = cancellationToken;
        }

        /// <summary>Forgets this search (nothing of a compilation is kept past it).</summary>
        public void Finish()
        {
            _owner = null!;
            _model = null;
            _type = null;
            _followed.Clear();
            _bodies.Clear();
            _walk.Clear();
            _origins.Clear();
            Pending.Clear();
        }

        /// <summary>The local, or field/property of the code's own type, this operation reads (once per search).</summary>
        public ISymbol? Follow(IOperation operation)
        {
            var symbol = operation switch
            {
                ILocalReferenceOperation local => local.Local,
                IFieldReferenceOperation { Instance: null or IInstanceReferenceOperation } field when IsOwn(field.Field) => field.Field,
                IPropertyReferenceOperation { Instance: null or IInstanceReferenceOperation, Property.IsIndexer: false } property when IsOwn(property.Property) => property.Property,
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

        private bool IsOwn(ISymbol member) => SymbolEqualityComparer.Default.Equals(member.ContainingType, _type);

        /// <summary>Pushes what gave the symbol its value: for a local, from the body it is in; for a member, once per compilation.</summary>
        public void PushOrigins(ISymbol symbol, IOperation reference, Stack<IOperation> pending)
        {
            if (symbol is ILocalSymbol)
            {
                foreach (var (target, origin) in Candidates(BodyOf(reference)))
                {
                    if (SymbolEqualityComparer.Default.Equals(target, symbol))
                    {
                        pending.Push(origin);
                    }
                }

                return;
            }

            foreach (var origin in _owner._memberOrigins.GetOrAdd(symbol, _memberOriginsFactory))
            {
                pending.Push(origin);
            }
        }


        /// <summary>A field's or property's initializer, and what the type's constructors in this file give it.</summary>
        private ImmutableArray<IOperation> MemberOrigins(ISymbol member)
        {
            if (_model is null)
            {
                return ImmutableArray<IOperation>.Empty;
            }

            // Gathered in the search's own list (most members have one or two origins), then copied at their exact size:
            // a builder per member showed as a sixth of the rules' time in a profile.
            var origins = _origins;
            origins.Clear();

            foreach (var reference in member.DeclaringSyntaxReferences)
            {
                var initializer = reference.GetSyntax(_cancellationToken) switch
                {
                    VariableDeclaratorSyntax declarator => declarator.Initializer,
                    PropertyDeclarationSyntax property => property.Initializer,
                    _ => null,
                };
                if (initializer is not null && initializer.SyntaxTree == _model.SyntaxTree && _model.GetOperation(initializer, _cancellationToken) is { } operation)
                {
                    origins.Add(operation);
                }
            }

            // A constant gets its value where it is declared; anything else may also get one in a constructor of the type
            // (found in its declarations in this file: asking the symbol for its constructors builds arrays of them).
            if (member is not IFieldSymbol { IsConst: true })
            {
                foreach (var reference in member.ContainingType.DeclaringSyntaxReferences)
                {
                    if (reference.SyntaxTree != _model.SyntaxTree || reference.GetSyntax(_cancellationToken) is not TypeDeclarationSyntax type)
                    {
                        continue;
                    }

                    foreach (var declaration in type.Members)
                    {
                        if (declaration is ConstructorDeclarationSyntax constructor && _model.GetOperation(constructor, _cancellationToken) is { } body)
                        {
                            AddOriginsIn(body, member, origins);
                        }
                    }
                }
            }

            return origins.Count == 0 ? ImmutableArray<IOperation>.Empty : ImmutableArray.CreateRange(origins);
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

        /// <summary>What a body gives the symbol (see <see cref="Candidates"/>).</summary>
        private void AddOriginsIn(IOperation body, ISymbol symbol, List<IOperation> origins)
        {
            foreach (var (target, origin) in Candidates(body))
            {
                if (SymbolEqualityComparer.Default.Equals(target, symbol))
                {
                    origins.Add(origin);
                }
            }
        }

        /// <summary>
        /// Everything a body gives a symbol, with the symbol: a declarator's initializer, a statement that assigns a symbol
        /// (or a member of it), a statement that configures one. Values are given in statements, so only statements are
        /// searched, not the expressions inside them (most of a body's operations). The body's operations are already
        /// built, so no syntax is walked and nothing is bound; a search that follows several symbols through the same
        /// constructor (a field, the client local it was set from, the options local that made the client) walks it once.
        /// </summary>
        private List<(ISymbol Target, IOperation Origin)> Candidates(IOperation body)
        {
            foreach (var (known, candidates) in _bodies)
            {
                if (known == body)
                {
                    return candidates;
                }
            }

            var found = new List<(ISymbol Target, IOperation Origin)>();
            _bodies.Add((body, found));
            var descendIntoExpressions = body.Syntax is ExpressionSyntax;
            var pending = _walk;
            pending.Clear();
            pending.Push(body);
            while (pending.Count > 0)
            {
                _cancellationToken.ThrowIfCancellationRequested();
                switch (pending.Pop())
                {
                    case IVariableDeclaratorOperation { Initializer: { } initializer } declarator:
                        found.Add((declarator.Symbol, initializer.Value));
                        break;
                    case IExpressionStatementOperation { Operation: ISimpleAssignmentOperation assignment } when Root(assignment.Target) is { } assigned:
                        found.Add((assigned, assignment));
                        break;
                    case IExpressionStatementOperation { Operation: IInvocationOperation { Instance: { } instance } call } when IsConfiguring(call) && Root(instance) is { } configured:
                        found.Add((configured, call));
                        break;
                    case IExpressionStatementOperation:
                        break;
                    case var operation when descendIntoExpressions || operation.Syntax is not ExpressionSyntax:
                        foreach (var child in operation.ChildOperations)
                        {
                            pending.Push(child);
                        }

                        break;
                }
            }

            return found;
        }

        /// <summary><c>x.AddPolicy(...)</c>, <c>x.SetY(...)</c>, or any call on a member of it (<c>x.Patch.Set(...)</c>); not <c>x.Send(...)</c>.</summary>
        private static bool IsConfiguring(IInvocationOperation invocation) =>
            IsConfiguringName(invocation.TargetMethod.Name)
            || invocation.Instance?.WithoutConversions() is IMemberReferenceOperation { Instance: not null and not IInstanceReferenceOperation };
    }
}
