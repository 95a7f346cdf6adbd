using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace ClovaCodegen.Analyzers.Infrastructure;

internal sealed partial class ValueOrigins
{
    public sealed partial class Trace
    {
        private readonly List<(IOperation Body, int Start, int Count)> _bodies = new();
        private readonly List<(ISymbol Target, IOperation Origin)> _given = new();
        private readonly Stack<IOperation> _walk = new(32);

        /// <summary>
        /// The same origins as <see cref="Origins"/>, read from a body's bound operations, for a search whose evidence is an
        /// operation (<see cref="Reaches"/>): a declarator's initializer, a statement that assigns a symbol (or a member of
        /// it), a statement that configures one, each with the symbol it gives a value to. The operations are already built,
        /// so nothing is bound and no text is searched; a search that follows several symbols through one constructor (a
        /// field, the client local it was set from, the options local that made the client) walks it once.
        /// </summary>
        public Given GivenIn(IOperation body)
        {
            foreach (var (known, start, count) in _bodies)
            {
                if (known == body)
                {
                    return new Given(_given, start, count);
                }
            }

            var first = _given.Count;
            var descendIntoExpressions = body.Syntax is ExpressionSyntax;
            var pending = _walk;
            pending.Clear();
            pending.Push(body);
            while (pending.Count > 0)
            {
                _cancellationToken.ThrowIfCancellationRequested();
                // By kind first: every operation of the body comes here, and a type test per interface costs more than the rest.
                var operation = pending.Pop();
                if (operation.Kind == OperationKind.VariableDeclarator && ((IVariableDeclaratorOperation)operation) is { Initializer: { } initializer } declarator)
                {
                    _given.Add((declarator.Symbol, initializer.Value));
                }
                else if (operation.Kind == OperationKind.ExpressionStatement)
                {
                    switch (((IExpressionStatementOperation)operation).Operation)
                    {
                        case ISimpleAssignmentOperation assignment when Root(assignment.Target) is { } assigned:
                            _given.Add((assigned, assignment));
                            break;
                        case IInvocationOperation { Instance: { } instance } call when IsConfiguring(call) && Root(instance) is { } configured:
                            _given.Add((configured, call));
                            break;
                    }
                }
                else if (descendIntoExpressions || operation.Syntax is not ExpressionSyntax)
                {
                    foreach (var child in operation.ChildOperations)
                    {
                        pending.Push(child);
                    }
                }
            }

            _bodies.Add((body, first, _given.Count - first));
            return new Given(_given, first, _given.Count - first);
        }

        private void ClearGiven()
        {
            _bodies.Clear();
            _given.Clear();
            _walk.Clear();
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

        /// <summary><c>x.AddPolicy(...)</c>, <c>x.SetY(...)</c>, or any call on a member of it (<c>x.Patch.Set(...)</c>); not <c>x.Send(...)</c>.</summary>
        private static bool IsConfiguring(IInvocationOperation invocation) =>
            IsConfiguringName(invocation.TargetMethod.Name)
            || invocation.Instance?.WithoutConversions() is IMemberReferenceOperation { Instance: not null and not IInstanceReferenceOperation };
    }

    /// <summary>What a body gives symbols: a slice of a search's list.</summary>
    public readonly struct Given
    {
        private readonly List<(ISymbol Target, IOperation Origin)> _list;
        private readonly int _start;

        public Given(List<(ISymbol Target, IOperation Origin)> list, int start, int count)
        {
            _list = list;
            _start = start;
            Count = count;
        }

        public int Count { get; }

        public (ISymbol Target, IOperation Origin) this[int index] => _list[_start + index];
    }
}
