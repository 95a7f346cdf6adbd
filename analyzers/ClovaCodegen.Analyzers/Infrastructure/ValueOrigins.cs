using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
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
        var search = new Search(this, start, containingSymbol.ContainingType, cancellationToken);
        var pending = new Stack<IOperation>();
        pending.Push(start);
        var visited = 0;
        while (pending.Count > 0 && visited < MaxOperations)
        {
            foreach (var operation in pending.Pop().DescendantsAndSelf())
            {
                visited++;
                if (isEvidence(operation))
                {
                    return true;
                }

                if (search.Follow(operation) is { } symbol)
                {
                    foreach (var origin in search.Origins(symbol, operation))
                    {
                        pending.Push(origin);
                    }
                }
            }
        }

        return false;
    }

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
        private readonly ValueOrigins _owner;
        private readonly SemanticModel? _model;
        private readonly INamedTypeSymbol? _type;
        private readonly CancellationToken _cancellationToken;
        private readonly HashSet<ISymbol> _followed = new(SymbolEqualityComparer.Default);
        private readonly Dictionary<SyntaxNode, Dictionary<string, List<SyntaxNode>>> _candidates = new();

        public Search(ValueOrigins owner, IOperation start, INamedTypeSymbol? type, CancellationToken cancellationToken)
        {
            _owner = owner;
            _model = start.SemanticModel;
            _type = type;
            _cancellationToken = cancellationToken;
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
            return symbol is not null && _followed.Add(symbol) ? symbol : null;
        }

        private bool IsOwn(ISymbol member) => SymbolEqualityComparer.Default.Equals(member.ContainingType, _type);

        public IEnumerable<IOperation> Origins(ISymbol symbol, IOperation reference) => symbol is ILocalSymbol
            ? OriginsIn(BodyOf(reference).Syntax, symbol)
            : _owner._memberOrigins.GetOrAdd(symbol, _memberOriginsFactory ??= MemberOrigins);

        private Func<ISymbol, ImmutableArray<IOperation>>? _memberOriginsFactory;

        /// <summary>A field's or property's initializer, and what the type's constructors in this file give it.</summary>
        private ImmutableArray<IOperation> MemberOrigins(ISymbol member)
        {
            var origins = ImmutableArray.CreateBuilder<IOperation>();
            if (_model is null)
            {
                return origins.ToImmutable();
            }

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

            // A constant gets its value where it is declared; anything else may also get one in a constructor.
            foreach (var constructors in member is IFieldSymbol { IsConst: true } ? Array.Empty<ImmutableArray<IMethodSymbol>>() : new[] { member.ContainingType.InstanceConstructors, member.ContainingType.StaticConstructors })
            {
                foreach (var constructor in constructors)
                {
                    foreach (var reference in constructor.DeclaringSyntaxReferences)
                    {
                        if (reference.SyntaxTree == _model.SyntaxTree && reference.GetSyntax(_cancellationToken) is ConstructorDeclarationSyntax declaration)
                        {
                            origins.AddRange(OriginsIn(declaration, member));
                        }
                    }
                }
            }

            return origins.ToImmutable();
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

        /// <summary>
        /// What a body gives the symbol: a declarator's initializer, a statement that assigns it (or a member of it), a
        /// statement that configures it. Values are given in statements, so only statements are searched, by name, and only
        /// the few whose target is spelled like the symbol are bound.
        /// </summary>
        private IEnumerable<IOperation> OriginsIn(SyntaxNode body, ISymbol symbol)
        {
            if (_model is null || body.SyntaxTree != _model.SyntaxTree || !Candidates(body).TryGetValue(symbol.Name, out var candidates))
            {
                yield break;
            }

            foreach (var node in candidates)
            {
                IOperation? origin = node switch
                {
                    VariableDeclaratorSyntax declarator
                        => _model.GetOperation(declarator, _cancellationToken) is IVariableDeclaratorOperation { Initializer: { } initializer } declared
                           && SymbolEqualityComparer.Default.Equals(declared.Symbol, symbol) ? initializer : null,
                    AssignmentExpressionSyntax assignment
                        => _model.GetOperation(assignment, _cancellationToken) is ISimpleAssignmentOperation written
                           && SymbolEqualityComparer.Default.Equals(Root(written.Target), symbol) ? written : null,
                    InvocationExpressionSyntax invocation
                        => _model.GetOperation(invocation, _cancellationToken) is IInvocationOperation { Instance: { } instance } call
                           && IsConfiguring(call) && SymbolEqualityComparer.Default.Equals(Root(instance), symbol) ? call : null,
                    _ => null,
                };
                if (origin is not null)
                {
                    yield return origin;
                }
            }
        }

        /// <summary>A body's statements that may give a value, by the name they give it to (one walk per body and search).</summary>
        private Dictionary<string, List<SyntaxNode>> Candidates(SyntaxNode body)
        {
            if (_candidates.TryGetValue(body, out var byName))
            {
                return byName;
            }

            byName = new Dictionary<string, List<SyntaxNode>>(StringComparer.Ordinal);
            foreach (var node in body.DescendantNodes(n => n == body || n is not ExpressionSyntax))
            {
                _cancellationToken.ThrowIfCancellationRequested();
                var name = node switch
                {
                    VariableDeclaratorSyntax { Initializer: not null } declarator => declarator.Identifier.ValueText,
                    AssignmentExpressionSyntax { Parent: ExpressionStatementSyntax or ArrowExpressionClauseSyntax } assignment => SyntaxRoot(assignment.Left)?.Identifier.ValueText,
                    InvocationExpressionSyntax { Parent: ExpressionStatementSyntax or ArrowExpressionClauseSyntax, Expression: MemberAccessExpressionSyntax access } => SyntaxRoot(access.Expression)?.Identifier.ValueText,
                    _ => null,
                };
                if (name is not null)
                {
                    if (!byName.TryGetValue(name, out var list))
                    {
                        byName[name] = list = new List<SyntaxNode>();
                    }

                    list.Add(node);
                }
            }

            _candidates[body] = byName;
            return byName;
        }

        /// <summary><c>x.AddPolicy(...)</c>, <c>x.SetY(...)</c>, or any call on a member of it (<c>x.Patch.Set(...)</c>); not <c>x.Send(...)</c>.</summary>
        private static bool IsConfiguring(IInvocationOperation invocation) =>
            IsConfiguringName(invocation.TargetMethod.Name)
            || invocation.Instance?.WithoutConversions() is IMemberReferenceOperation { Instance: not null and not IInstanceReferenceOperation };
    }
}
