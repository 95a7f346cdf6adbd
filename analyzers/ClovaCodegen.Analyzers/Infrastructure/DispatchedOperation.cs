using System;
using ClovaCodegen.Spec.Model;
using Microsoft.CodeAnalysis;

namespace ClovaCodegen.Analyzers.Infrastructure;

/// <summary>
/// What several rules ask of the operation a host is handing to them, remembered on the host's thread while it does so:
/// the SDK member a write sets is asked by four rules of every assignment, initializer and call of the project, one after
/// another on the same operation object. A slot per thread costs a reference comparison; <see cref="OperationFacts"/>'
/// weak table (shared by both hosts, for what costs far more to work out) cost more than working this out again. The host
/// clears the slot once its rules are done (<see cref="Leave"/>), so that nothing of the compilation is kept alive by an
/// idle thread; outside a host's dispatch (a rule's helpers called from tests) nothing is remembered.
/// </summary>
internal sealed class DispatchedOperation
{
    [ThreadStatic]
    private static DispatchedOperation? t_current;

    private IOperation? _operation;
    private CompatSpec? _boundMemberSpec;
    private BoundMemberWrite? _boundMember;

    /// <summary>The host starts handing <paramref name="operation"/> to its rules on this thread.</summary>
    public static void Enter(IOperation operation)
    {
        var current = t_current ??= new DispatchedOperation();
        current._operation = operation;
        current._boundMemberSpec = null;
        current._boundMember = null;
    }

    /// <summary>The host's rules are done with the operation: forget it.</summary>
    public static void Leave()
    {
        if (t_current is { } current)
        {
            current._operation = null;
            current._boundMemberSpec = null;
            current._boundMember = null;
        }
    }

    /// <summary><see cref="RequestWrites.BoundMember"/>: worked out by the first rule that asks about the operation being dispatched.</summary>
    public static BoundMemberWrite? BoundMember(IOperation operation, CompatSpec spec, Func<IOperation, CompatSpec, BoundMemberWrite?> find)
    {
        if (t_current is not { } current || !ReferenceEquals(current._operation, operation))
        {
            return find(operation, spec);
        }

        if (!ReferenceEquals(current._boundMemberSpec, spec))
        {
            current._boundMember = find(operation, spec);
            current._boundMemberSpec = spec;
        }

        return current._boundMember;
    }
}
