using System;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using ClovaCodegen.Emulator.Answers;
using ClovaCodegen.Emulator.Validation;
using ClovaCodegen.Spec.Model;
using Microsoft.AspNetCore.Http;

namespace ClovaCodegen.Emulator;

/// <summary>
/// <c>POST chat/completions</c>: validated against the spec and the chat shape, then answered deterministically (an echo,
/// a tool call when functions are offered, a tool result read back, or a test's scripted answer).
/// </summary>
internal static partial class EmulatorEndpoints
{
    private static async Task ChatAsync(HttpContext context, EndpointSpec chat, StructuredOutputsSpec? structuredOutputs, EmulatorOptions options)
    {
        using var request = await AcceptAsync(context, chat, options, "a chat", root => ChatShapeValidator.Validate(root) ?? ResponseFormatValidator.Validate(root, structuredOutputs));
        if (request is null)
        {
            return;
        }

        var root = request.Root;
        var model = request.ModelName;
        var messages = root.GetProperty("messages"); // a non-empty array of well-formed messages (ChatShapeValidator)

        var lastUser = messages.EnumerateArray().LastOrDefault(x => x.TryGetProperty("role", out var r) && r.GetString() == "user");
        var question = lastUser.ValueKind == JsonValueKind.Object && lastUser.TryGetProperty("content", out var c) ? TextOf(c) ?? "" : "";
        var answer = options.ChatAnswer?.Invoke(question) ?? "Echo: " + question;
        var head = new ChatAnswerHead("chatcmpl-" + context.Response.Headers["X-NCP-CLOVASTUDIO-REQUEST-ID"], DateTimeOffset.UtcNow.ToUnixTimeSeconds(), model);
        var stream = root.TryGetProperty("stream", out var s) && s.ValueKind == JsonValueKind.True;

        // Tools: when the request offers functions (and tool_choice is not "none") and the conversation ends with the
        // user, the model asks to call the first function (or the one tool_choice names) with {"text": <question>};
        // when it ends with a tool result, it answers "Tool said: <result>".
        var lastMessage = messages[messages.GetArrayLength() - 1];
        var lastRole = lastMessage.TryGetProperty("role", out var lr) ? lr.GetString() : null;
        string? toolName = null;
        if (lastRole == "user" && root.TryGetProperty("tools", out var tools) && tools.ValueKind == JsonValueKind.Array && tools.GetArrayLength() > 0
            && !(root.TryGetProperty("tool_choice", out var choice) && choice.ValueKind == JsonValueKind.String && choice.GetString() == "none"))
        {
            toolName = root.TryGetProperty("tool_choice", out var named) && named.ValueKind == JsonValueKind.Object
                ? named.GetProperty("function").GetProperty("name").GetString()
                : tools[0].GetProperty("function").GetProperty("name").GetString();
        }
        else if (lastRole == "tool")
        {
            answer = "Tool said: " + (lastMessage.TryGetProperty("content", out var tc) && tc.ValueKind == JsonValueKind.String ? tc.GetString() : "");
        }

        // Structured outputs answer in kind: JSON generated from the schema (json_schema) or a small object (json_object),
        // unless the test gave its own ChatAnswer.
        if (options.ChatAnswer is null && root.TryGetProperty("response_format", out var format) && format.GetProperty("type").GetString() is { } formatType)
        {
            if (formatType == "json_schema")
            {
                answer = SchemaConformingAnswer.Generate(format.GetProperty("json_schema").GetProperty("schema"), question);
            }
            else if (formatType == "json_object")
            {
                answer = EmulatorResponses.Json(writer =>
                {
                    writer.WriteStartObject();
                    writer.WriteString("answer", answer);
                    writer.WriteEndObject();
                });
            }
        }

        // A test's scripted answer (EmulatorOptions.ScriptedAnswers) stands in for the canned one.
        var scripted = options.ScriptedAnswers.TakeNext();
        if (scripted is not null)
        {
            answer = scripted.Content;
            toolName = scripted.ToolName;
        }

        var toolArguments = scripted?.ToolArguments ?? EmulatorResponses.Json(writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("text", question);
            writer.WriteEndObject();
        });
        var toolCallId = "call_" + context.Response.Headers["X-NCP-CLOVASTUDIO-REQUEST-ID"];
        if (toolName is not null)
        {
            var call = new ToolCallPiece(toolCallId, toolName, toolArguments);
            if (!stream)
            {
                await EmulatorResponses.CompletionAsync(context, head, "", call, question.Length, toolArguments.Length);
                return;
            }

            // The call arrives in pieces, as OpenAI streams it: id and name first, then the arguments in two parts.
            var half = toolArguments.Length / 2;
            await EmulatorResponses.StreamAsync(context, head, new[]
            {
                new ChatDelta(null, call with { Arguments = "" }, null),
                new ChatDelta(null, new ToolCallPiece(null, null, toolArguments.Substring(0, half)), null),
                new ChatDelta(null, new ToolCallPiece(null, null, toolArguments.Substring(half)), null),
                new ChatDelta(null, null, "tool_calls"),
            }, CutStreamAfter(context, options));
            return;
        }

        if (!stream)
        {
            await EmulatorResponses.CompletionAsync(context, head, answer, null, question.Length, answer.Length);
            return;
        }

        // The text arrives a word at a time (each after the first with its leading space), then the finish reason alone.
        var deltas = answer.Split(' ').Select((t, i) => new ChatDelta(i == 0 ? t : " " + t, null, null)).ToList();
        deltas.Add(new ChatDelta(null, null, "stop"));
        await EmulatorResponses.StreamAsync(context, head, deltas, CutStreamAfter(context, options));
    }

    /// <summary>The text of a message's content: the string, or its text parts joined.</summary>
    private static string TextOf(JsonElement content) => content.ValueKind switch
    {
        JsonValueKind.String => content.GetString()!,
        JsonValueKind.Array => string.Concat(content.EnumerateArray()
            .Where(p => p.TryGetProperty("text", out var t) && t.ValueKind == JsonValueKind.String)
            .Select(p => p.GetProperty("text").GetString())),
        _ => "",
    };
}
