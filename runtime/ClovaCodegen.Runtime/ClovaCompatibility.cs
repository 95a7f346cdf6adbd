using System;
using System.Collections.Generic;

// These types live in the runtime assembly, namespace ClovaCodegen, so that both interop assemblies (ClovaCodegen.OpenAI
// and ClovaCodegen.Extensions.AI) share them. They cannot keep their first namespace, ClovaCodegen.OpenAI: every project
// references the runtime, and a ClovaCodegen.OpenAI namespace there would capture `OpenAI.Chat...` in any code that lives
// in a ClovaCodegen.* namespace (it broke the benchmarks, the generator and the analyzer tests).
namespace ClovaCodegen;

/// <summary>What to do with a request field CLOVA Studio does not support.</summary>
public enum ClovaCompatibilityMode
{
    /// <summary>Throw <see cref="ClovaCompatibilityException"/> naming each field, before anything is sent.</summary>
    Strict,

    /// <summary>Drop the fields and send the rest (each drop is reported: an event or a logged warning).</summary>
    Lenient,
}

/// <summary>A request carried fields CLOVA Studio does not support (strict mode). Nothing was sent.</summary>
public sealed class ClovaCompatibilityException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    public ClovaCompatibilityException(IReadOnlyList<string> fields)
        : this(fields, "CLOVA Studio does not support these request fields: " + string.Join(", ", fields ?? Array.Empty<string>()) + ". Remove them, or use ClovaCompatibilityMode.Lenient to drop them.")
    {
    }

    /// <summary>Creates the exception with a message that says where each field came from.</summary>
    public ClovaCompatibilityException(IReadOnlyList<string> fields, string message)
        : base(message)
        => Fields = fields ?? Array.Empty<string>();

    /// <summary>The unsupported wire fields (or, for options with no wire field, the option's name).</summary>
    public IReadOnlyList<string> Fields { get; }
}
