using ClovaCodegen.Spec.Model;

namespace ClovaCodegen.Generator.Model;

/// <summary>
/// The type that holds <c>[ClovaTool]</c> methods: its namespace (empty for the global one), the partial declarations
/// that reopen it (outermost first), its fully qualified name and an identifier made from it (for the file name).
/// </summary>
internal sealed record ToolContainer(string Namespace, EquatableArray<string> Declarations, string TypeName, string SafeName);

/// <summary>
/// A tool method's parameter: its C# name (also its JSON name), its <c>[Description]</c>, its schema node (null for the
/// <c>CancellationToken</c> the dispatcher passes through), and for an optional parameter the C# expression of its default.
/// </summary>
internal sealed record ToolParameterModel(string Name, string? Description, SchemaNode? Schema, string? DefaultValue)
{
    public bool IsCancellationToken => Schema is null;

    public bool IsRequired => Schema is not null && DefaultValue is null;
}

/// <summary>How a tool method returns: directly, or through a <c>Task</c> or <c>ValueTask</c> to await.</summary>
internal enum ToolAwaiting
{
    None,
    Task,
    ValueTask,
}

/// <summary>
/// One <c>[ClovaTool]</c> method as the emitters need it: where it lives, its names, its parameters, how it returns
/// (<paramref name="Result"/> is null for no value, a string node is passed through as text), every object type the
/// parameters and result reach (indexes of <see cref="SchemaNode.ObjectIndex"/>), the parameters' JSON Schema, and the
/// problems that stop it from being generated. Built from the method's symbols only, so it caches like any value.
/// </summary>
internal sealed record ToolMethodModel(
    ToolContainer Container,
    string MethodName,
    string HandleName,
    string ToolName,
    string Description,
    LocationInfo? AttributeLocation,
    EquatableArray<ToolParameterModel> Parameters,
    ToolAwaiting Awaiting,
    SchemaNode? Result,
    EquatableArray<ObjectShape> Objects,
    string ParametersSchemaJson,
    EquatableArray<DiagnosticInfo> Diagnostics)
{
    public bool CanGenerate => Diagnostics.IsEmpty;
}
