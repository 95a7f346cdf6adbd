using System;
using System.Runtime.CompilerServices;
using System.Threading;
using ClovaCodegen.Spec.Model;
using Microsoft.CodeAnalysis;

namespace ClovaCodegen.Analyzers.Infrastructure;

/// <summary>
/// What several rules ask about the same operation (the raw request body an object creation makes, read by five rules; a
/// chat body written as constant JSON text, read by two),
/// worked out by the first rule that asks and remembered for the others. Only what costs more to work out than to
/// remember: the SDK member a write sets (read by three rules) is cheaper to find again than to look up in a table.
/// A host hands the operation object to each of its rules in turn, and the compiler hands both hosts the same one. One instance
/// per compilation (<see cref="KnownTypes"/>); only operations that pass the cheap checks are remembered, and weakly: an
/// entry goes when its operation tree does (the table holds no operation, semantic model or tree alive).
/// </summary>
internal sealed class OperationFacts
{
    /// <summary>Stands for "worked out: nothing" (a table holds no null).</summary>
    private static readonly object Nothing = new();

    private readonly ConditionalWeakTable<IOperation, object> _rawBodies = new();
    private readonly ConditionalWeakTable<IOperation, object> _jsonChatBodies = new();

    public RawBody? RawBody(IOperation creation, CompatSpec spec, KnownTypes types, CancellationToken cancellationToken, Func<IOperation, CompatSpec, KnownTypes, CancellationToken, RawBody?> read) =>
        Remembered(_rawBodies, creation, (spec, types, cancellationToken), read, static (operation, state, compute) => compute(operation, state.spec, state.types, state.cancellationToken));

    /// <summary>A chat body written as constant JSON text (asked by two rules of every <c>StringContent</c> and protocol call).</summary>
    public JsonBody? JsonChatBody(IOperation operation, IOperation content, KnownTypes types, Func<IOperation, IOperation, KnownTypes, JsonBody?> read) =>
        Remembered(_jsonChatBodies, operation, (content, types), read, static (operation, state, compute) => compute(operation, state.content, state.types));

    private static T? Remembered<T, TState, TCompute>(ConditionalWeakTable<IOperation, object> table, IOperation operation, TState state, TCompute compute, Func<IOperation, TState, TCompute, T?> call)
        where T : class
    {
        if (table.TryGetValue(operation, out var known))
        {
            return known as T;
        }

        var value = call(operation, state, compute);
        lock (table)
        {
            // Another thread may have worked it out meanwhile: both found the same, the first one stays.
            if (!table.TryGetValue(operation, out _))
            {
                table.Add(operation, (object?)value ?? Nothing);
            }
        }

        return value;
    }
}
