using ClovaCodegen.Spec.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace ClovaCodegen.Generator.Model;

/// <summary>The JSON shape of a C# type inside a structured output.</summary>
internal enum SchemaKind
{
    String,
    Boolean,
    Integer,
    Number,
    Enum,
    Array,
    Object,
}

/// <summary>
/// One type's place in the schema: its kind, the C# type to read (fully qualified, no nullable marker), whether null is
/// allowed, how to read a scalar (<see cref="ScalarReader"/>, a ClovaStructuredOutputReading method), an enum's member
/// names, an array's element and whether it is a C# array, or an object's index in <see cref="StructuredOutputModel.Objects"/>.
/// </summary>
internal sealed record SchemaNode(
    SchemaKind Kind,
    string TypeName,
    bool IsValueType,
    bool Nullable,
    string? ScalarReader,
    EquatableArray<string> EnumMembers,
    SchemaNode? Element,
    bool IsCSharpArray,
    int ObjectIndex)
{
    /// <summary>The C# type of a local that holds the value (<c>int?</c> for a nullable value type).</summary>
    public string LocalType => Nullable && IsValueType ? TypeName + "?" : TypeName;
}

/// <summary>A property of an object in a structured output; <paramref name="ConstructorPosition"/> is -1 when it is set by an initializer.</summary>
internal sealed record PropertyShape(string MemberName, string JsonName, string? Description, SchemaNode Schema, int ConstructorPosition);

/// <summary>An object type: its properties in declaration order and whether a constructor takes some of them.</summary>
internal sealed record ObjectShape(string TypeName, string? Description, EquatableArray<PropertyShape> Properties, int ConstructorArity);

/// <summary>Where a diagnostic goes, without holding a syntax tree (so the model stays cheap to cache and compare).</summary>
internal sealed record LocationInfo(string FilePath, TextSpan Span, LinePositionSpan LineSpan)
{
    public static LocationInfo? From(Location? location) =>
        location is { IsInSource: true } ? new LocationInfo(location.SourceTree!.FilePath, location.SourceSpan, location.GetLineSpan().Span) : null;

    public Location ToLocation() => Location.Create(FilePath, Span, LineSpan);
}

/// <summary>A diagnostic found while reading a marked type, kept as values.</summary>
internal sealed record DiagnosticInfo(string DescriptorId, LocationInfo? Location, EquatableArray<string> Arguments);

/// <summary>
/// A <c>[ClovaStructuredOutput]</c> type as the emitters need it: its names, every object type it reaches (the type itself
/// first), its schema as JSON text, and the problems that stop it from being generated.
/// </summary>
internal sealed record StructuredOutputModel(
    string TypeName,
    string SafeName,
    string SchemaName,
    LocationInfo? AttributeLocation,
    EquatableArray<ObjectShape> Objects,
    string SchemaJson,
    EquatableArray<DiagnosticInfo> Diagnostics)
{
    public bool CanGenerate => Diagnostics.IsEmpty;
}
