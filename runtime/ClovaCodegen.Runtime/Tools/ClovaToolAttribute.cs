using System;

namespace ClovaCodegen;

/// <summary>
/// Marks a static method of a partial class as a tool the model may call. The ClovaCodegen generator then writes, at
/// compile time, the tool's definition (its parameters' JSON Schema, encoded as UTF-8), a reflection-free argument reader
/// and a dispatcher: <c>MyTools.GetWeatherTool</c> (one <see cref="ClovaTool"/> per method), <c>MyTools.All</c> (a
/// <see cref="ClovaToolSet"/>) and <c>MyTools.InvokeAsync(toolCall, cancellationToken)</c>. A parameter whose type JSON
/// Schema cannot express is a compile-time error (CLOVA207), located at the parameter.
/// </summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false, AllowMultiple = false)]
public sealed class ClovaToolAttribute : Attribute
{
    /// <summary>Marks the method with the description the model reads to decide when to call it.</summary>
    public ClovaToolAttribute(string description) => Description = description;

    /// <summary>What the tool does, for the model (wire field <c>function.description</c>).</summary>
    public string Description { get; }

    /// <summary>The tool's name on the wire (<c>function.name</c>); by default the method's name without an <c>Async</c> suffix.</summary>
    public string? Name { get; set; }
}
