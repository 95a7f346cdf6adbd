using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Threading.Tasks;
using ClovaCodegen.Emulator.Validation;
using Microsoft.AspNetCore.Http;

namespace ClovaCodegen.Emulator;

/// <summary>The head every chat answer shares: its id, creation time and model.</summary>
internal sealed record ChatAnswerHead(string Id, long Created, string Model);

/// <summary>A tool call, or a streamed piece of one: the id and name come with the first piece only.</summary>
internal sealed record ToolCallPiece(string? Id, string? Name, string Arguments);

/// <summary>One streamed delta: its text or tool-call piece, and on the last one the finish reason.</summary>
internal sealed record ChatDelta(string? Content, ToolCallPiece? ToolCall, string? FinishReason);

/// <summary>
/// Every response body the emulator writes, in OpenAI's shapes as CLOVA Studio's compatible API sends them: errors, a
/// chat completion (text or tool call), its streamed chunks (server-sent events ending in <c>[DONE]</c>), and the
/// JSON writing with the cut-body fault. The chat shapes are written here once, for text and tool calls alike.
/// </summary>
internal static class EmulatorResponses
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>A non-streamed chat completion with one choice: text, or an empty text and one tool call.</summary>
    public static Task CompletionAsync(HttpContext context, ChatAnswerHead head, string content, ToolCallPiece? toolCall, int promptTokens, int completionTokens) =>
        WriteJsonAsync(context, 200, writer =>
        {
            WriteHead(writer, head, "chat.completion");
            writer.WriteStartObject("message");
            writer.WriteString("role", "assistant");
            writer.WriteString("content", content);
            if (toolCall is not null)
            {
                WriteToolCalls(writer, null, toolCall);
            }

            writer.WriteEndObject();
            writer.WriteString("finish_reason", toolCall is null ? "stop" : "tool_calls");
            writer.WriteEndObject();
            writer.WriteEndArray();
            writer.WriteStartObject("usage");
            writer.WriteNumber("prompt_tokens", promptTokens);
            writer.WriteNumber("completion_tokens", completionTokens);
            writer.WriteNumber("total_tokens", promptTokens + completionTokens);
            writer.WriteEndObject();
            writer.WriteEndObject();
        });

    /// <summary>
    /// Streams <paramref name="deltas"/> as chunks, the first with the assistant role, then <c>[DONE]</c>; after
    /// <paramref name="cutAfter"/> chunks the connection just ends, as a cut stream would.
    /// </summary>
    public static async Task StreamAsync(HttpContext context, ChatAnswerHead head, IReadOnlyList<ChatDelta> deltas, int? cutAfter)
    {
        context.Response.StatusCode = 200;
        context.Response.ContentType = "text/event-stream";
        for (var i = 0; i < deltas.Count; i++)
        {
            if (cutAfter is { } cut && i >= cut)
            {
                return;
            }

            var first = i == 0;
            var delta = deltas[i];
            var chunk = Json(writer =>
            {
                WriteHead(writer, head, "chat.completion.chunk");
                writer.WriteStartObject("delta");
                if (first)
                {
                    writer.WriteString("role", "assistant");
                }

                if (delta.Content is not null)
                {
                    writer.WriteString("content", delta.Content);
                }

                if (delta.ToolCall is not null)
                {
                    WriteToolCalls(writer, 0, delta.ToolCall);
                }

                writer.WriteEndObject();
                if (delta.FinishReason is not null)
                {
                    writer.WriteString("finish_reason", delta.FinishReason);
                }
                else
                {
                    writer.WriteNull("finish_reason");
                }

                writer.WriteEndObject();
                writer.WriteEndArray();
                writer.WriteEndObject();
            });
            await context.Response.WriteAsync("data: " + chunk + "\n\n", context.RequestAborted);
            await context.Response.Body.FlushAsync(context.RequestAborted);
        }

        await context.Response.WriteAsync("data: [DONE]\n\n", context.RequestAborted);
    }

    public static Task Error(HttpContext context, RequestProblem problem) => Error(context, problem.Status, problem.Code, problem.Message, problem.Param);

    public static Task Error(HttpContext context, int status, string code, string message, string? param = null) => WriteJsonAsync(context, status, writer =>
    {
        writer.WriteStartObject();
        writer.WriteStartObject("error");
        writer.WriteString("message", message);
        writer.WriteString("type", status switch { 401 => "authentication_error", >= 500 => "server_error", _ => "invalid_request_error" });
        if (param is null)
        {
            writer.WriteNull("param");
        }
        else
        {
            writer.WriteString("param", param);
        }

        writer.WriteString("code", code);
        writer.WriteEndObject();
        writer.WriteEndObject();
    });

    public static async Task WriteJsonAsync(HttpContext context, int status, Action<Utf8JsonWriter> write)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        var json = Json(write);
        if (status == 200 && context.Items.TryGetValue(EmulatorEndpoints.CutFaultKey, out var kind) && kind is FaultKind.CutBody)
        {
            // The status line, the headers (request id included) and half the body arrive; then the connection drops.
            await context.Response.WriteAsync(json.Substring(0, json.Length / 2), context.RequestAborted);
            await context.Response.Body.FlushAsync(context.RequestAborted);
            RequestRecording.AbortAfterRecording(context);
            return;
        }

        await RequestRecording.SendCompleteAnswerAsync(context, Encoding.UTF8.GetBytes(json));
    }

    public static string Json(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Opens a chat answer: id, object, created, model, and the one choice (index 0), left open.</summary>
    private static void WriteHead(Utf8JsonWriter writer, ChatAnswerHead head, string objectType)
    {
        writer.WriteStartObject();
        writer.WriteString("id", head.Id);
        writer.WriteString("object", objectType);
        writer.WriteNumber("created", head.Created);
        writer.WriteString("model", head.Model);
        writer.WriteStartArray("choices");
        writer.WriteStartObject();
        writer.WriteNumber("index", 0);
    }

    private static void WriteToolCalls(Utf8JsonWriter writer, int? index, ToolCallPiece call)
    {
        writer.WriteStartArray("tool_calls");
        writer.WriteStartObject();
        if (index is { } i)
        {
            writer.WriteNumber("index", i);
        }

        if (call.Id is not null)
        {
            writer.WriteString("id", call.Id);
            writer.WriteString("type", "function");
        }

        writer.WriteStartObject("function");
        if (call.Name is not null)
        {
            writer.WriteString("name", call.Name);
        }

        writer.WriteString("arguments", call.Arguments);
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteEndArray();
    }
}
