using System;
using System.Collections.Generic;

namespace ClovaCodegen;

/// <summary>
/// What the spec (spec/clova-openai-compat.json) says about request fields, for run time: one copy for both interop
/// assemblies (ClovaCodegen.OpenAI's policy and ClovaCodegen.Extensions.AI's adapters, friends of this assembly). The spec
/// reader is a compile-time component and is not shipped, so tests keep these lists equal to the spec.
/// </summary>
internal static class ClovaWireFields
{
    /// <summary>Chat fields with status <c>unsupported</c>.</summary>
    public static readonly HashSet<string> UnsupportedChat = new(StringComparer.Ordinal)
    {
        "store", "reasoning_effort", "metadata", "logit_bias", "logprobs", "top_logprobs", "n", "modalities", "prediction", "audio",
        "service_tier", "stream_options", "parallel_tool_calls", "user",
    };

    /// <summary>Chat fields with status <c>clova-only</c>: they pass through <c>ChatOptions.AdditionalProperties</c>.</summary>
    public static readonly HashSet<string> ClovaOnlyChat = new(StringComparer.Ordinal) { "top_k", "repeat_penalty", "repetition_penalty" };

    /// <summary>The native camelCase names of chat fields (a classic mistake in AdditionalProperties), to suggest the wire name.</summary>
    public static readonly Dictionary<string, string> NativeChatNames = new(StringComparer.Ordinal)
    {
        ["maxTokens"] = "max_tokens", ["maxCompletionTokens"] = "max_completion_tokens", ["topP"] = "top_p", ["stopBefore"] = "stop",
        ["frequencyPenalty"] = "frequency_penalty", ["presencePenalty"] = "presence_penalty", ["topK"] = "top_k",
        ["repeatPenalty"] = "repeat_penalty", ["repetitionPenalty"] = "repetition_penalty",
    };

    /// <summary>Embedding fields with status <c>unsupported</c>.</summary>
    public static readonly HashSet<string> UnsupportedEmbeddings = new(StringComparer.Ordinal) { "user" };

    /// <summary>Embedding models and their dimension, where the spec gives one.</summary>
    public static readonly Dictionary<string, int> EmbeddingDimensions = new(StringComparer.Ordinal) { ["bge-m3"] = 1024 };
}
