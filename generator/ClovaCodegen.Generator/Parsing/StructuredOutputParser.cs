using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading;
using ClovaCodegen.Generator.Model;
using ClovaCodegen.Spec.Model;
using Microsoft.CodeAnalysis;

namespace ClovaCodegen.Generator.Parsing;

/// <summary>
/// Reads a <c>[ClovaStructuredOutput]</c> type into a <see cref="StructuredOutputModel"/>: every property (and the
/// properties of the records, classes and structs it reaches) becomes a JSON Schema in OpenAI's strict form (every
/// property required, <c>additionalProperties: false</c>, null allowed through the type list) with the seven keywords
/// the spec lists first, and a reading plan. A type that contains itself is written once and referenced (see
/// <see cref="Reader.Schema"/>). A type JSON Schema cannot express is a located CLOVA205, never an exception.
/// </summary>
internal static partial class StructuredOutputParser
{
    public const string AttributeName = "ClovaCodegen.ClovaStructuredOutputAttribute";

    private const string DescriptionAttribute = "System.ComponentModel.DescriptionAttribute";
    private const string JsonPropertyNameAttribute = "System.Text.Json.Serialization.JsonPropertyNameAttribute";
    private const string JsonIgnoreAttribute = "System.Text.Json.Serialization.JsonIgnoreAttribute";

    // System.Text.Json 9 and later; matched by name, so a netstandard2.0 project's own copy of the attribute counts too.
    private const string JsonStringEnumMemberNameAttribute = "System.Text.Json.Serialization.JsonStringEnumMemberNameAttribute";

    private static readonly HashSet<string> ListLike = new(StringComparer.Ordinal)
    {
        "System.Collections.Generic.List<T>", "System.Collections.Generic.IList<T>", "System.Collections.Generic.ICollection<T>",
        "System.Collections.Generic.IEnumerable<T>", "System.Collections.Generic.IReadOnlyList<T>", "System.Collections.Generic.IReadOnlyCollection<T>",
    };

    public static StructuredOutputModel Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        try
        {
            return ParseType(context, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A parser bug must not become a compiler crash (CS8785): it is reported as CLOVA204 at the type.
            var typeName = context.TargetSymbol.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
            var location = LocationInfo.From(context.TargetSymbol.Locations.FirstOrDefault());
            return new StructuredOutputModel(typeName, SafeName(typeName), context.TargetSymbol.Name, location, EquatableArray<ObjectShape>.Empty, "",
                EquatableArray.Create(new DiagnosticInfo("CLOVA204", location, EquatableArray.Create("the structured output of " + context.TargetSymbol.Name, ex.GetType().Name + ": " + ex.Message))));
        }
    }

    private static StructuredOutputModel ParseType(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        var type = (INamedTypeSymbol)context.TargetSymbol;
        var attribute = context.Attributes.First();
        var attributeLocation = LocationInfo.From(attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken).GetLocation()) ?? LocationInfo.From(type.Locations.FirstOrDefault());
        var name = SymbolNames.StringArgument(attribute) ?? type.Name;
        var reader = new Reader(attributeLocation, cancellationToken);
        var typeName = type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
        string schema = "";
        if (type.IsGenericType)
        {
            reader.Report(attributeLocation, type.Name, "a generic type cannot be marked; mark a closed type that uses it instead");
        }
        else if (!IsAccessible(type))
        {
            reader.Report(attributeLocation, type.Name, "the type must be public or internal (and so must the types that contain it), so that generated code can name it");
        }
        else
        {
            var root = reader.Describe(type, type, type.Name);
            schema = root is null ? "" : reader.Schema(root);
        }

        return new StructuredOutputModel(typeName, SafeName(typeName), name, attributeLocation, reader.Objects.ToEquatableArray(), schema, reader.Diagnostics.ToEquatableArray())
        {
            KeywordUses = reader.KeywordUses.ToEquatableArray(),
        };
    }

    /// <summary>An identifier made from a fully qualified name (<c>global::My.Invoice</c> is <c>My_Invoice</c>).</summary>
    public static string SafeName(string fullyQualifiedName)
    {
        var name = fullyQualifiedName.StartsWith("global::", StringComparison.Ordinal) ? fullyQualifiedName.Substring(8) : fullyQualifiedName;
        var builder = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            builder.Append(char.IsLetterOrDigit(c) || c == '_' ? c : '_');
        }

        return builder.ToString();
    }

    private static bool IsAccessible(ITypeSymbol type)
    {
        for (var current = type; current is not null; current = current.ContainingType)
        {
            if (current.DeclaredAccessibility is not (Accessibility.Public or Accessibility.Internal))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Walks C# types into schema nodes; the tool parser reuses it for parameters and results.</summary>
    internal sealed partial class Reader
    {
        private readonly LocationInfo? _fallback;
        private readonly CancellationToken _cancellationToken;
        private readonly Dictionary<ITypeSymbol, int> _objectIndex = new(SymbolEqualityComparer.Default);
        private readonly Dictionary<ITypeSymbol, int> _inProgress = new(SymbolEqualityComparer.Default);
        private readonly SortedSet<int> _recursive = new();

        public Reader(LocationInfo? fallback, CancellationToken cancellationToken)
        {
            _fallback = fallback;
            _cancellationToken = cancellationToken;
        }

        public List<ObjectShape?> ObjectSlots { get; } = new();

        public IEnumerable<ObjectShape> Objects => ObjectSlots.Where(o => o is not null).Select(o => o!);

        public List<DiagnosticInfo> Diagnostics { get; } = new();

        public void Report(LocationInfo? location, string member, string reason) =>
            Diagnostics.Add(new DiagnosticInfo("CLOVA205", location ?? _fallback, EquatableArray.Create(member, reason)));

        /// <summary>The schema node of <paramref name="type"/>, or null after reporting why it has none.</summary>
        public SchemaNode? Describe(ITypeSymbol type, ISymbol where, string path)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            var nullable = false;
            if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } wrapped)
            {
                type = wrapped.TypeArguments[0];
                nullable = true;
            }
            else if (type.IsReferenceType && type.NullableAnnotation == NullableAnnotation.Annotated)
            {
                type = type.WithNullableAnnotation(NullableAnnotation.NotAnnotated);
                nullable = true;
            }

            var typeName = type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
            SchemaNode Scalar(SchemaKind kind, string reader) => new(kind, typeName, type.IsValueType, nullable, reader, EquatableArray<string>.Empty, null, false, -1);

            switch (type.SpecialType)
            {
                case SpecialType.System_String: return Scalar(SchemaKind.String, "ReadString");
                case SpecialType.System_Boolean: return Scalar(SchemaKind.Boolean, "ReadBoolean");
                case SpecialType.System_Int32: return Scalar(SchemaKind.Integer, "ReadInt32");
                case SpecialType.System_Int64: return Scalar(SchemaKind.Integer, "ReadInt64");
                case SpecialType.System_Int16: return Scalar(SchemaKind.Integer, "ReadInt16");
                case SpecialType.System_Byte: return Scalar(SchemaKind.Integer, "ReadByte");
                case SpecialType.System_SByte: return Scalar(SchemaKind.Integer, "ReadSByte");
                case SpecialType.System_UInt16: return Scalar(SchemaKind.Integer, "ReadUInt16");
                case SpecialType.System_UInt32: return Scalar(SchemaKind.Integer, "ReadUInt32");
                case SpecialType.System_UInt64: return Scalar(SchemaKind.Integer, "ReadUInt64");
                case SpecialType.System_Double: return Scalar(SchemaKind.Number, "ReadDouble");
                case SpecialType.System_Single: return Scalar(SchemaKind.Number, "ReadSingle");
                case SpecialType.System_Decimal: return Scalar(SchemaKind.Number, "ReadDecimal");
                case SpecialType.System_DateTime: return Scalar(SchemaKind.String, "ReadDateTime");
            }

            var metadataName = type.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat);
            switch (metadataName)
            {
                case "System.DateTimeOffset": return Scalar(SchemaKind.String, "ReadDateTimeOffset");
                case "System.Guid": return Scalar(SchemaKind.String, "ReadGuid");
            }

            if (type.TypeKind == TypeKind.Enum)
            {
                if (type.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == "System.FlagsAttribute"))
                {
                    Report(where, path, $"'{type.Name}' is a [Flags] enum: a combination of flags is not one of a list of names");
                    return null;
                }

                var fields = type.GetMembers().OfType<IFieldSymbol>().Where(f => f.HasConstantValue).ToList();
                if (fields.Count == 0)
                {
                    Report(where, path, $"the enum '{type.Name}' has no members");
                    return null;
                }

                var jsonNames = fields.Select(f => SymbolNames.StringArgument(f, JsonStringEnumMemberNameAttribute) ?? f.Name).ToEquatableArray();
                var clash = jsonNames.GroupBy(n => n, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
                if (clash is not null)
                {
                    Report(where, path, $"two members of the enum '{type.Name}' have the JSON name '{clash.Key}'");
                    return null;
                }

                return new SchemaNode(SchemaKind.Enum, typeName, true, nullable, null, jsonNames, null, false, -1) { EnumMemberNames = fields.Select(f => SymbolNames.Identifier(f.Name)).ToEquatableArray() };
            }

            if (type is IArrayTypeSymbol array)
            {
                if (array.Rank != 1)
                {
                    Report(where, path, "a multi-dimensional array is not a JSON array; use an array of arrays");
                    return null;
                }

                var element = Describe(array.ElementType, where, path + "[]");
                return element is null ? null : new SchemaNode(SchemaKind.Array, typeName, false, nullable, null, EquatableArray<string>.Empty, element, true, -1);
            }

            if (type is INamedTypeSymbol named)
            {
                if (named.IsGenericType && ListLike.Contains(named.OriginalDefinition.ToDisplayString()))
                {
                    var element = Describe(named.TypeArguments[0], where, path + "[]");
                    return element is null ? null : new SchemaNode(SchemaKind.Array, typeName, false, nullable, null, EquatableArray<string>.Empty, element, false, -1);
                }

                if (named.AllInterfaces.Concat(new[] { named }).Any(i => i.OriginalDefinition.ToDisplayString() is "System.Collections.Generic.IDictionary<TKey, TValue>" or "System.Collections.Generic.IReadOnlyDictionary<TKey, TValue>"))
                {
                    Report(where, path, $"'{named.Name}' is a dictionary: a strict schema lists every property name, and a dictionary's keys are not known in advance");
                    return null;
                }

                if (IsPlainObject(named))
                {
                    var index = DescribeObject(named, where, path);
                    return index < 0 ? null : new SchemaNode(SchemaKind.Object, typeName, named.IsValueType, nullable, null, EquatableArray<string>.Empty, null, false, index);
                }
            }

            Report(where, path, $"'{type.ToDisplayString()}' has no JSON Schema here (supported: string, bool, numbers, enums, DateTime, DateTimeOffset, Guid, arrays and lists, and records, classes and structs made of them)");
            return null;
        }

        private static bool IsPlainObject(INamedTypeSymbol type) =>
            type.TypeKind is TypeKind.Class or TypeKind.Struct
            && !type.IsAbstract
            && type.SpecialType == SpecialType.None
            && !type.IsTupleType
            && !IsSystemNamespace(type.ContainingNamespace?.ToDisplayString());

        private static bool IsSystemNamespace(string? name) => name is not null && (name == "System" || name.StartsWith("System.", StringComparison.Ordinal));

        private int DescribeObject(INamedTypeSymbol type, ISymbol where, string path)
        {
            if (_objectIndex.TryGetValue(type, out var known))
            {
                return known;
            }

            if (_inProgress.TryGetValue(type, out var enclosing))
            {
                // The type contains itself: its reader calls itself, and its schema is referenced rather than inlined.
                _recursive.Add(enclosing);
                return enclosing;
            }

            if (!IsAccessible(type))
            {
                Report(where, path, $"'{type.Name}' must be public or internal so that generated code can create it");
                return -1;
            }

            var slot = ObjectSlots.Count;
            ObjectSlots.Add(null);
            _inProgress.Add(type, slot);
            var properties = PublicProperties(type).ToList();
            var constructor = ChooseConstructor(type, properties);
            if (constructor is null)
            {
                Report(where, path, $"'{type.Name}' has neither a public parameterless constructor nor one whose parameters all match its properties");
                _inProgress.Remove(type);
                return -1;
            }

            var shapes = new List<PropertyShape>();
            var failed = false;
            foreach (var property in properties)
            {
                var parameter = constructor.Parameters.FirstOrDefault(p => string.Equals(p.Name, property.Name, StringComparison.OrdinalIgnoreCase));
                if (parameter is null && (property.SetMethod is null || property.SetMethod.DeclaredAccessibility != Accessibility.Public))
                {
                    // Computed or get-only: the model's value could not be stored, so it is not asked for.
                    continue;
                }

                var schema = Describe(property.Type, property, path + "." + property.Name);
                if (schema is null)
                {
                    failed = true;
                    continue;
                }

                CollectKeywordUses(property, parameter, schema, path + "." + property.Name);
                var description = SymbolNames.StringArgument(property, DescriptionAttribute) ?? (parameter is null ? null : SymbolNames.StringArgument(parameter, DescriptionAttribute));
                var jsonName = SymbolNames.StringArgument(property, JsonPropertyNameAttribute) ?? property.Name;
                shapes.Add(new PropertyShape(SymbolNames.Identifier(property.Name), jsonName, description, schema, parameter is null ? -1 : parameter.Ordinal));
            }

            _inProgress.Remove(type);
            if (failed)
            {
                return -1;
            }

            var duplicate = shapes.GroupBy(s => s.JsonName, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
            if (duplicate is not null)
            {
                Report(where, path, $"two properties of '{type.Name}' have the JSON name '{duplicate.Key}'");
                return -1;
            }

            ObjectSlots[slot] = new ObjectShape(type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat), SymbolNames.StringArgument(type, DescriptionAttribute), shapes.ToEquatableArray(), constructor.Parameters.Length);
            _objectIndex[type] = slot;
            return slot;
        }

        private static IEnumerable<IPropertySymbol> PublicProperties(INamedTypeSymbol type)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var chain = new List<INamedTypeSymbol>();
            for (var current = type; current is not null && current.SpecialType != SpecialType.System_Object && current.SpecialType != SpecialType.System_ValueType; current = current.BaseType)
            {
                chain.Add(current);
            }

            foreach (var declaring in chain)
            {
                foreach (var property in declaring.GetMembers().OfType<IPropertySymbol>())
                {
                    if (property.IsStatic || property.IsIndexer || property.DeclaredAccessibility != Accessibility.Public
                        || property.GetMethod is null || property.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == JsonIgnoreAttribute)
                        || !seen.Add(property.Name))
                    {
                        continue;
                    }

                    yield return property;
                }
            }
        }

        /// <summary>The public constructor with the most parameters that all match properties, else the parameterless one.</summary>
        private static IMethodSymbol? ChooseConstructor(INamedTypeSymbol type, List<IPropertySymbol> properties) =>
            type.InstanceConstructors
                .Where(c => c.DeclaredAccessibility == Accessibility.Public)
                .Where(c => c.Parameters.All(p => properties.Any(prop => string.Equals(prop.Name, p.Name, StringComparison.OrdinalIgnoreCase)
                    && SymbolEqualityComparer.Default.Equals(prop.Type.WithNullableAnnotation(NullableAnnotation.None), p.Type.WithNullableAnnotation(NullableAnnotation.None)))))
                .Where(c => !(c.Parameters.Length == 1 && SymbolEqualityComparer.Default.Equals(c.Parameters[0].Type, type)))
                .OrderByDescending(c => c.Parameters.Length)
                .FirstOrDefault();

        private void Report(ISymbol where, string path, string reason) =>
            Report(LocationInfo.From(where.Locations.FirstOrDefault(l => l.IsInSource)), path, reason);
    }
}
