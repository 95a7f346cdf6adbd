using ClovaCodegen;
using ClovaCodegen.Extensions.AI;
using Microsoft.Extensions.Logging;

namespace Microsoft.Extensions.AI;

/// <summary>Microsoft.Extensions.AI views of a <see cref="ClovaCodegen.ClovaStudioClient"/>.</summary>
public static class ClovaStudioClientExtensions
{
    /// <summary>An <see cref="IChatClient"/> over <paramref name="client"/> (which it does not dispose).</summary>
    public static IChatClient AsIChatClient(this ClovaCodegen.ClovaStudioClient client, string? defaultModelId = null, ClovaCompatibilityMode mode = ClovaCompatibilityMode.Strict, ILogger? logger = null) =>
        new ClovaChatClient(client, defaultModelId, mode, logger);

    /// <summary>An <see cref="IEmbeddingGenerator{TInput, TEmbedding}"/> over <paramref name="client"/> (which it does not dispose).</summary>
    public static IEmbeddingGenerator<string, Embedding<float>> AsIEmbeddingGenerator(this ClovaCodegen.ClovaStudioClient client, string? defaultModelId = null, ClovaCompatibilityMode mode = ClovaCompatibilityMode.Strict, ILogger? logger = null) =>
        new ClovaEmbeddingGenerator(client, defaultModelId, mode, logger);
}
