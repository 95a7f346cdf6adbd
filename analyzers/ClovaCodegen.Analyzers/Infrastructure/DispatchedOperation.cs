using System;
using System.Threading;
using ClovaCodegen.Spec.Model;
using Microsoft.CodeAnalysis;

namespace ClovaCodegen.Analyzers.Infrastructure;

/// <summary>
/// What several rules ask of the operation a host is handing to them, remembered on the host's thread while it does so:
/// the SDK member a write sets is asked by four rules of every assignment, initializer and call of the project, and the
/// raw request body a creation makes by five rules of every creation, one after another on the same operation object. A
/// slot per thread costs a reference comparison; <see cref="OperationFacts"/>' weak table (shared by both hosts, for what
/// costs far more to work out) costs a lookup per question, and deciding again which creations can be bodies cost a
/// dictionary lookup per rule. The host clears the slot once its rules are done (<see cref="Leave"/>), so that nothing of
/// the compilation is kept alive by an idle thread; outside a host's dispatch (a rule's helpers called from tests)
/// nothing is remembered.
/// </summary>
internal sealed class DispatchedOperation
{
    [ThreadStatic]
    private static DispatchedOperation? t_current;

    private IOperation? _operation;
    private Answer<BoundMemberWrite?> _boundMember;
    private Answer<RawBody?> _rawBody;

    /// <summary>The host starts handing <paramref name="operation"/> to its rules on this thread.</summary>
    public static void Enter(IOperation operation)
    {
        var current = t_current ??= new DispatchedOperation();
        current._operation = operation;
        current._boundMember = default;
        current._rawBody = default;
    }

    /// <summary>The host's rules are done with the operation: forget it.</summary>
    public static void Leave()
    {
        if (t_current is { } current)
        {
            current._operation = null;
            current._boundMember = default;
            current._rawBody = default;
        }
    }

    /// <summary><see cref="RequestWrites.BoundMember"/>: worked out by the first rule that asks about the operation being dispatched.</summary>
    public static BoundMemberWrite? BoundMember(IOperation operation, CompatSpec spec, Func<IOperation, CompatSpec, BoundMemberWrite?> find)
    {
        if (Current(operation) is not { } current)
        {
            return find(operation, spec);
        }

        return current._boundMember.TryGet(spec, out var known) ? known : current._boundMember.Remember(spec, find(operation, spec));
    }

    /// <summary><see cref="RequestWrites.RawBody"/>: worked out by the first rule that asks about the operation being dispatched.</summary>
    public static RawBody? RawBody(IOperation creation, CompatSpec spec, KnownTypes types, CancellationToken cancellationToken, Func<IOperation, CompatSpec, KnownTypes, CancellationToken, RawBody?> read)
    {
        if (Current(creation) is not { } current)
        {
            return read(creation, spec, types, cancellationToken);
        }

        return current._rawBody.TryGet(spec, out var known) ? known : current._rawBody.Remember(spec, read(creation, spec, types, cancellationToken));
    }

    private static DispatchedOperation? Current(IOperation operation) =>
        t_current is { } current && ReferenceEquals(current._operation, operation) ? current : null;

    /// <summary>One question's answer, with the spec it was worked out with (a compilation's hosts share one spec).</summary>
    private struct Answer<T>
    {
        private CompatSpec? _spec;
        private T _value;

        public readonly bool TryGet(CompatSpec spec, out T value)
        {
            value = _value;
            return ReferenceEquals(_spec, spec);
        }

        public T Remember(CompatSpec spec, T value)
        {
            _spec = spec;
            _value = value;
            return value;
        }
    }
}
