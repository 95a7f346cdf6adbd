using ClovaCodegen.Generator.Model;

namespace ClovaCodegen.Generator.Emitters;

/// <summary>
/// Emits the chat message, tool call and function tool types. They do not depend on the spec's option fields, only on
/// the options (namespace, accessibility) and on whether the runtime is referenced: then a tool call is the runtime's
/// <c>ClovaChatToolCall</c>, the type a response brings back, so one type goes out and comes back (as openai-dotnet's
/// <c>ChatToolCall</c> does), and <c>ClovaChatMessage.Assistant(response)</c> turns a response into the next request's
/// assistant message. Without the runtime the generator declares a <c>ClovaChatToolCall</c> of the same shape itself.
/// Tools are serialized once, when created, and then written as raw UTF-8: callers send the same tools on every call.
/// </summary>
internal static class MessageTypesEmitter
{
    public const string HintName = "ClovaChatMessages.g.cs";

    private const string RuntimeToolCall = "global::ClovaCodegen.ClovaChatToolCall";

    public static string Emit(GeneratorOptions options, CompilationFacts facts)
    {
        var writer = EmitterCommon.StartFile(options);
        var template = Message.Replace("\r\n", "\n").Replace("$RESPONSE_OVERLOADS\n", facts.HasRuntimeResponses ? ResponseOverloads + "\n\n" : "")
            + "\n" + (facts.HasRuntimeResponses ? "" : OwnToolCall + "\n")
            + FunctionTool;
        writer.Lines(template
            .Replace("$TOOLCALL", facts.HasRuntimeResponses ? RuntimeToolCall : "ClovaChatToolCall")
            .Replace("$ACCESS", options.Accessibility)
            .Replace("$GENERATED", EmitterCommon.GeneratedCode));
        return writer.Line("}").ToString();
    }

    private const string Message = """
    /// <summary>A chat message: role <c>system</c>, <c>user</c>, <c>assistant</c> or <c>tool</c>. Content is always a string on the wire.</summary>
    $GENERATED
    $ACCESS sealed partial class ClovaChatMessage
    {
        private ClovaChatMessage(string role, string content, string? toolCallId, global::System.Collections.Generic.IReadOnlyList<$TOOLCALL>? toolCalls)
        {
            Role = role;
            Content = content;
            ToolCallId = toolCallId;
            ToolCalls = toolCalls;
        }

        /// <summary>Wire field <c>role</c>.</summary>
        public string Role { get; }

        /// <summary>Wire field <c>content</c> (never null: CLOVA Studio has rejected null content).</summary>
        public string Content { get; }

        /// <summary>Wire field <c>tool_call_id</c>, for tool messages.</summary>
        public string? ToolCallId { get; }

        /// <summary>Wire field <c>tool_calls</c>, for assistant messages that call tools.</summary>
        public global::System.Collections.Generic.IReadOnlyList<$TOOLCALL>? ToolCalls { get; }

        /// <summary>A system message.</summary>
        public static ClovaChatMessage System(string content) => new("system", content ?? throw new global::System.ArgumentNullException(nameof(content)), null, null);

        /// <summary>A user message.</summary>
        public static ClovaChatMessage User(string content) => new("user", content ?? throw new global::System.ArgumentNullException(nameof(content)), null, null);

        /// <summary>An assistant message, optionally with the tool calls it made.</summary>
        public static ClovaChatMessage Assistant(string? content, params $TOOLCALL[] toolCalls) =>
            new("assistant", content ?? "", null, toolCalls is { Length: > 0 } ? toolCalls : null);

    $RESPONSE_OVERLOADS
        /// <summary>A tool's result, answering the assistant's tool call <paramref name="toolCallId"/>.</summary>
        public static ClovaChatMessage Tool(string toolCallId, string content) =>
            new("tool", content ?? throw new global::System.ArgumentNullException(nameof(content)), toolCallId ?? throw new global::System.ArgumentNullException(nameof(toolCallId)), null);

        /// <summary>A tool's result, answering <paramref name="toolCall"/> (a call from the assistant message before it).</summary>
        public static ClovaChatMessage Tool($TOOLCALL toolCall, string content) =>
            Tool((toolCall ?? throw new global::System.ArgumentNullException(nameof(toolCall))).Id, content);

        internal void WriteTo(global::System.Text.Json.Utf8JsonWriter writer)
        {
            writer.WriteStartObject();
            writer.WriteString(ClovaJsonNames.Role, Role);
            writer.WriteString(ClovaJsonNames.Content, Content);
            if (ToolCallId is not null)
            {
                writer.WriteString(ClovaJsonNames.ToolCallId, ToolCallId);
            }

            if (ToolCalls is not null)
            {
                writer.WriteStartArray(ClovaJsonNames.ToolCalls);
                foreach (var call in ToolCalls)
                {
                    writer.WriteStartObject();
                    writer.WriteString(ClovaJsonNames.Id, call.Id);
                    writer.WriteString(ClovaJsonNames.Type, ClovaJsonNames.Function);
                    writer.WriteStartObject(ClovaJsonNames.Function);
                    writer.WriteString(ClovaJsonNames.Name, call.FunctionName);
                    writer.WriteString(ClovaJsonNames.Arguments, call.Arguments);
                    writer.WriteEndObject();
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
            }

            writer.WriteEndObject();
        }
    }

    """;

    private const string ResponseOverloads = """
        /// <summary>
        /// The assistant's turn as a response brought it back: its text and the tool calls it made, to send again before
        /// the tool results (as openai-dotnet's <c>new AssistantChatMessage(ChatCompletion)</c>).
        /// </summary>
        public static ClovaChatMessage Assistant(global::ClovaCodegen.ClovaChatResponseMessage message)
        {
            if (message is null)
            {
                throw new global::System.ArgumentNullException(nameof(message));
            }

            var toolCalls = message.ToolCalls is { Count: > 0 } calls ? global::System.Linq.Enumerable.ToArray(calls) : null;
            return new("assistant", message.Content ?? "", null, toolCalls);
        }

        /// <summary>The assistant message of <paramref name="completion"/>'s first choice; see <see cref="Assistant(global::ClovaCodegen.ClovaChatResponseMessage)"/>.</summary>
        /// <exception cref="global::System.ArgumentException">The completion has no choice.</exception>
        public static ClovaChatMessage Assistant(global::ClovaCodegen.ClovaChatCompletion completion) =>
            (completion ?? throw new global::System.ArgumentNullException(nameof(completion))).Choices is { Count: > 0 } choices
                ? Assistant(choices[0].Message)
                : throw new global::System.ArgumentException("The completion has no choice to take the assistant message from.", nameof(completion));
    """;

    private const string OwnToolCall = """
    /// <summary>A function call made by the assistant; <see cref="Arguments"/> is a JSON string, as CLOVA Studio expects.</summary>
    $GENERATED
    $ACCESS sealed class ClovaChatToolCall
    {
        /// <summary>Creates a tool call.</summary>
        public ClovaChatToolCall(string id, string functionName, string arguments)
        {
            Id = id ?? throw new global::System.ArgumentNullException(nameof(id));
            FunctionName = functionName ?? throw new global::System.ArgumentNullException(nameof(functionName));
            Arguments = arguments ?? "{}";
        }

        /// <summary>Wire field <c>id</c>.</summary>
        public string Id { get; }

        /// <summary>Wire field <c>function.name</c>.</summary>
        public string FunctionName { get; }

        /// <summary>Wire field <c>function.arguments</c> (a JSON text, sent as a string).</summary>
        public string Arguments { get; }
    }

    """;

    private const string FunctionTool = """
    /// <summary>A function tool the model may call. Serialized once, here; written as raw UTF-8 on every request.</summary>
    $GENERATED
    $ACCESS sealed partial class ClovaFunctionTool
    {
        private readonly byte[] _utf8Json;

        /// <summary>Creates a function tool; <paramref name="parametersJsonSchema"/> is the JSON Schema of its arguments.</summary>
        /// <exception cref="global::System.ArgumentException">The schema is not valid JSON.</exception>
        public ClovaFunctionTool(string name, string description, string parametersJsonSchema)
        {
            Name = string.IsNullOrEmpty(name) ? throw new global::System.ArgumentException("A function tool needs a name.", nameof(name)) : name;
            Description = description ?? "";
            ParametersJsonSchema = parametersJsonSchema ?? "{\"type\":\"object\",\"properties\":{}}";
            using var stream = new global::System.IO.MemoryStream();
            using (var writer = new global::System.Text.Json.Utf8JsonWriter(stream, ClovaJsonNames.WriterOptions))
            {
                writer.WriteStartObject();
                writer.WriteString(ClovaJsonNames.Type, ClovaJsonNames.Function);
                writer.WriteStartObject(ClovaJsonNames.Function);
                writer.WriteString(ClovaJsonNames.Name, Name);
                writer.WriteString(ClovaJsonNames.Description, Description);
                writer.WritePropertyName(ClovaJsonNames.Parameters);
                try
                {
                    writer.WriteRawValue(ParametersJsonSchema);
                }
                catch (global::System.Text.Json.JsonException ex)
                {
                    throw new global::System.ArgumentException($"The parameters of function tool '{Name}' are not valid JSON: {ex.Message}", nameof(parametersJsonSchema), ex);
                }

                writer.WriteEndObject();
                writer.WriteEndObject();
            }

            _utf8Json = stream.ToArray();
        }

        /// <summary>A function tool whose <c>tools</c> entry was encoded already (a generated <c>[ClovaTool]</c>'s, at compile time).</summary>
        internal ClovaFunctionTool(string name, string description, string parametersJsonSchema, byte[] utf8Json)
        {
            Name = name;
            Description = description;
            ParametersJsonSchema = parametersJsonSchema;
            _utf8Json = utf8Json;
        }

        /// <summary>Wire field <c>function.name</c>.</summary>
        public string Name { get; }

        /// <summary>Wire field <c>function.description</c>.</summary>
        public string Description { get; }

        /// <summary>Wire field <c>function.parameters</c> (JSON Schema).</summary>
        public string ParametersJsonSchema { get; }

        internal void WriteTo(global::System.Text.Json.Utf8JsonWriter writer) => writer.WriteRawValue(_utf8Json, skipInputValidation: true);
    }
    """;
}
