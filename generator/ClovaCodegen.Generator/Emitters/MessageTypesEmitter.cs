using ClovaCodegen.Generator.Model;

namespace ClovaCodegen.Generator.Emitters;

/// <summary>
/// Emits the chat message, tool call and function tool types. They do not depend on the spec's option fields, only on
/// the options (namespace, accessibility). Tools are serialized once, when created, and then written as raw UTF-8:
/// callers send the same tools on every call.
/// </summary>
internal static class MessageTypesEmitter
{
    public const string HintName = "ClovaChatMessages.g.cs";

    public static string Emit(GeneratorOptions options)
    {
        var writer = EmitterCommon.StartFile(options);
        writer.Lines(Template.Replace("$ACCESS", options.Accessibility).Replace("$GENERATED", EmitterCommon.GeneratedCode));
        return writer.Line("}").ToString();
    }

    private const string Template = """
    /// <summary>A chat message: role <c>system</c>, <c>user</c>, <c>assistant</c> or <c>tool</c>. Content is always a string on the wire.</summary>
    $GENERATED
    $ACCESS sealed class ClovaChatMessage
    {
        private ClovaChatMessage(string role, string content, string? toolCallId, global::System.Collections.Generic.IReadOnlyList<ClovaToolCall>? toolCalls)
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
        public global::System.Collections.Generic.IReadOnlyList<ClovaToolCall>? ToolCalls { get; }

        /// <summary>A system message.</summary>
        public static ClovaChatMessage System(string content) => new("system", content ?? throw new global::System.ArgumentNullException(nameof(content)), null, null);

        /// <summary>A user message.</summary>
        public static ClovaChatMessage User(string content) => new("user", content ?? throw new global::System.ArgumentNullException(nameof(content)), null, null);

        /// <summary>An assistant message, optionally with the tool calls it made.</summary>
        public static ClovaChatMessage Assistant(string? content, params ClovaToolCall[] toolCalls) =>
            new("assistant", content ?? "", null, toolCalls is { Length: > 0 } ? toolCalls : null);

        /// <summary>A tool's result, answering the assistant's tool call <paramref name="toolCallId"/>.</summary>
        public static ClovaChatMessage Tool(string toolCallId, string content) =>
            new("tool", content ?? throw new global::System.ArgumentNullException(nameof(content)), toolCallId ?? throw new global::System.ArgumentNullException(nameof(toolCallId)), null);

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
                    call.WriteTo(writer);
                }

                writer.WriteEndArray();
            }

            writer.WriteEndObject();
        }
    }

    /// <summary>A function call made by the assistant; <see cref="Arguments"/> is a JSON string, as CLOVA Studio expects.</summary>
    $GENERATED
    $ACCESS sealed class ClovaToolCall
    {
        /// <summary>Creates a tool call.</summary>
        public ClovaToolCall(string id, string functionName, string arguments)
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

        internal void WriteTo(global::System.Text.Json.Utf8JsonWriter writer)
        {
            writer.WriteStartObject();
            writer.WriteString(ClovaJsonNames.Id, Id);
            writer.WriteString(ClovaJsonNames.Type, ClovaJsonNames.Function);
            writer.WriteStartObject(ClovaJsonNames.Function);
            writer.WriteString(ClovaJsonNames.Name, FunctionName);
            writer.WriteString(ClovaJsonNames.Arguments, Arguments);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }
    }

    /// <summary>A function tool the model may call. Serialized once, here; written as raw UTF-8 on every request.</summary>
    $GENERATED
    $ACCESS sealed class ClovaFunctionTool
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
