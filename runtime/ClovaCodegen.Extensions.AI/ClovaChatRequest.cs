using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;

namespace ClovaCodegen.Extensions.AI;

/// <summary>
/// A chat request built from MEAI messages and <see cref="ChatOptions"/>, checked against the spec before anything is
/// sent, written with <see cref="Utf8JsonWriter"/> (no reflection).
/// </summary>
internal sealed class ClovaChatRequest : IClovaChatCompletionRequest
{
    private readonly List<WireMessage> _messages;
    private readonly ChatOptions? _options;
    private readonly List<AIFunctionDeclaration> _functions;
    private readonly List<KeyValuePair<string, object?>> _clovaOnly;

    private ClovaChatRequest(string model, List<WireMessage> messages, ChatOptions? options, List<AIFunctionDeclaration> functions, List<KeyValuePair<string, object?>> clovaOnly)
    {
        Model = model;
        _messages = messages;
        _options = options;
        _functions = functions;
        _clovaOnly = clovaOnly;
    }

    public string Model { get; }

    /// <summary>
    /// Maps and checks. Strict: every unsupported option is collected and one <see cref="ClovaCompatibilityException"/>
    /// names them all. Lenient: each is dropped with a warning.
    /// </summary>
    public static ClovaChatRequest Create(IEnumerable<ChatMessage> messages, ChatOptions? options, string defaultModel, ClovaCompatibilityMode mode, ILogger? logger)
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

        var wire = new List<WireMessage>();
        if (!string.IsNullOrEmpty(options?.Instructions))
        {
            wire.Add(new WireMessage("system", options!.Instructions!));
        }

        var index = 0;
        foreach (var message in messages)
        {
            AddMessage(wire, message, index++, issues);
        }

        var functions = new List<AIFunctionDeclaration>();
        var clovaOnly = new List<KeyValuePair<string, object?>>();
        if (options is not null)
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

            foreach (var tool in options.Tools ?? (IList<AITool>)Array.Empty<AITool>())
            {
                if (tool is AIFunctionDeclaration function)
                {
                    functions.Add(function);
                }
                else
                {
                    issues.Add("tools", $"ChatOptions.Tools: {tool.GetType().Name} '{tool.Name}' (only function tools)");
                }
            }

            if (options.AdditionalProperties is { Count: > 0 } extra)
            {
                foreach (var pair in extra)
                {
                    if (ClovaWireFields.ClovaOnlyChat.Contains(pair.Key))
                    {
                        if (pair.Key == "top_k" && options.TopK is not null)
                        {
                            throw new ArgumentException("top_k is set twice: by ChatOptions.TopK and by AdditionalProperties[\"top_k\"]; keep one.", nameof(options));
                        }

                        clovaOnly.Add(pair);
                    }
                    else if (ClovaWireFields.UnsupportedChat.Contains(pair.Key))
                    {
                        issues.Add(pair.Key, "ChatOptions.AdditionalProperties");
                    }
                    else if (ClovaWireFields.NativeChatNames.TryGetValue(pair.Key, out var wireName))
                    {
                        issues.Add(pair.Key, $"ChatOptions.AdditionalProperties: a native CLOVA name, the OpenAI-compatible API calls it '{wireName}'");
                    }
                    else
                    {
                        issues.Add(pair.Key, "ChatOptions.AdditionalProperties: not a CLOVA-only field; set standard fields through ChatOptions");
                    }
                }
            }
        }

        issues.ThrowIfStrict();
        return new ClovaChatRequest(model, wire, options, functions, clovaOnly);
    }

    private static void AddMessage(List<WireMessage> wire, ChatMessage message, int index, Compatibility issues)
    {
        var role = message.Role.Value;
        StringBuilder? text = null;
        List<FunctionCallContent>? calls = null;
        foreach (var content in message.Contents)
        {
            switch (content)
            {
                case TextContent t:
                    (text ??= new StringBuilder()).Append(t.Text);
                    break;
                case FunctionCallContent call:
                    (calls ??= new List<FunctionCallContent>()).Add(call);
                    break;
                case FunctionResultContent result:
                    wire.Add(new WireMessage("tool", JsonValues.Result(result.Result)) { ToolCallId = result.CallId });
                    break;
                case TextReasoningContent or UsageContent:
                    break; // the model's own reasoning and token counts are not sent back
                default:
                    issues.Add($"messages[{index}].content", $"{content.GetType().Name} (CLOVA Studio's OpenAI-compatible API takes text content)");
                    break;
            }
        }

        if (text is null && calls is null && message.Contents.Any(c => c is FunctionResultContent))
        {
            return; // a tool message: its results were added one by one above
        }

        // content is always a string: CLOVA Studio once rejected null assistant content.
        wire.Add(new WireMessage(role, text?.ToString() ?? "") { ToolCalls = calls });
    }

    public void WriteJson(Utf8JsonWriter writer, bool stream)
    {
        writer.WriteStartObject();
        writer.WriteString("model", Model);
        writer.WriteStartArray("messages");
        foreach (var message in _messages)
        {
            writer.WriteStartObject();
            writer.WriteString("role", message.Role);
            writer.WriteString("content", message.Content);
            if (message.ToolCallId is not null)
            {
                writer.WriteString("tool_call_id", message.ToolCallId);
            }

            if (message.ToolCalls is { Count: > 0 } calls)
            {
                writer.WriteStartArray("tool_calls");
                foreach (var call in calls)
                {
                    writer.WriteStartObject();
                    writer.WriteString("id", call.CallId);
                    writer.WriteString("type", "function");
                    writer.WriteStartObject("function");
                    writer.WriteString("name", call.Name);
                    writer.WriteString("arguments", JsonValues.Arguments(call.Arguments));
                    writer.WriteEndObject();
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        if (stream)
        {
            writer.WriteBoolean("stream", true);
        }

        var options = _options;
        if (options is not null)
        {
            if (options.Temperature is { } temperature)
            {
                writer.WriteNumber("temperature", temperature);
            }

            if (options.TopP is { } topP)
            {
                writer.WriteNumber("top_p", topP);
            }

            if (options.TopK is { } topK)
            {
                writer.WriteNumber("top_k", topK);
            }

            if (options.MaxOutputTokens is { } maxTokens)
            {
                writer.WriteNumber("max_tokens", maxTokens);
            }

            if (options.StopSequences is { Count: > 0 } stop)
            {
                writer.WriteStartArray("stop");
                foreach (var sequence in stop)
                {
                    writer.WriteStringValue(sequence);
                }

                writer.WriteEndArray();
            }

            if (options.Seed is { } seed)
            {
                writer.WriteNumber("seed", seed);
            }

            if (options.FrequencyPenalty is { } frequencyPenalty)
            {
                writer.WriteNumber("frequency_penalty", frequencyPenalty);
            }

            if (options.PresencePenalty is { } presencePenalty)
            {
                writer.WriteNumber("presence_penalty", presencePenalty);
            }

            WriteResponseFormat(writer, options.ResponseFormat);
            if (_functions.Count > 0)
            {
                WriteTools(writer, _functions, options.ToolMode);
            }
        }

        foreach (var pair in _clovaOnly)
        {
            writer.WritePropertyName(pair.Key);
            JsonValues.Write(writer, pair.Value);
        }

        writer.WriteEndObject();
    }

    private static void WriteResponseFormat(Utf8JsonWriter writer, ChatResponseFormat? format)
    {
        switch (format)
        {
            case null:
                return;
            case ChatResponseFormatJson { Schema: { } schema } json:
                writer.WriteStartObject("response_format");
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
                return;
            case ChatResponseFormatJson:
                writer.WriteStartObject("response_format");
                writer.WriteString("type", "json_object");
                writer.WriteEndObject();
                return;
            default:
                writer.WriteStartObject("response_format");
                writer.WriteString("type", "text");
                writer.WriteEndObject();
                return;
        }
    }

    private static void WriteTools(Utf8JsonWriter writer, List<AIFunctionDeclaration> functions, ChatToolMode? mode)
    {
        writer.WriteStartArray("tools");
        foreach (var function in functions)
        {
            writer.WriteStartObject();
            writer.WriteString("type", "function");
            writer.WriteStartObject("function");
            writer.WriteString("name", function.Name);
            if (!string.IsNullOrEmpty(function.Description))
            {
                writer.WriteString("description", function.Description);
            }

            writer.WritePropertyName("parameters");
            if (function.JsonSchema.ValueKind == JsonValueKind.Object)
            {
                function.JsonSchema.WriteTo(writer);
            }
            else
            {
                writer.WriteStartObject();
                writer.WriteString("type", "object");
                writer.WriteStartObject("properties");
                writer.WriteEndObject();
                writer.WriteEndObject();
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        switch (mode)
        {
            case null:
                break;
            case NoneChatToolMode:
                writer.WriteString("tool_choice", "none");
                break;
            case RequiredChatToolMode { RequiredFunctionName: { } name }:
                writer.WriteStartObject("tool_choice");
                writer.WriteString("type", "function");
                writer.WriteStartObject("function");
                writer.WriteString("name", name);
                writer.WriteEndObject();
                writer.WriteEndObject();
                break;
            case RequiredChatToolMode:
                writer.WriteString("tool_choice", "required");
                break;
            default:
                writer.WriteString("tool_choice", "auto");
                break;
        }
    }

    private sealed class WireMessage
    {
        public WireMessage(string role, string content)
        {
            Role = role;
            Content = content;
        }

        public string Role { get; }

        public string Content { get; }

        public string? ToolCallId { get; set; }

        public List<FunctionCallContent>? ToolCalls { get; set; }
    }
}

/// <summary>Collects unsupported options: strict throws once naming all of them, lenient logs each one and drops it.</summary>
internal sealed class Compatibility
{
    private static readonly Action<ILogger, string, string, Exception?> LogDropped = LoggerMessage.Define<string, string>(
        LogLevel.Warning,
        new EventId(1, "ClovaFieldDropped"),
        "CLOVA Studio does not support {Field} ({Source}); dropped (ClovaCompatibilityMode.Lenient).");

    private readonly ClovaCompatibilityMode _mode;
    private readonly ILogger? _logger;
    private readonly List<(string Field, string Source)> _issues = new();

    public Compatibility(ClovaCompatibilityMode mode, ILogger? logger)
    {
        _mode = mode;
        _logger = logger;
    }

    public void Add(string field, string source)
    {
        if (_mode == ClovaCompatibilityMode.Strict)
        {
            _issues.Add((field, source));
        }
        else if (_logger is not null)
        {
            LogDropped(_logger, field, source, null);
        }
    }

    public void ThrowIfStrict()
    {
        if (_issues.Count == 0)
        {
            return;
        }

        var fields = _issues.Select(i => i.Field).ToArray();
        var detail = string.Join("; ", _issues.Select(i => $"{i.Field} ({i.Source})"));
        throw new ClovaCompatibilityException(
            fields,
            $"CLOVA Studio does not support: {detail}. Nothing was sent. Remove them, or use ClovaCompatibilityMode.Lenient to drop them with a warning.");
    }
}
