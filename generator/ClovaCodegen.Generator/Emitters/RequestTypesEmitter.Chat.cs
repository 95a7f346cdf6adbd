using System.Linq;
using ClovaCodegen.Generator.Helpers;
using ClovaCodegen.Generator.Model;
using ClovaCodegen.Spec.Model;

namespace ClovaCodegen.Generator.Emitters;

/// <summary><c>ChatCompletionRequest</c> and its builder: messages, function tools, tool choice and the spec's options.</summary>
internal static partial class RequestTypesEmitter
{
    public const string ChatHintName = "ChatCompletionRequest.g.cs";

    private const string List = "global::System.Collections.Generic.List";
    private const string ReadOnlyList = "global::System.Collections.Generic.IReadOnlyList";

    public static string EmitChat(GeneratorOptions options, EndpointSpec chat, CompilationFacts facts)
    {
        var chatShape = new ChatShape(
            ChatOptions(chat),
            AcceptsTools: chat.FindField("tools")?.IsAccepted == true,
            ToolChoice: chat.FindField("tool_choice") is { IsAccepted: true } choice ? choice : null);
        var contract = facts.HasRuntimeContracts ? " : global::ClovaCodegen.IClovaChatCompletionRequest" : "";
        var writer = EmitterCommon.OpenFile(options);
        OpenType(writer, $"A request to CLOVA Studio's <c>{chat.Method} {chat.Path}</c>, holding only the fields the spec says it accepts. Create one with <see cref=\"Create\"/>.", $"{options.Accessibility} sealed partial class ChatCompletionRequest{contract}");
        writer.Open($"internal ChatCompletionRequest(string model, {ReadOnlyList}<ClovaChatMessage> messages)");
        writer.Line("Model = model;");
        writer.Line("Messages = messages;");
        writer.Close();
        writer.Line();
        EmitCreateAndModel(writer, "ChatCompletionRequestBuilder");
        writer.Line();
        writer.Line("/// <summary>Wire field <c>messages</c>.</summary>");
        writer.Line($"public {ReadOnlyList}<ClovaChatMessage> Messages {{ get; }}");
        EmitToolProperties(writer, chatShape);
        EmitOptionProperties(writer, chatShape.Fields);
        EmitChatWriteJson(writer, chatShape);
        EmitToUtf8Json(writer, "bool stream = false", "stream");
        writer.Close();
        writer.Line();
        EmitChatBuilder(writer, options, chatShape);
        return writer.Close().ToString();
    }

    private static void EmitToolProperties(SourceWriter writer, ChatShape chat)
    {
        if (chat.AcceptsTools)
        {
            writer.Line();
            writer.Line("/// <summary>Wire field <c>tools</c>.</summary>");
            writer.Line($"public {ReadOnlyList}<ClovaFunctionTool>? Tools {{ get; internal set; }}");
        }

        if (chat.ToolChoice is not null)
        {
            writer.Line();
            writer.Line("/// <summary>Wire field <c>tool_choice</c> as a mode string.</summary>");
            writer.Line("public string? ToolChoiceMode { get; internal set; }");
            writer.Line();
            writer.Line("/// <summary>Wire field <c>tool_choice</c> naming one function.</summary>");
            writer.Line("public string? ToolChoiceFunction { get; internal set; }");
        }
    }

    private static void EmitChatWriteJson(SourceWriter writer, ChatShape chat)
    {
        writer.Line();
        writer.Line("/// <summary>Writes the request body; <paramref name=\"stream\"/> sets the wire field <c>stream</c>. Unset fields are omitted.</summary>");
        writer.Open("public void WriteJson(global::System.Text.Json.Utf8JsonWriter writer, bool stream)");
        writer.Line("writer.WriteStartObject();");
        writer.Line("writer.WriteString(ClovaJsonNames.Model, Model);");
        writer.Line("writer.WriteStartArray(ClovaJsonNames.Messages);");
        writer.Open("for (var i = 0; i < Messages.Count; i++)").Line("Messages[i].WriteTo(writer);").Close();
        writer.Line();
        writer.Line("writer.WriteEndArray();");
        writer.Open("if (stream)").Line("writer.WriteBoolean(ClovaJsonNames.Stream, true);").Close();
        if (chat.AcceptsTools)
        {
            writer.Line();
            writer.Open("if (Tools is { Count: > 0 } tools)");
            writer.Line("writer.WriteStartArray(ClovaJsonNames.Tools);");
            writer.Open("for (var i = 0; i < tools.Count; i++)").Line("tools[i].WriteTo(writer);").Close();
            writer.Line();
            writer.Line("writer.WriteEndArray();");
            writer.Close();
        }

        if (chat.ToolChoice is not null)
        {
            writer.Line();
            writer.Open("if (ToolChoiceFunction is not null)");
            writer.Line("writer.WriteStartObject(ClovaJsonNames.ToolChoice);");
            writer.Line("writer.WriteString(ClovaJsonNames.Type, ClovaJsonNames.Function);");
            writer.Line("writer.WriteStartObject(ClovaJsonNames.Function);");
            writer.Line("writer.WriteString(ClovaJsonNames.Name, ToolChoiceFunction);");
            writer.Line("writer.WriteEndObject();");
            writer.Line("writer.WriteEndObject();");
            writer.Close();
            writer.Open("else if (ToolChoiceMode is not null)").Line("writer.WriteString(ClovaJsonNames.ToolChoice, ToolChoiceMode);").Close();
        }

        EmitOptionWrites(writer, chat.Fields);
        writer.Line();
        writer.Line("writer.WriteEndObject();");
        writer.Close();
    }

    private static void EmitChatBuilder(SourceWriter writer, GeneratorOptions options, ChatShape chat)
    {
        const string Builder = "ChatCompletionRequestBuilder";
        var structural = new[] { $"private readonly {List}<ClovaChatMessage> _messages = new {List}<ClovaChatMessage>();" }
            .Concat(chat.AcceptsTools ? new[] { $"private {List}<ClovaFunctionTool>? _tools;" } : new string[0])
            .Concat(chat.ToolChoice is not null ? new[] { "private string? _toolChoiceMode;", "private string? _toolChoiceFunction;" } : new string[0]);
        OpenBuilder(writer, "Builds a <see cref=\"ChatCompletionRequest\"/>; <see cref=\"Build\"/> checks values against the spec's documented ranges.", $"{options.Accessibility} sealed partial class {Builder}", Builder, structural, chat.Fields);
        foreach (var (method, doc) in new[] { ("System", "a system message"), ("User", "a user message"), ("Assistant", "an assistant message") })
        {
            EmitAdder(writer, Builder, $"Adds {doc}.", $"{method}(string content)", $"_messages.Add(ClovaChatMessage.{method}(content));");
        }

        EmitAdder(writer, Builder, "Adds a tool's result for the assistant's tool call <paramref name=\"toolCallId\"/>.", "Tool(string toolCallId, string content)", "_messages.Add(ClovaChatMessage.Tool(toolCallId, content));");
        EmitAdder(writer, Builder, "Adds a message.", "Message(ClovaChatMessage message)", "_messages.Add(message ?? throw new global::System.ArgumentNullException(nameof(message)));");
        if (chat.AcceptsTools)
        {
            EmitAdder(writer, Builder, "Adds a function tool (wire field <c>tools</c>).", "AddTool(ClovaFunctionTool tool)", $"(_tools ??= new {List}<ClovaFunctionTool>()).Add(tool ?? throw new global::System.ArgumentNullException(nameof(tool)));");
            writer.Line();
            writer.Line("/// <summary>Adds a function tool (wire field <c>tools</c>) from its name, description and JSON Schema.</summary>");
            writer.Line($"public {Builder} AddFunctionTool(string name, string description, string parametersJsonSchema) =>");
            writer.Line("    AddTool(new ClovaFunctionTool(name, description, parametersJsonSchema));");
        }

        if (chat.ToolChoice is { } toolChoice)
        {
            var allowed = toolChoice.AllowedValues.IsEmpty ? "" : " Allowed: " + string.Join(", ", toolChoice.AllowedValues.Select(v => "<c>" + OptionField.Xml(v.ToJson()) + "</c>")) + ".";
            EmitAdder(writer, Builder, $"Wire field <c>tool_choice</c> as a mode.{allowed}", "ToolChoice(string mode)", "_toolChoiceMode = mode;", "_toolChoiceFunction = null;");
            EmitAdder(writer, Builder, "Wire field <c>tool_choice</c>: the model must call the function <paramref name=\"name\"/>.", "ToolChoiceFunction(string name)", "_toolChoiceFunction = name;", "_toolChoiceMode = null;");
        }

        EmitOptionSetters(writer, chat.Fields, Builder);
        OpenBuild(writer, "ChatCompletionRequest", "", "The model or messages are missing, or a value is not one of its allowed values.", ("_messages", "messages", "at least one message"));
        if (chat.ToolChoice is { AllowedValues.IsEmpty: false } checkedChoice)
        {
            EmitAllowedCheck(writer, "_toolChoiceMode", checkedChoice);
        }

        EmitOptionChecks(writer, chat.Fields);
        var assignments = (chat.AcceptsTools ? new[] { "Tools = _tools?.ToArray()," } : new string[0])
            .Concat(chat.ToolChoice is not null ? new[] { "ToolChoiceMode = _toolChoiceMode,", "ToolChoiceFunction = _toolChoiceFunction," } : new string[0]);
        CloseBuild(writer, "new ChatCompletionRequest(_model, _messages.ToArray())", assignments, chat.Fields);
    }

    /// <summary>A builder method that sets or adds something and returns the builder.</summary>
    private static void EmitAdder(SourceWriter writer, string builder, string summary, string signature, params string[] body)
    {
        writer.Line();
        writer.Line($"/// <summary>{summary}</summary>");
        writer.Open($"public {builder} {signature}");
        foreach (var statement in body)
        {
            writer.Line(statement);
        }

        writer.Line("return this;");
        writer.Close();
    }

    /// <summary>What the spec says about the chat endpoint's structure: its option fields, tools and tool choice.</summary>
    private sealed record ChatShape(System.Collections.Generic.List<OptionField> Fields, bool AcceptsTools, FieldSpec? ToolChoice);
}
