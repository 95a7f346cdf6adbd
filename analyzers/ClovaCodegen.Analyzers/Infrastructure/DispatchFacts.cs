using System;
using System.Threading;
using ClovaCodegen.Spec.Model;
using Microsoft.CodeAnalysis;

namespace ClovaCodegen.Analyzers.Infrastructure;

/// <summary>
/// What several rules want to know about the operation being dispatched (the SDK member it writes, the raw request body it
/// creates), worked out once for all of them. Only the operation of the current dispatch on this thread is remembered, and
/// the dispatcher forgets it when that operation's rules are done; outside a dispatch every question is answered afresh.
/// </summary>
internal static class DispatchFacts
{
    public const int BoundMemberSlot = 0;
    public const int RawBodySlot = 1;
    private const int SlotCount = 2;

    private static readonly object Unknown = new();

    [ThreadStatic]
    private static IOperation? t_operation;

    [ThreadStatic]
    private static object?[]? t_values;

    public static void Begin(IOperation operation)
    {
        var values = t_values ??= new object?[SlotCount];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = Unknown;
        }

        t_operation = operation;
    }

    public static void End()
    {
        t_operation = null;
        if (t_values is { } values)
        {
            Array.Clear(values, 0, values.Length);
        }
    }

    /// <summary>The slot's value for this operation, computed on first use (pass a static lambda: this runs for every operation).</summary>
    public static T? Get<T>(IOperation operation, CompatSpec spec, KnownTypes types, int slot, Func<IOperation, CompatSpec, KnownTypes, CancellationToken, T?> compute, CancellationToken cancellationToken)
        where T : class
    {
        if (!ReferenceEquals(operation, t_operation) || t_values is not { } values)
        {
            return compute(operation, spec, types, cancellationToken);
        }

        if (!ReferenceEquals(values[slot], Unknown))
        {
            return (T?)values[slot];
        }

        var value = compute(operation, spec, types, cancellationToken);
        values[slot] = value;
        return value;
    }
}
