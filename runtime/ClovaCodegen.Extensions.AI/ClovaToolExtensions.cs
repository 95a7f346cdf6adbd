using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Text.Json;
using ClovaCodegen;
using ClovaCodegen.Extensions.AI;

namespace Microsoft.Extensions.AI;

/// <summary>
/// Microsoft.Extensions.AI views of generated tools: <c>ChatOptions.Tools = MyTools.All.AsAIFunctions()</c> with
/// <c>UseFunctionInvocation()</c> runs the model's calls through the generated argument readers and dispatcher.
/// </summary>
public static class ClovaToolExtensions
{
    // One function per tool, so its schema is parsed once however often a ChatOptions is built.
    private static readonly ConditionalWeakTable<ClovaTool, AIFunction> Functions = new();

    /// <summary>
    /// <paramref name="tool"/> as an <see cref="AIFunction"/>: the tool's name, description and generated JSON Schema, and
    /// an invocation through its generated argument reader (no reflection; trimming- and Native AOT-safe). The result is
    /// the text the tool gives the model; arguments that do not fit give the text that says what was wrong, not an exception.
    /// </summary>
    /// <param name="tool">A tool, for example <c>MyTools.GetWeatherTool</c>.</param>
    /// <param name="serializerOptions">
    /// Writes argument values that are not JSON already (a chat client's calls carry <see cref="JsonElement"/>s, which are
    /// written as they are). Default: <see cref="AIJsonUtilities.DefaultOptions"/>, whose source-generated metadata covers
    /// strings, numbers, booleans and MEAI's own types; pass options whose resolver knows your types to pass them as values.
    /// </param>
    public static AIFunction AsAIFunction(this ClovaTool tool, JsonSerializerOptions? serializerOptions = null)
    {
        if (tool is null)
        {
            throw new ArgumentNullException(nameof(tool));
        }

        var shared = Functions.GetValue(tool, static t => new ClovaToolFunction(t, ClovaToolFunction.ParseSchema(t), AIJsonUtilities.DefaultOptions));
        return serializerOptions is null || ReferenceEquals(serializerOptions, AIJsonUtilities.DefaultOptions)
            ? shared
            : new ClovaToolFunction(tool, shared.JsonSchema, serializerOptions);
    }

    /// <summary>
    /// <paramref name="tools"/> as <see cref="AIFunction"/>s (see <see cref="AsAIFunction"/>), in a new list for
    /// <see cref="ChatOptions.Tools"/>: <c>new ChatOptions { Tools = MyTools.All.AsAIFunctions() }</c>.
    /// </summary>
    /// <param name="tools">Tools, for example <c>MyTools.All</c>.</param>
    /// <param name="serializerOptions">See <see cref="AsAIFunction"/>.</param>
    public static IList<AITool> AsAIFunctions(this IEnumerable<ClovaTool> tools, JsonSerializerOptions? serializerOptions = null)
    {
        if (tools is null)
        {
            throw new ArgumentNullException(nameof(tools));
        }

        var functions = new List<AITool>();
        foreach (var tool in tools)
        {
            functions.Add((tool ?? throw new ArgumentException("The tools include null.", nameof(tools))).AsAIFunction(serializerOptions));
        }

        return functions;
    }
}
