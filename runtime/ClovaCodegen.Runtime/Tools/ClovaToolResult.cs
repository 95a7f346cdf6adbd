namespace ClovaCodegen;

/// <summary>
/// What a tool call gave: the text that goes back to the model in a <c>tool</c> message answering
/// <see cref="ToolCallId"/> (the generated <c>ClovaChatMessage.Tool(result)</c>), and whether it is an error the model
/// should correct (arguments that did not fit, or a tool it does not have).
/// </summary>
public sealed class ClovaToolResult
{
    /// <summary>Creates a result.</summary>
    public ClovaToolResult(string toolCallId, string toolName, string content, bool isError)
    {
        ToolCallId = toolCallId ?? throw new System.ArgumentNullException(nameof(toolCallId));
        ToolName = toolName ?? "";
        Content = content ?? "";
        IsError = isError;
    }

    /// <summary>The id of the call this answers (wire field <c>tool_call_id</c>).</summary>
    public string ToolCallId { get; }

    /// <summary>The tool that was called.</summary>
    public string ToolName { get; }

    /// <summary>The text for the model (wire field <c>content</c>): the tool's return value, or what was wrong.</summary>
    public string Content { get; }

    /// <summary>True when the tool did not run because the call did not fit (the text says why).</summary>
    public bool IsError { get; }
}
