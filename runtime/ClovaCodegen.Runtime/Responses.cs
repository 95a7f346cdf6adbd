using System;
using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace ClovaCodegen;

/// <summary>A chat completion (OpenAI format).</summary>
public sealed class ClovaChatCompletion
{
    /// <summary>Response id.</summary>
    [JsonPropertyName("id")] public string Id { get; set; } = "";

    /// <summary>The model that answered.</summary>
    [JsonPropertyName("model")] public string Model { get; set; } = "";

    /// <summary>When the answer was created (Unix seconds; 0 when the service did not say).</summary>
    [JsonPropertyName("created")] public long Created { get; set; }

    /// <summary>The answers.</summary>
    [JsonPropertyName("choices")] public IReadOnlyList<ClovaChatChoice> Choices { get; set; } = new List<ClovaChatChoice>();

    /// <summary>Token counts.</summary>
    [JsonPropertyName("usage")] public ClovaUsage? Usage { get; set; }
}

/// <summary>One answer of a chat completion.</summary>
public sealed class ClovaChatChoice
{
    /// <summary>Position of the answer.</summary>
    [JsonPropertyName("index")] public int Index { get; set; }

    /// <summary>The answer's message.</summary>
    [JsonPropertyName("message")] public ClovaChatResponseMessage Message { get; set; } = new();

    /// <summary>Why generation stopped (<c>stop</c>, <c>length</c>, <c>tool_calls</c>).</summary>
    [JsonPropertyName("finish_reason")] public string? FinishReason { get; set; }
}

/// <summary>A message in a response.</summary>
public sealed class ClovaChatResponseMessage
{
    /// <summary>The role, <c>assistant</c>.</summary>
    [JsonPropertyName("role")] public string Role { get; set; } = "";

    /// <summary>The text.</summary>
    [JsonPropertyName("content")] public string? Content { get; set; }

    /// <summary>The functions the model asks to call, when it asks for any.</summary>
    [JsonPropertyName("tool_calls")] public IReadOnlyList<ClovaChatToolCall>? ToolCalls { get; set; }
}

/// <summary>
/// A function call the model made: it comes back in <see cref="ClovaChatResponseMessage.ToolCalls"/> and goes out again in
/// the next request's assistant message (the generated <c>ClovaChatMessage.Assistant(response.Choices[0].Message)</c>), one
/// type both ways, as openai-dotnet's <c>ChatToolCall</c>. A stream brings it in pieces, <see cref="ClovaChatToolCallDelta"/>.
/// </summary>
public sealed class ClovaChatToolCall
{
    /// <summary>An empty call, for the JSON reader.</summary>
    public ClovaChatToolCall()
    {
    }

    /// <summary>A call of <paramref name="functionName"/> with <paramref name="arguments"/> (a JSON object as text).</summary>
    public ClovaChatToolCall(string id, string functionName, string arguments)
    {
        Id = id ?? throw new ArgumentNullException(nameof(id));
        Function = new ClovaFunctionCall
        {
            Name = functionName ?? throw new ArgumentNullException(nameof(functionName)),
            Arguments = arguments ?? "{}",
        };
    }

    /// <summary>The call id, which the <c>tool</c> message with its result names.</summary>
    [JsonPropertyName("id")] public string Id { get; set; } = "";

    /// <summary>The tool type, <c>function</c>.</summary>
    [JsonPropertyName("type")] public string Type { get; set; } = "function";

    /// <summary>The function and its arguments, as on the wire.</summary>
    [JsonPropertyName("function")] public ClovaFunctionCall Function { get; set; } = new();

    /// <summary>The function's name (<c>function.name</c>; empty if the service sent none).</summary>
    [JsonIgnore] public string FunctionName => Function?.Name ?? "";

    /// <summary>The arguments, a JSON object as text (<c>function.arguments</c>; <c>{}</c> if the service sent none).</summary>
    [JsonIgnore] public string Arguments => Function?.Arguments ?? "{}";
}

/// <summary>A piece of a function call in a streamed chunk; the pieces with the same <see cref="Index"/> make one call.</summary>
public sealed class ClovaChatToolCallDelta
{
    /// <summary>Which call this piece belongs to.</summary>
    [JsonPropertyName("index")] public int? Index { get; set; }

    /// <summary>The call id (on the call's first piece).</summary>
    [JsonPropertyName("id")] public string? Id { get; set; }

    /// <summary>The tool type, <c>function</c> (on the call's first piece).</summary>
    [JsonPropertyName("type")] public string? Type { get; set; }

    /// <summary>The function name (first piece) and the next piece of its arguments.</summary>
    [JsonPropertyName("function")] public ClovaFunctionCall? Function { get; set; }
}

/// <summary>A function name and its arguments as a JSON string.</summary>
public sealed class ClovaFunctionCall
{
    /// <summary>The function name.</summary>
    [JsonPropertyName("name")] public string? Name { get; set; }

    /// <summary>The arguments as a JSON object in a string (streaming: a piece of it).</summary>
    [JsonPropertyName("arguments")] public string? Arguments { get; set; }
}

/// <summary>One chunk of a streamed chat completion.</summary>
public sealed class ClovaChatCompletionChunk
{
    /// <summary>Response id.</summary>
    [JsonPropertyName("id")] public string Id { get; set; } = "";

    /// <summary>The model that answers.</summary>
    [JsonPropertyName("model")] public string? Model { get; set; }

    /// <summary>When the answer was created (Unix seconds; 0 when the service did not say).</summary>
    [JsonPropertyName("created")] public long Created { get; set; }

    /// <summary>The deltas.</summary>
    [JsonPropertyName("choices")] public IReadOnlyList<ClovaChatChunkChoice> Choices { get; set; } = new List<ClovaChatChunkChoice>();

    /// <summary>Token counts, on the chunk that carries them (if the service sends them).</summary>
    [JsonPropertyName("usage")] public ClovaUsage? Usage { get; set; }
}

/// <summary>One choice's delta in a chunk.</summary>
public sealed class ClovaChatChunkChoice
{
    /// <summary>Position of the answer.</summary>
    [JsonPropertyName("index")] public int Index { get; set; }

    /// <summary>What this chunk adds.</summary>
    [JsonPropertyName("delta")] public ClovaChatDelta Delta { get; set; } = new();

    /// <summary>Set on the last chunk of a choice.</summary>
    [JsonPropertyName("finish_reason")] public string? FinishReason { get; set; }
}

/// <summary>What a chunk adds to the answer.</summary>
public sealed class ClovaChatDelta
{
    /// <summary>The role, on the first chunk.</summary>
    [JsonPropertyName("role")] public string? Role { get; set; }

    /// <summary>The next piece of text.</summary>
    [JsonPropertyName("content")] public string? Content { get; set; }

    /// <summary>Pieces of function calls, matched by <see cref="ClovaChatToolCallDelta.Index"/>.</summary>
    [JsonPropertyName("tool_calls")] public IReadOnlyList<ClovaChatToolCallDelta>? ToolCalls { get; set; }
}

/// <summary>Embeddings for the request's inputs.</summary>
public sealed class ClovaEmbeddingResponse
{
    /// <summary>One vector per input, in input order.</summary>
    [JsonPropertyName("data")] public IReadOnlyList<ClovaEmbeddingData> Data { get; set; } = new List<ClovaEmbeddingData>();

    /// <summary>The embedding model.</summary>
    [JsonPropertyName("model")] public string Model { get; set; } = "";

    /// <summary>Token counts, when the service sends them.</summary>
    [JsonPropertyName("usage")] public ClovaUsage? Usage { get; set; }
}

/// <summary>One embedding vector.</summary>
public sealed class ClovaEmbeddingData
{
    /// <summary>Position of the input.</summary>
    [JsonPropertyName("index")] public int Index { get; set; }

    /// <summary>The vector.</summary>
    [JsonPropertyName("embedding")] public float[] Embedding { get; set; } = Array.Empty<float>();
}

/// <summary>A model the service offers.</summary>
public sealed class ClovaModel
{
    /// <summary>The model name.</summary>
    [JsonPropertyName("id")] public string Id { get; set; } = "";
}

/// <summary>Token counts of a completion.</summary>
public sealed class ClovaUsage
{
    /// <summary>Prompt tokens.</summary>
    [JsonPropertyName("prompt_tokens")] public int PromptTokens { get; set; }

    /// <summary>Completion tokens.</summary>
    [JsonPropertyName("completion_tokens")] public int CompletionTokens { get; set; }

    /// <summary>Both.</summary>
    [JsonPropertyName("total_tokens")] public int TotalTokens { get; set; }
}

internal sealed class ModelList
{
    [JsonPropertyName("data")] public List<ClovaModel> Data { get; set; } = new();
}

internal sealed class ErrorEnvelope
{
    [JsonPropertyName("error")] public ErrorBody? Error { get; set; }
}

internal sealed class ErrorBody
{
    [JsonPropertyName("message")] public string? Message { get; set; }

    [JsonPropertyName("code")] public string? Code { get; set; }
}

/// <summary>Reflection-free metadata for the response types (trimming and Native AOT safe).</summary>
[JsonSourceGenerationOptions(GenerationMode = JsonSourceGenerationMode.Metadata)]
[JsonSerializable(typeof(ClovaChatCompletion))]
[JsonSerializable(typeof(ClovaChatCompletionChunk))]
[JsonSerializable(typeof(ClovaUsage))]
[JsonSerializable(typeof(IReadOnlyList<ClovaChatToolCallDelta>))]
[JsonSerializable(typeof(ClovaEmbeddingResponse))]
[JsonSerializable(typeof(ModelList))]
[JsonSerializable(typeof(ErrorEnvelope))]
internal sealed partial class ClovaResponseJsonContext : JsonSerializerContext
{
}
