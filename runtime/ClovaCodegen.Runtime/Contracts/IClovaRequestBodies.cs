using System.Text.Json;

namespace ClovaCodegen;

/// <summary>
/// A chat completion request body that writes itself as JSON without reflection. The source generator's
/// <c>ChatCompletionRequest</c> implements it, so <c>ClovaStudioClient</c> can send generated requests.
/// </summary>
public interface IClovaChatCompletionRequest
{
    /// <summary>The CLOVA Studio model name (wire field <c>model</c>).</summary>
    string Model { get; }

    /// <summary>Writes the request body; <paramref name="stream"/> decides the wire field <c>stream</c>.</summary>
    void WriteJson(Utf8JsonWriter writer, bool stream);
}

/// <summary>
/// An embeddings request body that writes itself as JSON without reflection (always with
/// <c>"encoding_format": "float"</c>, the only format CLOVA Studio accepts).
/// </summary>
public interface IClovaEmbeddingRequest
{
    /// <summary>The CLOVA Studio embedding model name (wire field <c>model</c>).</summary>
    string Model { get; }

    /// <summary>Writes the request body.</summary>
    void WriteJson(Utf8JsonWriter writer);
}
