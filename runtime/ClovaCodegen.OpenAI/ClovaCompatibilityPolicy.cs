using System;
using System.ClientModel;
using System.ClientModel.Primitives;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Text.Json;
using System.Threading.Tasks;
using ClovaCodegen.OpenAI.Wire;

namespace ClovaCodegen.OpenAI;

/// <summary>
/// A <see cref="PipelinePolicy"/> that makes the OpenAI SDK's requests CLOVA-compatible: embeddings are sent with
/// <c>"encoding_format": "float"</c> (the SDK sends "base64"), <c>stream_options</c> (added by the SDK to every streaming
/// call) is removed, and any other unsupported field is rejected (strict) or dropped (lenient). In strict mode a number
/// outside its documented range is refused as the generated builders refuse it (<see cref="ArgumentOutOfRangeException"/>
/// named after the wire field, before anything is sent); lenient mode leaves ranges to the server.
/// </summary>
public sealed class ClovaCompatibilityPolicy : PipelinePolicy
{
    /// <summary>Unsupported chat fields (spec status <c>unsupported</c>), generated from the spec at build time.</summary>
    public static readonly IReadOnlyList<string> UnsupportedChatFields = Array.AsReadOnly(ClovaWireFields.UnsupportedChat);

    /// <summary>Unsupported embedding fields (spec status <c>unsupported</c>).</summary>
    public static readonly IReadOnlyList<string> UnsupportedEmbeddingFields = Array.AsReadOnly(ClovaWireFields.UnsupportedEmbeddings);

    /// <summary>Fields the SDK adds by itself; removed silently even in strict mode, since the caller did not ask for them.</summary>
    private static readonly HashSet<string> Implicit = new(StringComparer.Ordinal) { "stream_options" };

    /// <summary>Creates the policy.</summary>
    public ClovaCompatibilityPolicy(ClovaCompatibilityMode mode = ClovaCompatibilityMode.Strict) => Mode = mode;

    /// <summary>Strict or lenient.</summary>
    public ClovaCompatibilityMode Mode { get; }

    /// <summary>Called with each field dropped in lenient mode (hook your logger here).</summary>
    public event Action<string>? FieldDropped;

    /// <inheritdoc/>
    public override void Process(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex)
    {
        Rewrite(message);
        ProcessNext(message, pipeline, currentIndex);
    }

    /// <inheritdoc/>
    public override async ValueTask ProcessAsync(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex)
    {
        Rewrite(message);
        await ProcessNextAsync(message, pipeline, currentIndex).ConfigureAwait(false);
    }

    private void Rewrite(PipelineMessage message)
    {
        var request = message.Request;
        var path = request.Uri?.AbsolutePath ?? "";
        var isEmbeddings = path.EndsWith("/embeddings", StringComparison.Ordinal);
        var isChat = path.EndsWith("/chat/completions", StringComparison.Ordinal);
        if ((!isEmbeddings && !isChat) || request.Content is null)
        {
            return;
        }

        using var buffer = new MemoryStream();
        request.Content.WriteTo(buffer, default);
        if (JsonNode.Parse(buffer.ToArray()) is not JsonObject body)
        {
            return;
        }

        var unsupported = (isEmbeddings ? UnsupportedEmbeddingFields : UnsupportedChatFields).Where(f => body.ContainsKey(f)).ToList();
        var explicitFields = unsupported.Where(f => !Implicit.Contains(f)).ToList();
        if (explicitFields.Count > 0 && Mode == ClovaCompatibilityMode.Strict)
        {
            throw new ClovaCompatibilityException(explicitFields);
        }

        if (Mode == ClovaCompatibilityMode.Strict)
        {
            CheckRanges(body, isEmbeddings);
        }

        foreach (var field in unsupported)
        {
            body.Remove(field);
            if (!Implicit.Contains(field))
            {
                FieldDropped?.Invoke(field);
            }
        }

        if (isEmbeddings)
        {
            body["encoding_format"] = "float";
        }

        request.Content = BinaryContent.Create(BinaryData.FromString(body.ToJsonString()));
    }

    private static void CheckRanges(JsonObject body, bool isEmbeddings)
    {
        foreach (var property in body)
        {
            if (property.Value is JsonValue value && value.GetValueKind() == JsonValueKind.Number && value.TryGetValue<double>(out var number))
            {
                if (isEmbeddings)
                {
                    ClovaWireFields.CheckEmbeddingRange(property.Key, number);
                }
                else
                {
                    ClovaWireFields.CheckChatRange(property.Key, number);
                }
            }
        }
    }
}

/// <summary>One call to point the official OpenAI SDK at CLOVA Studio.</summary>
public static class ClovaOpenAI
{
    /// <summary>
    /// Client options for CLOVA Studio: its base URL (default public cloud), the compatibility policy, and
    /// <see cref="ClovaOpenAIRetryPolicy"/> in place of the SDK's retries (which repeat a chat completion after a 500 or a
    /// dropped connection). Set <c>RetryPolicy</c> afterwards to choose otherwise.
    /// </summary>
    public static global::OpenAI.OpenAIClientOptions CreateClientOptions(Uri? endpoint = null, ClovaCompatibilityMode mode = ClovaCompatibilityMode.Strict)
    {
        var options = new global::OpenAI.OpenAIClientOptions { Endpoint = endpoint ?? ClovaStudioEndpoints.Public, RetryPolicy = new ClovaOpenAIRetryPolicy() };
        options.AddPolicy(new ClovaCompatibilityPolicy(mode), PipelinePosition.PerCall);
        return options;
    }

    /// <summary>An <c>OpenAIClient</c> for CLOVA Studio; get chat and embedding clients from it as usual.</summary>
    public static global::OpenAI.OpenAIClient CreateClient(string apiKey, Uri? endpoint = null, ClovaCompatibilityMode mode = ClovaCompatibilityMode.Strict) =>
        new(new ApiKeyCredential(apiKey ?? throw new ArgumentNullException(nameof(apiKey))), CreateClientOptions(endpoint, mode));
}
