using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;

namespace ClovaCodegen.Extensions.AI;

/// <summary>
/// A generated <see cref="ClovaTool"/> as Microsoft.Extensions.AI's <see cref="AIFunction"/>, for
/// <c>UseFunctionInvocation()</c>: the tool's own name, description and JSON Schema (parsed once), and an invocation that
/// writes the <see cref="AIFunctionArguments"/> back to the JSON object they came from and hands it to the generated
/// argument reader and dispatcher. No reflection: what <c>AIFunctionFactory.Create</c> finds at run time the generator
/// wrote at compile time, so the function works the same trimmed and under Native AOT.
/// </summary>
internal sealed class ClovaToolFunction : AIFunction
{
    private readonly ClovaTool _tool;
    private readonly JsonElement _schema;
    private readonly JsonSerializerOptions _serializerOptions;

    public ClovaToolFunction(ClovaTool tool, JsonElement schema, JsonSerializerOptions serializerOptions)
    {
        _tool = tool;
        _schema = schema;
        _serializerOptions = serializerOptions;
    }

    /// <summary>Parses the tool's parameters' schema (a compile-time constant) into the element MEAI describes tools by.</summary>
    public static JsonElement ParseSchema(ClovaTool tool)
    {
        try
        {
            using var document = JsonDocument.Parse(tool.ParametersJsonSchema);
            return document.RootElement.Clone();
        }
        catch (JsonException ex)
        {
            throw new ArgumentException($"The parameters' JSON Schema of tool '{tool.Name}' is not JSON: {ex.Message}", nameof(tool), ex);
        }
    }

    public override string Name => _tool.Name;

    public override string Description => _tool.Description;

    public override JsonElement JsonSchema => _schema;

    /// <summary>What writes argument values that are not already JSON (by default MEAI's <see cref="AIJsonUtilities.DefaultOptions"/>).</summary>
    public override JsonSerializerOptions JsonSerializerOptions => _serializerOptions;

    /// <summary>The <see cref="ClovaTool"/> behind this function, for <c>GetService(typeof(ClovaTool))</c>.</summary>
    public override object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is null && serviceType == typeof(ClovaTool) ? _tool : base.GetService(serviceType, serviceKey);

    /// <summary>
    /// Returns what our own tool loop sends back to the model: the tool's result as text (a string as it is, anything
    /// else as the JSON its schema describes), or, when the arguments do not fit, the text that says what and where, so
    /// the model can correct its call. <c>FunctionInvokingChatClient</c> sends a string result as it is.
    /// </summary>
    protected override async ValueTask<object?> InvokeCoreAsync(AIFunctionArguments arguments, CancellationToken cancellationToken)
    {
        var json = JsonValues.Arguments(arguments, _serializerOptions, _tool);

        // The call's id only labels the ClovaToolResult, which is not returned; FunctionInvokingChatClient keeps the id.
        var result = await _tool.InvokeAsync(toolCallId: "", json, cancellationToken).ConfigureAwait(false);
        return result.Content;
    }
}
