using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;

namespace ClovaCodegen;

/// <summary>
/// The tool loop's next request: the caller's request as it writes itself, with the assistant's tool-call turns and the
/// tool results appended to its <c>messages</c>. The runtime cannot name the generated request type (it lives in the
/// caller's assembly), so it works on the body: every field the caller set is copied as written, which keeps the options,
/// tools and response format of any <see cref="IClovaChatCompletionRequest"/> without knowing them.
/// </summary>
internal sealed class ToolConversationRequest : IClovaChatCompletionRequest
{
    private readonly IClovaChatCompletionRequest _original;
    private readonly List<Action<Utf8JsonWriter>> _appended = new();

    public ToolConversationRequest(IClovaChatCompletionRequest original) => _original = original;

    public string Model => _original.Model;

    /// <summary>Appends the assistant's turn as it came back: its text (a string, never null) and its tool calls.</summary>
    public void AddAssistant(string? content, IReadOnlyList<ClovaChatToolCall> toolCalls) => _appended.Add(writer =>
    {
        writer.WriteStartObject();
        writer.WriteString("role", "assistant");
        writer.WriteString("content", content ?? "");
        writer.WriteStartArray("tool_calls");
        foreach (var call in toolCalls)
        {
            writer.WriteStartObject();
            writer.WriteString("id", call.Id);
            writer.WriteString("type", "function");
            writer.WriteStartObject("function");
            writer.WriteString("name", call.FunctionName);
            writer.WriteString("arguments", call.Arguments);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    });

    /// <summary>Appends a tool's result, answering its call.</summary>
    public void AddToolResult(ClovaToolResult result) => _appended.Add(writer =>
    {
        writer.WriteStartObject();
        writer.WriteString("role", "tool");
        writer.WriteString("content", result.Content);
        writer.WriteString("tool_call_id", result.ToolCallId);
        writer.WriteEndObject();
    });

    public void WriteJson(Utf8JsonWriter writer, bool stream)
    {
        using var buffer = new MemoryStream();
        using (var original = new Utf8JsonWriter(buffer))
        {
            _original.WriteJson(original, stream);
        }

        using var body = JsonDocument.Parse(new ReadOnlyMemory<byte>(buffer.GetBuffer(), 0, (int)buffer.Length));
        writer.WriteStartObject();
        foreach (var property in body.RootElement.EnumerateObject())
        {
            if (!property.NameEquals("messages"))
            {
                property.WriteTo(writer);
                continue;
            }

            writer.WriteStartArray("messages");
            foreach (var message in property.Value.EnumerateArray())
            {
                message.WriteTo(writer);
            }

            foreach (var append in _appended)
            {
                append(writer);
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
    }
}
