using ClovaCodegen;

namespace ClovaCodegen.Extensions.AI;

/// <summary>
/// What <see cref="ClovaChatClient"/> reads: its default model and what it does with options CLOVA Studio does not
/// support. How the client reaches CLOVA Studio is <see cref="ClovaStudioClientOptions"/>'s concern.
/// </summary>
public sealed class ClovaChatClientOptions
{
    /// <summary>The model used when <c>ChatOptions.ModelId</c> is not set (default <c>HCX-005</c>).</summary>
    public string DefaultModelId { get; set; } = "HCX-005";

    /// <summary>
    /// Options CLOVA Studio does not support: throw <see cref="ClovaCompatibilityException"/> before sending
    /// (<see cref="ClovaCompatibilityMode.Strict"/>, default) or drop them and log a warning (<c>Lenient</c>).
    /// </summary>
    public ClovaCompatibilityMode CompatibilityMode { get; set; } = ClovaCompatibilityMode.Strict;
}

/// <summary>What <see cref="ClovaEmbeddingGenerator"/> reads: its default model and its compatibility mode.</summary>
public sealed class ClovaEmbeddingGeneratorOptions
{
    /// <summary>The model used when <c>EmbeddingGenerationOptions.ModelId</c> is not set (default <c>bge-m3</c>).</summary>
    public string DefaultModelId { get; set; } = "bge-m3";

    /// <summary>Options CLOVA Studio does not support: throw before sending (<see cref="ClovaCompatibilityMode.Strict"/>, default) or drop them with a warning.</summary>
    public ClovaCompatibilityMode CompatibilityMode { get; set; } = ClovaCompatibilityMode.Strict;
}
