using ClovaCodegen.Generator.Model;

namespace ClovaCodegen.Generator.Emitters;

/// <summary>
/// What ties generated tools to requests: <c>.AddTool(MyTools.GetWeatherTool)</c> and <c>.AddTools(MyTools.All)</c> on the
/// chat builder (the tool's <c>tools</c> entry as encoded at compile time, copied as raw UTF-8), and a tool result as the
/// next request's <c>tool</c> message (<c>ClovaChatMessage.Tool(result)</c>, <c>.Tool(result)</c>).
/// </summary>
internal static class ToolBuilderEmitter
{
    public const string HintName = "ClovaTools.Builder.g.cs";

    public static string Emit(GeneratorOptions options)
    {
        var writer = EmitterCommon.StartFile(options);
        writer.Lines(Template.Replace("$ACCESS", options.Accessibility).Replace("$GENERATED", EmitterCommon.GeneratedCode));
        return writer.Line("}").ToString();
    }

    private const string Template = """
    $ACCESS sealed partial class ClovaFunctionTool
    {
        /// <summary>The function tool of a generated <c>[ClovaTool]</c> method; its <c>tools</c> entry was encoded at compile time.</summary>
        $GENERATED
        public static ClovaFunctionTool From(global::ClovaCodegen.ClovaTool tool)
        {
            if (tool is null)
            {
                throw new global::System.ArgumentNullException(nameof(tool));
            }

            var definition = global::System.Runtime.InteropServices.MemoryMarshal.TryGetArray(tool.DefinitionUtf8, out var segment) && segment.Offset == 0 && segment.Count == segment.Array!.Length
                ? segment.Array
                : tool.DefinitionUtf8.ToArray();
            return new ClovaFunctionTool(tool.Name, tool.Description, tool.ParametersJsonSchema, definition);
        }
    }

    $ACCESS sealed partial class ClovaChatMessage
    {
        /// <summary>A tool's result (from a generated <c>InvokeAsync</c>), answering its call.</summary>
        $GENERATED
        public static ClovaChatMessage Tool(global::ClovaCodegen.ClovaToolResult result) =>
            Tool((result ?? throw new global::System.ArgumentNullException(nameof(result))).ToolCallId, result.Content);
    }

    $ACCESS sealed partial class ChatCompletionRequestBuilder
    {
        /// <summary>Offers a generated <c>[ClovaTool]</c> method to the model (wire field <c>tools</c>).</summary>
        $GENERATED
        public ChatCompletionRequestBuilder AddTool(global::ClovaCodegen.ClovaTool tool) => AddTool(ClovaFunctionTool.From(tool));

        /// <summary>Offers generated <c>[ClovaTool]</c> methods to the model, e.g. <c>.AddTools(MyTools.All)</c> (wire field <c>tools</c>).</summary>
        $GENERATED
        public ChatCompletionRequestBuilder AddTools(global::System.Collections.Generic.IEnumerable<global::ClovaCodegen.ClovaTool> tools)
        {
            foreach (var tool in tools ?? throw new global::System.ArgumentNullException(nameof(tools)))
            {
                AddTool(tool);
            }

            return this;
        }

        /// <summary>Adds a tool's result (from a generated <c>InvokeAsync</c>) as a <c>tool</c> message.</summary>
        $GENERATED
        public ChatCompletionRequestBuilder Tool(global::ClovaCodegen.ClovaToolResult result) => Message(ClovaChatMessage.Tool(result));
    }
    """;
}
