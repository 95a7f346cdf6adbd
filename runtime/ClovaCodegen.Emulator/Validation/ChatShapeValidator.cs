using System.Collections.Generic;
using System.Text.Json;

namespace ClovaCodegen.Emulator.Validation;

/// <summary>
/// The shapes inside a chat request that the spec does not describe field by field: messages, tools and an object
/// tool_choice. They follow OpenAI's Chat Completions schema as CLOVA Studio accepts it: content a string (or content
/// parts), tool-call arguments a JSON string (NAVER's own client learned both the hard way).
/// </summary>
internal static class ChatShapeValidator
{
    private static readonly HashSet<string> Roles = new() { "system", "user", "assistant", "tool" };

    public static RequestProblem? Validate(JsonElement root)
    {
        if (!root.TryGetProperty("messages", out var messages) || messages.ValueKind != JsonValueKind.Array || messages.GetArrayLength() == 0)
        {
            return new RequestProblem(400, "invalid_request", "'messages' must be a non-empty array.", "messages");
        }

        var index = 0;
        foreach (var message in messages.EnumerateArray())
        {
            if (ValidateMessage(message, $"messages[{index++}]") is { } problem)
            {
                return problem;
            }
        }

        var toolNames = new HashSet<string>();
        if (root.TryGetProperty("tools", out var tools) && tools.ValueKind == JsonValueKind.Array)
        {
            index = 0;
            foreach (var tool in tools.EnumerateArray())
            {
                if (ValidateTool(tool, $"tools[{index++}]", toolNames) is { } problem)
                {
                    return problem;
                }
            }
        }

        if (!root.TryGetProperty("tool_choice", out var choice))
        {
            return null;
        }

        if (toolNames.Count == 0 && (choice.ValueKind == JsonValueKind.Object || (choice.ValueKind == JsonValueKind.String && choice.GetString() == "required")))
        {
            return RequestProblem.Invalid("tool_choice", $"'tool_choice' {choice.GetRawText()} needs 'tools' to choose from, and the request offers none.");
        }

        return choice.ValueKind == JsonValueKind.Object ? ValidateNamedToolChoice(choice, toolNames) : null;
    }

    private static RequestProblem? ValidateMessage(JsonElement message, string path)
    {
        if (message.ValueKind != JsonValueKind.Object)
        {
            return RequestProblem.Invalid(path, $"'{path}' must be an object with 'role' and 'content'; got {Describe(message)}.");
        }

        if (!message.TryGetProperty("role", out var role) || role.ValueKind != JsonValueKind.String || !Roles.Contains(role.GetString()!))
        {
            return RequestProblem.Invalid(path + ".role", $"'{path}.role' must be one of {string.Join(", ", Roles)}; got {(message.TryGetProperty("role", out role) ? Describe(role) : "nothing")}.");
        }

        var isAssistant = role.GetString() == "assistant";
        var hasToolCalls = message.TryGetProperty("tool_calls", out var toolCalls);
        if (!message.TryGetProperty("content", out var content) ? !(isAssistant && hasToolCalls)
            : !(content.ValueKind == JsonValueKind.String || (content.ValueKind == JsonValueKind.Array && ContentPartsAreObjects(content))
                || (content.ValueKind == JsonValueKind.Null && isAssistant && hasToolCalls)))
        {
            return RequestProblem.Invalid(path + ".content", $"'{path}.content' must be a string or an array of content parts; got {(message.TryGetProperty("content", out content) ? Describe(content) : "nothing")}.");
        }

        if (message.TryGetProperty("name", out var name) && name.ValueKind != JsonValueKind.String)
        {
            return RequestProblem.Invalid(path + ".name", $"'{path}.name' must be a string; got {Describe(name)}.");
        }

        if (role.GetString() == "tool" && (!message.TryGetProperty("tool_call_id", out var callId) || callId.ValueKind != JsonValueKind.String))
        {
            return RequestProblem.Invalid(path + ".tool_call_id", $"'{path}.tool_call_id' must be the string id of the call this message answers.");
        }

        if (hasToolCalls)
        {
            if (!isAssistant || toolCalls.ValueKind != JsonValueKind.Array)
            {
                return RequestProblem.Invalid(path + ".tool_calls", $"'{path}.tool_calls' must be an array, on an assistant message.");
            }

            var index = 0;
            foreach (var call in toolCalls.EnumerateArray())
            {
                var callPath = $"{path}.tool_calls[{index++}]";
                if (call.ValueKind != JsonValueKind.Object || !call.TryGetProperty("id", out var id) || id.ValueKind != JsonValueKind.String
                    || !call.TryGetProperty("function", out var function) || function.ValueKind != JsonValueKind.Object
                    || !function.TryGetProperty("name", out var functionName) || functionName.ValueKind != JsonValueKind.String
                    || !function.TryGetProperty("arguments", out var arguments) || arguments.ValueKind != JsonValueKind.String)
                {
                    return RequestProblem.Invalid(callPath, $"'{callPath}' must be {{\"id\": string, \"type\": \"function\", \"function\": {{\"name\": string, \"arguments\": JSON text as a string}}}}.");
                }
            }
        }

        return null;
    }

    private static bool ContentPartsAreObjects(JsonElement parts)
    {
        foreach (var part in parts.EnumerateArray())
        {
            if (part.ValueKind != JsonValueKind.Object || !part.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String)
            {
                return false;
            }
        }

        return true;
    }

    private static RequestProblem? ValidateTool(JsonElement tool, string path, HashSet<string> names)
    {
        if (tool.ValueKind != JsonValueKind.Object || !tool.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String || type.GetString() != "function")
        {
            return RequestProblem.Invalid(path, $"'{path}' must be {{\"type\": \"function\", \"function\": {{...}}}}; got {Describe(tool)}.");
        }

        if (!tool.TryGetProperty("function", out var function) || function.ValueKind != JsonValueKind.Object)
        {
            return RequestProblem.Invalid(path + ".function", $"'{path}.function' must be an object with a 'name'.");
        }

        if (!function.TryGetProperty("name", out var name) || name.ValueKind != JsonValueKind.String || !IsFunctionName(name.GetString()!))
        {
            return RequestProblem.Invalid(path + ".function.name", $"'{path}.function.name' must be a string of 1-64 letters, digits, '_' or '-'; got {(function.TryGetProperty("name", out name) ? Describe(name) : "nothing")}.");
        }

        if (function.TryGetProperty("description", out var description) && description.ValueKind != JsonValueKind.String)
        {
            return RequestProblem.Invalid(path + ".function.description", $"'{path}.function.description' must be a string.");
        }

        if (function.TryGetProperty("parameters", out var parameters) && parameters.ValueKind != JsonValueKind.Object)
        {
            return RequestProblem.Invalid(path + ".function.parameters", $"'{path}.function.parameters' must be a JSON Schema object.");
        }

        names.Add(name.GetString()!);
        return null;
    }

    private static RequestProblem? ValidateNamedToolChoice(JsonElement choice, HashSet<string> toolNames)
    {
        if (!choice.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String || type.GetString() != "function"
            || !choice.TryGetProperty("function", out var function) || function.ValueKind != JsonValueKind.Object
            || !function.TryGetProperty("name", out var name) || name.ValueKind != JsonValueKind.String)
        {
            return RequestProblem.Invalid("tool_choice", "An object 'tool_choice' must be {\"type\": \"function\", \"function\": {\"name\": <a function in tools>}}.");
        }

        return toolNames.Contains(name.GetString()!)
            ? null
            : RequestProblem.Invalid("tool_choice", $"'tool_choice' names function '{name.GetString()}', which 'tools' does not offer (offered: {string.Join(", ", toolNames)}).");
    }

    private static bool IsFunctionName(string name)
    {
        if (name.Length is 0 or > 64)
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!(c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '_' or '-'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A short description of a JSON value for a message: its kind, and its text when short.</summary>
    internal static string Describe(JsonElement value)
    {
        var raw = value.GetRawText();
        return value.ValueKind.ToString().ToLowerInvariant() + (raw.Length <= 40 ? " " + raw : "");
    }
}
