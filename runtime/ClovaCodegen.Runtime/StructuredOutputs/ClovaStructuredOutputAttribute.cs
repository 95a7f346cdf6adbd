using System;

namespace ClovaCodegen;

/// <summary>
/// Marks a record, class or struct as the shape of a structured answer. The ClovaCodegen generator then writes, at compile
/// time, its JSON Schema (for <c>ChatCompletionRequestBuilder.ResponseFormat&lt;T&gt;()</c>) and a reflection-free reader
/// (for <c>completion.ReadAs&lt;T&gt;()</c>). A member whose type JSON Schema cannot express is a compile-time error
/// (CLOVA205), located at the member.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, Inherited = false, AllowMultiple = false)]
public sealed class ClovaStructuredOutputAttribute : Attribute
{
    /// <summary>Marks the type; <c>json_schema.name</c> is the type's name.</summary>
    public ClovaStructuredOutputAttribute()
    {
    }

    /// <summary>Marks the type with the <c>json_schema.name</c> to send (letters, digits, '_' and '-', at most 64).</summary>
    public ClovaStructuredOutputAttribute(string name) => Name = name;

    /// <summary>The <c>json_schema.name</c>, or null for the type's name.</summary>
    public string? Name { get; }
}
