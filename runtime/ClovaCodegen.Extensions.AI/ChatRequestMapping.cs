using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Json;
using ClovaCodegen.Extensions.AI.Wire;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;

// One tool-call type goes out and comes back: with the runtime referenced, the generated messages take the runtime's.
using WireToolCall = ClovaCodegen.ClovaChatToolCall;

namespace ClovaCodegen.Extensions.AI;

/// <summary>
/// Maps MEAI messages and <see cref="ChatOptions"/> onto the generated <see cref="ChatCompletionRequestBuilder"/> (our own
/// generator, run on this library): the builder writes the body and its <c>Build()</c> checks every documented range, as
/// it does for a user's own requests. What CLOVA Studio does not support is collected by <see cref="Compatibility"/>.
/// </summary>
internal static class ChatRequestMapping
{
    /// <summary>
    /// Maps and checks. Strict: every unsupported option is collected and one <see cref="ClovaCompatibilityException"/>
    /// names them all. Lenient: each is dropped with a warning. A value out of its documented range throws
    /// <see cref="ArgumentOutOfRangeException"/> in either mode, as the builder does.
    /// </summary>
    public static ChatCompletionRequest Create(IEnumerable<ChatMessage> messages, ChatOptions? options, string defaultModel, ClovaCompatibilityMode mode, ILogger? logger)
    {
        if (messages is null)
        {
            throw new ArgumentNullException(nameof(messages));
        }

        var issues = new Compatibility(mode, logger);
        var model = string.IsNullOrWhiteSpace(options?.ModelId) ? defaultModel : options!.ModelId!;
        if (string.IsNullOrWhiteSpace(model))
        {
            throw new ArgumentException("No model: set ChatOptions.ModelId or the client's default chat model.", nameof(options));
        }

        var builder = ChatCompletionRequest.Create(model);
        if (!string.IsNullOrEmpty(options?.Instructions))
        {
            builder.System(options!.Instructions!);
        }

        var index = 0;
        foreach (var message in messages)
        {
            AddMessage(builder, message, index++, issues);
        }

        if (options is not null)
        {
            MapOptions(builder, options, issues);
        }

        issues.ThrowIfStrict();
        return builder.Build();
    }

    private static void MapOptions(ChatCompletionRequestBuilder builder, ChatOptions options, Compatibility issues)
    {
        if (options.AllowMultipleToolCalls is not null)
        {
            issues.Add("parallel_tool_calls", "ChatOptions.AllowMultipleToolCalls");
        }

        if (options.Reasoning is not null)
        {
            issues.Add("reasoning_effort", "ChatOptions.Reasoning");
        }

        if (options.ConversationId is not null)
        {
            issues.Add("ChatOptions.ConversationId", "no server-side conversations in Chat Completions");
        }

        if (options.Temperature is { } temperature)
        {
            builder.Temperature(Widen(temperature));
        }

        if (options.TopP is { } topP)
        {
            builder.TopP(Widen(topP));
        }

        if (options.TopK is { } topK)
        {
            builder.TopK(topK);
        }

        if (options.MaxOutputTokens is { } maxTokens)
        {
            builder.MaxTokens(maxTokens);
        }

        if (options.StopSequences is { Count: > 0 } stop)
        {
            builder.Stop(stop.ToArray());
        }

        if (options.Seed is { } seed)
        {
            builder.Seed(seed is >= int.MinValue and <= int.MaxValue
                ? (int)seed
                : throw new ArgumentOutOfRangeException("seed", seed, "seed must fit in a 32-bit integer (the spec's type for seed)."));
        }

        if (options.FrequencyPenalty is { } frequencyPenalty)
        {
            builder.FrequencyPenalty(Widen(frequencyPenalty));
        }

        if (options.PresencePenalty is { } presencePenalty)
        {
            builder.PresencePenalty(Widen(presencePenalty));
        }

        if (ResponseFormat(options.ResponseFormat) is { } responseFormat)
        {
            builder.ResponseFormat(responseFormat);
        }

        MapTools(builder, options, issues);
        if (options.AdditionalProperties is { Count: > 0 } extra)
        {
            MapAdditionalProperties(builder, extra, options.TopK is not null, issues);
        }
    }

    private static void MapTools(ChatCompletionRequestBuilder builder, ChatOptions options, Compatibility issues)
    {
        var functions = 0;
        foreach (var tool in options.Tools ?? (IList<AITool>)Array.Empty<AITool>())
        {
            if (tool is AIFunctionDeclaration function)
            {
                var schema = function.JsonSchema.ValueKind == JsonValueKind.Object ? function.JsonSchema.GetRawText() : null;
                builder.AddTool(new ClovaFunctionTool(function.Name, function.Description, schema!));
                functions++;
            }
            else
            {
                issues.Add("tools", $"ChatOptions.Tools: {tool.GetType().Name} '{tool.Name}' (only function tools)");
            }
        }

        if (functions == 0)
        {
            return;
        }

        switch (options.ToolMode)
        {
            case null:
                break;
            case NoneChatToolMode:
                builder.ToolChoice("none");
                break;
            case RequiredChatToolMode { RequiredFunctionName: { } name }:
                builder.ToolChoiceFunction(name);
                break;
            case RequiredChatToolMode:
                builder.ToolChoice("required");
                break;
            default:
                builder.ToolChoice("auto");
                break;
        }
    }

    /// <summary>CLOVA-only fields by wire name go to the builder (which checks their ranges); anything else is an issue.</summary>
    private static void MapAdditionalProperties(ChatCompletionRequestBuilder builder, AdditionalPropertiesDictionary extra, bool topKSet, Compatibility issues)
    {
        foreach (var pair in extra)
        {
            if (Array.IndexOf(ClovaWireFields.ClovaOnlyChat, pair.Key) >= 0)
            {
                if (pair.Key == "top_k" && topKSet)
                {
                    throw new ArgumentException("top_k is set twice: by ChatOptions.TopK and by AdditionalProperties[\"top_k\"]; keep one.", "options");
                }

                if (!(Number(pair.Value) is { } number && builder.TrySetNumber(pair.Key, number)))
                {
                    throw new ArgumentException($"AdditionalProperties[\"{pair.Key}\"] must be a number; got {pair.Value ?? "null"}.", "options");
                }
            }
            else if (Array.IndexOf(ClovaWireFields.UnsupportedChat, pair.Key) >= 0)
            {
                issues.Add(pair.Key, "ChatOptions.AdditionalProperties");
            }
            else if (ClovaWireFields.ChatWireNameOf(pair.Key) is { } wireName)
            {
                issues.Add(pair.Key, $"ChatOptions.AdditionalProperties: a native CLOVA name, the OpenAI-compatible API calls it '{wireName}'");
            }
            else
            {
                issues.Add(pair.Key, "ChatOptions.AdditionalProperties: not a CLOVA-only field; set standard fields through ChatOptions");
            }
        }
    }

    private static void AddMessage(ChatCompletionRequestBuilder builder, ChatMessage message, int index, Compatibility issues)
    {
        StringBuilder? text = null;
        List<WireToolCall>? calls = null;
        var results = false;
        foreach (var content in message.Contents)
        {
            switch (content)
            {
                case TextContent t:
                    (text ??= new StringBuilder()).Append(t.Text);
                    break;
                case FunctionCallContent call:
                    (calls ??= new List<WireToolCall>()).Add(new WireToolCall(call.CallId, call.Name, JsonValues.Arguments(call.Arguments)));
                    break;
                case FunctionResultContent result:
                    builder.Tool(result.CallId, JsonValues.Result(result.Result));
                    results = true;
                    break;
                case TextReasoningContent or UsageContent:
                    break; // the model's own reasoning and token counts are not sent back
                default:
                    issues.Add($"messages[{index}].content", $"{content.GetType().Name} (CLOVA Studio's OpenAI-compatible API takes text content)");
                    break;
            }
        }

        if (text is null && calls is null && results)
        {
            return; // a tool message: its results were added one by one above
        }

        // content is always a string: CLOVA Studio once rejected null assistant content.
        var body = text?.ToString() ?? "";
        if (message.Role == ChatRole.System)
        {
            builder.System(body);
        }
        else if (message.Role == ChatRole.User)
        {
            builder.User(body);
        }
        else if (message.Role == ChatRole.Assistant)
        {
            builder.Message(ClovaChatMessage.Assistant(body, calls?.ToArray() ?? Array.Empty<WireToolCall>()));
        }
        else
        {
            issues.Add($"messages[{index}].role", $"role '{message.Role.Value}' (CLOVA Studio takes system, user, assistant and tool messages)");
        }
    }

    /// <summary>
    /// A float as the double it reads as (0.7f becomes 0.7, not 0.699999988...): MEAI's options are floats, the spec's
    /// numbers doubles, and the wire should carry what the caller wrote.
    /// </summary>
    private static double Widen(float value) => double.Parse(value.ToString("R", CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture);

    private static double? Number(object? value) => value switch
    {
        int i => i,
        long l => l,
        short s => s,
        byte b => b,
        uint u => u,
        ulong u => u,
        float f => Widen(f),
        double d => d,
        decimal m => (double)m,
        JsonElement { ValueKind: JsonValueKind.Number } e => e.GetDouble(),
        _ => null,
    };

    /// <summary>MEAI's response format as the raw JSON of the wire field <c>response_format</c>.</summary>
    private static string? ResponseFormat(ChatResponseFormat? format) => format switch
    {
        null => null,
        ChatResponseFormatJson { Schema: { } schema } json => JsonValues.ToJsonString(writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("type", "json_schema");
            writer.WriteStartObject("json_schema");
            writer.WriteString("name", string.IsNullOrEmpty(json.SchemaName) ? "response" : json.SchemaName);
            if (!string.IsNullOrEmpty(json.SchemaDescription))
            {
                writer.WriteString("description", json.SchemaDescription);
            }

            writer.WritePropertyName("schema");
            schema.WriteTo(writer);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }),
        ChatResponseFormatJson => "{\"type\":\"json_object\"}",
        _ => "{\"type\":\"text\"}",
    };
}
