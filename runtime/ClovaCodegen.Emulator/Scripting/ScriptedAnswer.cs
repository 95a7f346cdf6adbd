using System;
using System.Text.Json;

namespace ClovaCodegen.Emulator;

/// <summary>
/// One chat answer a test decides in advance: a text, or a call of one of the request's tools. Queued on
/// <see cref="EmulatorOptions.ScriptedAnswers"/>, each is given to the next chat request the emulator accepts.
/// </summary>
public sealed class ScriptedAnswer
{
    private ScriptedAnswer(string content, string? toolName, string? toolArguments)
    {
        Content = content;
        ToolName = toolName;
        ToolArguments = toolArguments;
    }

    /// <summary>The assistant's text (empty for a tool call).</summary>
    public string Content { get; }

    /// <summary>The function the assistant calls, or null for a text answer.</summary>
    public string? ToolName { get; }

    /// <summary>The call's arguments, a JSON object as text (the wire's <c>function.arguments</c>), or null for a text answer.</summary>
    public string? ToolArguments { get; }

    /// <summary>An answer with this text (streamed word by word when the request streams).</summary>
    public static ScriptedAnswer Text(string content) => new(content ?? throw new ArgumentNullException(nameof(content)), null, null);

    /// <summary>An answer that calls <paramref name="name"/> with <paramref name="argumentsJson"/> (a JSON object), finishing with <c>tool_calls</c>.</summary>
    /// <exception cref="ArgumentException">The name is empty or the arguments are not a JSON object.</exception>
    public static ScriptedAnswer ToolCall(string name, string argumentsJson = "{}")
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new ArgumentException("A tool call needs the function's name.", nameof(name));
        }

        try
        {
            using var document = JsonDocument.Parse(argumentsJson ?? throw new ArgumentNullException(nameof(argumentsJson)));
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new ArgumentException($"A tool call's arguments must be a JSON object; got {document.RootElement.ValueKind}: {argumentsJson}", nameof(argumentsJson));
            }
        }
        catch (JsonException ex)
        {
            throw new ArgumentException($"A tool call's arguments must be a JSON object; this is not JSON ({ex.Message}): {argumentsJson}", nameof(argumentsJson), ex);
        }

        return new ScriptedAnswer("", name, argumentsJson);
    }

    /// <inheritdoc/>
    public override string ToString() => ToolName is null ? $"Text: {Content}" : $"ToolCall: {ToolName}({ToolArguments})";
}
