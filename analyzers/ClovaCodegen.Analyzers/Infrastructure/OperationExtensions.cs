using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using ClovaCodegen.Spec.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ClovaCodegen.Analyzers.Infrastructure;

internal static class OperationExtensions
{
    private static readonly ConditionalWeakTable<CompatSpec, BindingIndex> BindingIndexes = new();

    /// <summary>
    /// The calls of a fluent chain (<c>Create(model).A().B()</c>) that <paramref name="call"/> ends, from <paramref name="call"/>
    /// back to the first: each call's receiver, as long as the receiver is a call.
    /// </summary>
    public static IEnumerable<IInvocationOperation> ChainBackFrom(this IInvocationOperation call)
    {
        for (IOperation? current = call; current is IInvocationOperation link; current = link.Instance?.WithoutConversions())
        {
            yield return link;
        }
    }

    /// <summary>The operation without implicit conversions around it.</summary>
    public static IOperation WithoutConversions(this IOperation operation)
    {
        // By kind, then a cast: asked of most operations the rules look at, and a type test per interface costs more.
        while (operation.Kind == OperationKind.Conversion && operation.IsImplicit)
        {
            operation = ((IConversionOperation)operation).Operand;
        }

        return operation;
    }

    /// <summary>
    /// Whether the member is the one a binding names (<c>Namespace.Type.Member</c>, types not generic), compared name by name
    /// from the member outwards, without building a display string.
    /// </summary>
    public static bool HasBindingName(this ISymbol member, string qualifiedName)
    {
        var end = qualifiedName.Length;
        for (ISymbol? part = member; part is not null and not INamespaceSymbol { IsGlobalNamespace: true }; part = (ISymbol?)part.ContainingType ?? part.ContainingNamespace)
        {
            var name = part.Name;
            var start = end - name.Length;
            if (part is INamedTypeSymbol { Arity: > 0 } || start < 0 || string.CompareOrdinal(qualifiedName, start, name, 0, name.Length) != 0)
            {
                return false;
            }

            if (start == 0)
            {
                return part.ContainingType is null && part.ContainingNamespace is null or { IsGlobalNamespace: true };
            }

            if (qualifiedName[start - 1] != '.')
            {
                return false;
            }

            end = start - 1;
        }

        return false;
    }

    /// <summary>The binding of a property the code sets, with its endpoint's field (null when the spec binds none).</summary>
    public static (BindingSpec Binding, FieldSpec? Field)? FindBinding(this CompatSpec spec, IPropertySymbol property) =>
        BindingIndexes.GetValue(spec, NewBindingIndex).Find(property);

    private static readonly ConditionalWeakTable<CompatSpec, BindingIndex>.CreateValueCallback NewBindingIndex = static s => new BindingIndex(s);

    /// <summary>
    /// The spec's bindings by member name, and what each property symbol seen so far was found bound to. Every option
    /// assignment of every file asks; comparing a property's full name with a candidate binding's costs over half a
    /// microsecond (a dozen symbol hops), a lookup of the symbol a tenth of that. A compilation hands out one object per
    /// property of a non-generic type, which is what bindings name (members of constructed generic types may come as several
    /// objects, which costs only a lookup more); the table holds its keys weakly, so nothing outlives the compilation.
    /// </summary>
    private sealed class BindingIndex
    {
        private readonly CompatSpec _spec;
        private readonly Dictionary<string, BindingSpec[]> _bySimpleName;
        private readonly ConditionalWeakTable<IPropertySymbol, BoundProperty> _byProperty = new();
        private readonly ConditionalWeakTable<IPropertySymbol, BoundProperty>.CreateValueCallback _bind;

        public BindingIndex(CompatSpec spec)
        {
            _spec = spec;
            Spec = spec;
            _bySimpleName = spec.Bindings.GroupBy(b => b.MemberName).ToDictionary(g => g.Key, g => g.ToArray());
            _bind = Bind;
        }

        public CompatSpec Spec { get; }

        public (BindingSpec Binding, FieldSpec? Field)? Find(IPropertySymbol property) =>
            // Most assignments set members no binding names: ruled out by simple name without touching the table.
            _bySimpleName.ContainsKey(property.Name) ? _byProperty.GetValue(property, _bind).Value : null;

        private BoundProperty Bind(IPropertySymbol property)
        {
            foreach (var binding in _bySimpleName[property.Name])
            {
                if (property.HasBindingName(binding.Member))
                {
                    return new BoundProperty((binding, _spec.FindEndpoint(binding.Endpoint)?.FindField(binding.Field)));
                }
            }

            return BoundProperty.None;
        }
    }

    private sealed class BoundProperty
    {
        public static readonly BoundProperty None = new(null);

        public BoundProperty((BindingSpec Binding, FieldSpec? Field)? value) => Value = value;

        public (BindingSpec Binding, FieldSpec? Field)? Value { get; }
    }

    /// <summary>The argument given to the parameter with this name, or null (a loop: rules ask this of many calls).</summary>
    public static IArgumentOperation? Named(this System.Collections.Immutable.ImmutableArray<IArgumentOperation> arguments, string parameterName)
    {
        foreach (var argument in arguments)
        {
            if (argument.Parameter?.Name == parameterName)
            {
                return argument;
            }
        }

        return null;
    }

    /// <summary>
    /// Whether the type is <paramref name="expected"/> (as <see cref="SymbolEqualityComparer.Default"/> says), its name
    /// compared first: asked of every creation or call, and most are ruled out by a string comparison.
    /// </summary>
    public static bool Is(this ITypeSymbol? type, INamedTypeSymbol? expected) =>
        type is not null && expected is not null && type.Name == expected.Name && SymbolEqualityComparer.Default.Equals(type, expected);

    public static bool IsOrDerivesFrom(this ITypeSymbol? type, INamedTypeSymbol? expected)
    {
        if (expected is null)
        {
            return false;
        }

        // Every creation and call of the project is asked about: a base of another name is ruled out by its name, before its
        // original definition is fetched and compared (equal symbols have equal names).
        var name = expected.Name;
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (current.Name == name && SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, expected))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A string literal's text, or null; other literals are ruled out by type, before their value is boxed.</summary>
    public static string? StringValue(this ILiteralOperation literal) => literal.Type?.SpecialType != SpecialType.System_String ? null
        : literal.Syntax is Microsoft.CodeAnalysis.CSharp.Syntax.LiteralExpressionSyntax syntax ? syntax.Token.ValueText // kept by the token; the constant rebuilds its text
        : literal.ConstantValue.Value as string;

    /// <summary>A double from a numeric constant, or null.</summary>
    public static double? AsDouble(this Optional<object?> constant) => constant.HasValue && constant.Value is not null and not string and not bool and not char
        ? System.Convert.ToDouble(constant.Value, System.Globalization.CultureInfo.InvariantCulture)
        : null;
}
