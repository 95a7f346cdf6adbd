using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace ClovaCodegen.Analyzers.Infrastructure;

/// <summary>
/// Keys a per-compilation cache of what a type says (is it a string-keyed bag, what are its native members) by the symbol
/// object itself. The compiler hands out one object per type definition and nullable annotation, so such a type comes back
/// as the same object, and one that comes as two (annotated and not) is only worked out twice, with the same answer. A
/// constructed generic type does not: the compiler makes a new <c>Dictionary&lt;string, object&gt;</c> at every place that
/// names one, so a cache keyed by it misses every time (key it by <see cref="ITypeSymbol.OriginalDefinition"/>, as
/// <see cref="KnownTypes.IsStringKeyedBag"/> does). <see cref="SymbolEqualityComparer"/> hashes a constructed generic type
/// over all its type arguments, on every lookup of every creation of a project; this hashes a reference. Generic in the
/// key's type so that the dictionary calls it without a variance check per lookup. Not for sets that stop a search from
/// going round in circles: a local can come back as another object there.
/// </summary>
internal sealed class SameSymbolObject<TSymbol> : IEqualityComparer<TSymbol>
    where TSymbol : class, ISymbol
{
    public static readonly SameSymbolObject<TSymbol> Comparer = new();

    public bool Equals(TSymbol? x, TSymbol? y) => ReferenceEquals(x, y);

    public int GetHashCode(TSymbol obj) => RuntimeHelpers.GetHashCode(obj);
}
