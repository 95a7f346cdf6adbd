using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace ClovaCodegen.Analyzers.Infrastructure;

/// <summary>
/// Keys a per-compilation cache of what a type says (is it a string-keyed bag, what are its native members) by the symbol
/// object itself. The compiler hands out one object per type and nullable annotation, so the same type comes back as the
/// same object, and a type that comes as two (annotated and not) is only worked out twice, with the same answer.
/// <see cref="SymbolEqualityComparer"/> hashes a constructed generic type over all its type arguments, on every lookup of
/// every creation of a project; this hashes a reference. Not for sets that stop a search from going round in circles: a
/// local can come back as another object there.
/// </summary>
internal sealed class SameSymbolObject : IEqualityComparer<ISymbol>
{
    public static readonly SameSymbolObject Comparer = new();

    public bool Equals(ISymbol? x, ISymbol? y) => ReferenceEquals(x, y);

    public int GetHashCode(ISymbol obj) => RuntimeHelpers.GetHashCode(obj);
}
