using System.Collections.Generic;
using System.Linq;
using ClovaCodegen.Generator.Helpers;
using ClovaCodegen.Generator.Model;
using ClovaCodegen.Spec.Model;

namespace ClovaCodegen.Generator.Emitters;

/// <summary>
/// Emits <c>ChatCompletionRequest</c> and <c>EmbeddingRequest</c> with their builders: exactly the spec's supported and
/// CLOVA-only fields (unsupported ones do not exist), range checks in <c>Build()</c>, and a Utf8JsonWriter fast path
/// with pre-encoded property names that omits unset fields.
/// </summary>
internal static class RequestTypesEmitter
{
    public const string NamesHintName = "ClovaJsonNames.g.cs";
    public const string ChatHintName = "ChatCompletionRequest.g.cs";
    public const string EmbeddingHintName = "EmbeddingRequest.g.cs";

    /// <summary>Fields the chat types model structurally rather than as options.</summary>
    private static readonly HashSet<string> ChatStructural = new() { "model", "messages", "stream", "tools", "tool_choice" };

    /// <summary>Fields the embedding types model structurally rather than as options.</summary>
    private static readonly HashSet<string> EmbeddingStructural = new() { "model", "input", "encoding_format" };

    public static List<OptionField> ChatOptions(EndpointSpec chat) =>
        chat.Fields.Where(f => f.IsAccepted && !ChatStructural.Contains(f.Name)).Select(f => new OptionField(f)).ToList();

    public static List<OptionField> EmbeddingOptions(EndpointSpec embeddings) =>
        embeddings.Fields.Where(f => f.IsAccepted && !EmbeddingStructural.Contains(f.Name)).Select(f => new OptionField(f)).ToList();

    public static string EmitNames(GeneratorOptions options, CompatSpec spec)
    {
        var names = new SortedDictionary<string, string>(System.StringComparer.Ordinal)
        {
            ["role"] = "Role", ["content"] = "Content", ["tool_call_id"] = "ToolCallId", ["tool_calls"] = "ToolCalls", ["id"] = "Id",
            ["type"] = "Type", ["function"] = "Function", ["name"] = "Name", ["arguments"] = "Arguments", ["description"] = "Description",
            ["parameters"] = "Parameters", ["model"] = "Model", ["messages"] = "Messages", ["stream"] = "Stream", ["tools"] = "Tools",
            ["tool_choice"] = "ToolChoice", ["input"] = "Input", ["encoding_format"] = "EncodingFormat",
        };
        foreach (var endpoint in spec.Endpoints)
        {
            foreach (var field in endpoint.Fields.Where(f => f.IsAccepted))
            {
                if (!names.ContainsKey(field.Name))
                {
                    names[field.Name] = "Field_" + OptionField.ToPascalCase(field.Name);
                }
            }
        }

        var writer = EmitterCommon.StartFile(options);
        writer.Line("    /// <summary>Wire names, encoded once, and the writer options the generated types use.</summary>");
        writer.Line("    " + EmitterCommon.GeneratedCode);
        writer.Line("    internal static class ClovaJsonNames");
        writer.Line("    {");
        writer.Line("        /// <summary>Writes non-ASCII text (Korean prompts) as raw UTF-8 instead of six-byte \\uXXXX escapes.</summary>");
        writer.Line("        public static readonly global::System.Text.Json.JsonWriterOptions WriterOptions = new global::System.Text.Json.JsonWriterOptions { Encoder = global::System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };");
        foreach (var pair in names)
        {
            writer.Line($"        public static readonly global::System.Text.Json.JsonEncodedText {pair.Value} = global::System.Text.Json.JsonEncodedText.Encode({OptionField.Literal(pair.Key)});");
        }

        writer.Line();
        writer.Line("        /// <summary>The JSON name of a wire field.</summary>");
        writer.Line("        public static global::System.Text.Json.JsonEncodedText Of(string wireName) => wireName switch");
        writer.Line("        {");
        foreach (var pair in names)
        {
            writer.Line($"            {OptionField.Literal(pair.Key)} => {pair.Value},");
        }

        writer.Line("            _ => global::System.Text.Json.JsonEncodedText.Encode(wireName),");
        writer.Line("        };");
        writer.Line("    }");
        return writer.Line("}").ToString();
    }

    public static string NameOf(string wireName, CompatSpec spec) => wireName switch
    {
        "model" => "Model", "messages" => "Messages", "stream" => "Stream", "tools" => "Tools", "tool_choice" => "ToolChoice",
        "input" => "Input", "encoding_format" => "EncodingFormat", "role" => "Role", "content" => "Content", "id" => "Id",
        "type" => "Type", "function" => "Function", "name" => "Name", "arguments" => "Arguments", "description" => "Description",
        "parameters" => "Parameters", "tool_call_id" => "ToolCallId", "tool_calls" => "ToolCalls",
        _ => "Field_" + OptionField.ToPascalCase(wireName),
    };

    public static string EmitChat(GeneratorOptions options, CompatSpec spec, EndpointSpec chat, CompilationFacts facts)
    {
        var fields = ChatOptions(chat);
        var acceptsTools = chat.FindField("tools")?.IsAccepted == true;
        var toolChoice = chat.FindField("tool_choice") is { IsAccepted: true } choice ? choice : null;
        var access = options.Accessibility;
        var writer = EmitterCommon.StartFile(options);
        var contract = facts.HasRuntimeContracts ? " : global::ClovaCodegen.IClovaChatCompletionRequest" : "";

        writer.Line($"    /// <summary>A request to CLOVA Studio's <c>{chat.Method} {chat.Path}</c>, holding only the fields the spec says it accepts. Create one with <see cref=\"Create\"/>.</summary>");
        writer.Line("    " + EmitterCommon.GeneratedCode);
        writer.Line($"    {access} sealed partial class ChatCompletionRequest{contract}");
        writer.Line("    {");
        writer.Line("        internal ChatCompletionRequest(string model, global::System.Collections.Generic.IReadOnlyList<ClovaChatMessage> messages)");
        writer.Line("        {");
        writer.Line("            Model = model;");
        writer.Line("            Messages = messages;");
        writer.Line("        }");
        writer.Line();
        writer.Line("        /// <summary>Starts a request for <paramref name=\"model\"/> (wire field <c>model</c>).</summary>");
        writer.Line("        public static ChatCompletionRequestBuilder Create(string model) => new ChatCompletionRequestBuilder(model);");
        writer.Line();
        writer.Line("        /// <summary>Wire field <c>model</c>.</summary>");
        writer.Line("        public string Model { get; }");
        writer.Line();
        writer.Line("        /// <summary>Wire field <c>messages</c>.</summary>");
        writer.Line("        public global::System.Collections.Generic.IReadOnlyList<ClovaChatMessage> Messages { get; }");
        if (acceptsTools)
        {
            writer.Line();
            writer.Line("        /// <summary>Wire field <c>tools</c>.</summary>");
            writer.Line("        public global::System.Collections.Generic.IReadOnlyList<ClovaFunctionTool>? Tools { get; internal set; }");
        }

        if (toolChoice is not null)
        {
            writer.Line();
            writer.Line("        /// <summary>Wire field <c>tool_choice</c> as a mode string.</summary>");
            writer.Line("        public string? ToolChoiceMode { get; internal set; }");
            writer.Line();
            writer.Line("        /// <summary>Wire field <c>tool_choice</c> naming one function.</summary>");
            writer.Line("        public string? ToolChoiceFunction { get; internal set; }");
        }

        foreach (var field in fields)
        {
            writer.Line();
            writer.Line($"        /// <summary>{field.Documentation}</summary>");
            writer.Line($"        public {field.PropertyType} {field.PropertyName} {{ get; internal set; }}");
        }

        writer.Line();
        writer.Line("        /// <summary>Writes the request body; <paramref name=\"stream\"/> sets the wire field <c>stream</c>. Unset fields are omitted.</summary>");
        writer.Line("        public void WriteJson(global::System.Text.Json.Utf8JsonWriter writer, bool stream)");
        writer.Line("        {");
        writer.Line("            writer.WriteStartObject();");
        writer.Line("            writer.WriteString(ClovaJsonNames.Model, Model);");
        writer.Line("            writer.WriteStartArray(ClovaJsonNames.Messages);");
        writer.Line("            for (var i = 0; i < Messages.Count; i++)");
        writer.Line("            {");
        writer.Line("                Messages[i].WriteTo(writer);");
        writer.Line("            }");
        writer.Line();
        writer.Line("            writer.WriteEndArray();");
        writer.Line("            if (stream)");
        writer.Line("            {");
        writer.Line("                writer.WriteBoolean(ClovaJsonNames.Stream, true);");
        writer.Line("            }");
        if (acceptsTools)
        {
            writer.Line();
            writer.Line("            if (Tools is { Count: > 0 } tools)");
            writer.Line("            {");
            writer.Line("                writer.WriteStartArray(ClovaJsonNames.Tools);");
            writer.Line("                for (var i = 0; i < tools.Count; i++)");
            writer.Line("                {");
            writer.Line("                    tools[i].WriteTo(writer);");
            writer.Line("                }");
            writer.Line();
            writer.Line("                writer.WriteEndArray();");
            writer.Line("            }");
        }

        if (toolChoice is not null)
        {
            writer.Line();
            writer.Line("            if (ToolChoiceFunction is not null)");
            writer.Line("            {");
            writer.Line("                writer.WriteStartObject(ClovaJsonNames.ToolChoice);");
            writer.Line("                writer.WriteString(ClovaJsonNames.Type, ClovaJsonNames.Function);");
            writer.Line("                writer.WriteStartObject(ClovaJsonNames.Function);");
            writer.Line("                writer.WriteString(ClovaJsonNames.Name, ToolChoiceFunction);");
            writer.Line("                writer.WriteEndObject();");
            writer.Line("                writer.WriteEndObject();");
            writer.Line("            }");
            writer.Line("            else if (ToolChoiceMode is not null)");
            writer.Line("            {");
            writer.Line("                writer.WriteString(ClovaJsonNames.ToolChoice, ToolChoiceMode);");
            writer.Line("            }");
        }

        EmitOptionWrites(writer, fields, spec);
        writer.Line();
        writer.Line("            writer.WriteEndObject();");
        writer.Line("        }");
        EmitToUtf8Json(writer, "bool stream = false", "stream");
        writer.Line("    }");
        writer.Line();

        // The builder.
        writer.Line("    /// <summary>Builds a <see cref=\"ChatCompletionRequest\"/>; <see cref=\"Build\"/> checks values against the spec's documented ranges.</summary>");
        writer.Line("    " + EmitterCommon.GeneratedCode);
        writer.Line($"    {access} sealed partial class ChatCompletionRequestBuilder");
        writer.Line("    {");
        writer.Line("        private readonly string _model;");
        writer.Line("        private readonly global::System.Collections.Generic.List<ClovaChatMessage> _messages = new global::System.Collections.Generic.List<ClovaChatMessage>();");
        if (acceptsTools)
        {
            writer.Line("        private global::System.Collections.Generic.List<ClovaFunctionTool>? _tools;");
        }

        if (toolChoice is not null)
        {
            writer.Line("        private string? _toolChoiceMode;");
            writer.Line("        private string? _toolChoiceFunction;");
        }

        foreach (var field in fields)
        {
            writer.Line($"        private {field.PropertyType} _{Camel(field.PropertyName)};");
        }

        writer.Line();
        writer.Line("        internal ChatCompletionRequestBuilder(string model) => _model = model;");
        foreach (var (method, role, doc) in new[] { ("System", "System", "a system message"), ("User", "User", "a user message"), ("Assistant", "Assistant", "an assistant message") })
        {
            writer.Line();
            writer.Line($"        /// <summary>Adds {doc}.</summary>");
            writer.Line($"        public ChatCompletionRequestBuilder {method}(string content)");
            writer.Line("        {");
            writer.Line($"            _messages.Add(ClovaChatMessage.{role}(content));");
            writer.Line("            return this;");
            writer.Line("        }");
        }

        writer.Line();
        writer.Line("        /// <summary>Adds a tool's result for the assistant's tool call <paramref name=\"toolCallId\"/>.</summary>");
        writer.Line("        public ChatCompletionRequestBuilder Tool(string toolCallId, string content)");
        writer.Line("        {");
        writer.Line("            _messages.Add(ClovaChatMessage.Tool(toolCallId, content));");
        writer.Line("            return this;");
        writer.Line("        }");
        writer.Line();
        writer.Line("        /// <summary>Adds a message.</summary>");
        writer.Line("        public ChatCompletionRequestBuilder Message(ClovaChatMessage message)");
        writer.Line("        {");
        writer.Line("            _messages.Add(message ?? throw new global::System.ArgumentNullException(nameof(message)));");
        writer.Line("            return this;");
        writer.Line("        }");
        if (acceptsTools)
        {
            writer.Line();
            writer.Line("        /// <summary>Adds a function tool (wire field <c>tools</c>).</summary>");
            writer.Line("        public ChatCompletionRequestBuilder AddTool(ClovaFunctionTool tool)");
            writer.Line("        {");
            writer.Line("            (_tools ??= new global::System.Collections.Generic.List<ClovaFunctionTool>()).Add(tool ?? throw new global::System.ArgumentNullException(nameof(tool)));");
            writer.Line("            return this;");
            writer.Line("        }");
            writer.Line();
            writer.Line("        /// <summary>Adds a function tool (wire field <c>tools</c>) from its name, description and JSON Schema.</summary>");
            writer.Line("        public ChatCompletionRequestBuilder AddFunctionTool(string name, string description, string parametersJsonSchema) =>");
            writer.Line("            AddTool(new ClovaFunctionTool(name, description, parametersJsonSchema));");
        }

        if (toolChoice is not null)
        {
            writer.Line();
            writer.Line($"        /// <summary>Wire field <c>tool_choice</c> as a mode.{(toolChoice.AllowedValues.IsEmpty ? "" : " Allowed: " + string.Join(", ", toolChoice.AllowedValues.Select(v => "<c>" + OptionField.Xml(v.ToJson()) + "</c>")) + ".")}</summary>");
            writer.Line("        public ChatCompletionRequestBuilder ToolChoice(string mode)");
            writer.Line("        {");
            writer.Line("            _toolChoiceMode = mode;");
            writer.Line("            _toolChoiceFunction = null;");
            writer.Line("            return this;");
            writer.Line("        }");
            writer.Line();
            writer.Line("        /// <summary>Wire field <c>tool_choice</c>: the model must call the function <paramref name=\"name\"/>.</summary>");
            writer.Line("        public ChatCompletionRequestBuilder ToolChoiceFunction(string name)");
            writer.Line("        {");
            writer.Line("            _toolChoiceFunction = name;");
            writer.Line("            _toolChoiceMode = null;");
            writer.Line("            return this;");
            writer.Line("        }");
        }

        EmitOptionSetters(writer, fields, "ChatCompletionRequestBuilder");

        writer.Line();
        writer.Line("        /// <summary>Checks every value against the spec and creates the request.</summary>");
        writer.Line("        /// <exception cref=\"global::System.ArgumentOutOfRangeException\">A value lies outside its documented range; the parameter name is the wire field.</exception>");
        writer.Line("        /// <exception cref=\"global::System.ArgumentException\">The model or messages are missing, or a value is not one of its allowed values.</exception>");
        writer.Line("        public ChatCompletionRequest Build()");
        writer.Line("        {");
        writer.Line("            if (string.IsNullOrWhiteSpace(_model))");
        writer.Line("            {");
        writer.Line("                throw new global::System.ArgumentException(\"model must name a CLOVA Studio model.\", \"model\");");
        writer.Line("            }");
        writer.Line();
        writer.Line("            if (_messages.Count == 0)");
        writer.Line("            {");
        writer.Line("                throw new global::System.ArgumentException(\"messages must contain at least one message.\", \"messages\");");
        writer.Line("            }");
        if (toolChoice is not null && !toolChoice.AllowedValues.IsEmpty)
        {
            EmitAllowedCheck(writer, "_toolChoiceMode", toolChoice);
        }

        EmitOptionChecks(writer, fields);
        writer.Line();
        writer.Line("            return new ChatCompletionRequest(_model, _messages.ToArray())");
        writer.Line("            {");
        if (acceptsTools)
        {
            writer.Line("                Tools = _tools?.ToArray(),");
        }

        if (toolChoice is not null)
        {
            writer.Line("                ToolChoiceMode = _toolChoiceMode,");
            writer.Line("                ToolChoiceFunction = _toolChoiceFunction,");
        }

        foreach (var field in fields)
        {
            writer.Line($"                {field.PropertyName} = _{Camel(field.PropertyName)},");
        }

        writer.Line("            };");
        writer.Line("        }");
        writer.Line("    }");
        return writer.Line("}").ToString();
    }

    public static string EmitEmbeddings(GeneratorOptions options, CompatSpec spec, EndpointSpec embeddings, CompilationFacts facts)
    {
        var fields = EmbeddingOptions(embeddings);
        var encoding = embeddings.FindField("encoding_format");

        // CLOVA Studio accepts only "float"; the spec says so through allowedValues, and "float" is the fallback.
        var format = encoding is { AllowedValues.IsEmpty: false } && encoding.AllowedValues[0].Kind == SpecLiteralKind.String ? encoding.AllowedValues[0].Text : "float";
        var access = options.Accessibility;
        var contract = facts.HasRuntimeContracts ? " : global::ClovaCodegen.IClovaEmbeddingRequest" : "";
        var writer = EmitterCommon.StartFile(options);
        writer.Line($"    /// <summary>A request to CLOVA Studio's <c>{embeddings.Method} {embeddings.Path}</c>; always sent with <c>\"encoding_format\": {OptionField.Xml(OptionField.Literal(format))}</c>. Create one with <see cref=\"Create\"/>.</summary>");
        writer.Line("    " + EmitterCommon.GeneratedCode);
        writer.Line($"    {access} sealed partial class EmbeddingRequest{contract}");
        writer.Line("    {");
        writer.Line("        internal EmbeddingRequest(string model, global::System.Collections.Generic.IReadOnlyList<string> input, bool singleInput)");
        writer.Line("        {");
        writer.Line("            Model = model;");
        writer.Line("            Input = input;");
        writer.Line("            _singleInput = singleInput;");
        writer.Line("        }");
        writer.Line();
        writer.Line("        private readonly bool _singleInput;");
        writer.Line();
        writer.Line($"        /// <summary>The only encoding CLOVA Studio accepts (wire field <c>encoding_format</c>).</summary>");
        writer.Line($"        public const string EncodingFormat = {OptionField.Literal(format)};");
        writer.Line();
        writer.Line("        /// <summary>Starts a request for <paramref name=\"model\"/> (wire field <c>model</c>).</summary>");
        writer.Line("        public static EmbeddingRequestBuilder Create(string model) => new EmbeddingRequestBuilder(model);");
        writer.Line();
        writer.Line("        /// <summary>Wire field <c>model</c>.</summary>");
        writer.Line("        public string Model { get; }");
        writer.Line();
        writer.Line("        /// <summary>Wire field <c>input</c>.</summary>");
        writer.Line("        public global::System.Collections.Generic.IReadOnlyList<string> Input { get; }");
        foreach (var field in fields)
        {
            writer.Line();
            writer.Line($"        /// <summary>{field.Documentation}</summary>");
            writer.Line($"        public {field.PropertyType} {field.PropertyName} {{ get; internal set; }}");
        }

        writer.Line();
        writer.Line("        /// <summary>Writes the request body. Unset fields are omitted; <c>encoding_format</c> is always written.</summary>");
        writer.Line("        public void WriteJson(global::System.Text.Json.Utf8JsonWriter writer)");
        writer.Line("        {");
        writer.Line("            writer.WriteStartObject();");
        writer.Line("            writer.WriteString(ClovaJsonNames.Model, Model);");
        writer.Line("            if (_singleInput)");
        writer.Line("            {");
        writer.Line("                writer.WriteString(ClovaJsonNames.Input, Input[0]);");
        writer.Line("            }");
        writer.Line("            else");
        writer.Line("            {");
        writer.Line("                writer.WriteStartArray(ClovaJsonNames.Input);");
        writer.Line("                for (var i = 0; i < Input.Count; i++)");
        writer.Line("                {");
        writer.Line("                    writer.WriteStringValue(Input[i]);");
        writer.Line("                }");
        writer.Line();
        writer.Line("                writer.WriteEndArray();");
        writer.Line("            }");
        writer.Line();
        writer.Line("            writer.WriteString(ClovaJsonNames.EncodingFormat, EncodingFormat);");
        EmitOptionWrites(writer, fields, spec);
        writer.Line("            writer.WriteEndObject();");
        writer.Line("        }");
        EmitToUtf8Json(writer, "", "");
        writer.Line("    }");
        writer.Line();
        writer.Line("    /// <summary>Builds an <see cref=\"EmbeddingRequest\"/>; <see cref=\"Build\"/> checks values against the spec.</summary>");
        writer.Line("    " + EmitterCommon.GeneratedCode);
        writer.Line($"    {access} sealed partial class EmbeddingRequestBuilder");
        writer.Line("    {");
        writer.Line("        private readonly string _model;");
        writer.Line("        private readonly global::System.Collections.Generic.List<string> _input = new global::System.Collections.Generic.List<string>();");
        writer.Line("        private bool _asArray;");
        foreach (var field in fields)
        {
            writer.Line($"        private {field.PropertyType} _{Camel(field.PropertyName)};");
        }

        writer.Line();
        writer.Line("        internal EmbeddingRequestBuilder(string model) => _model = model;");
        writer.Line();
        writer.Line("        /// <summary>Adds one text to embed (wire field <c>input</c>).</summary>");
        writer.Line("        public EmbeddingRequestBuilder Input(string text)");
        writer.Line("        {");
        writer.Line("            _input.Add(text ?? throw new global::System.ArgumentNullException(nameof(text)));");
        writer.Line("            return this;");
        writer.Line("        }");
        writer.Line();
        writer.Line("        /// <summary>Adds texts to embed; the request sends <c>input</c> as an array.</summary>");
        writer.Line("        public EmbeddingRequestBuilder Inputs(global::System.Collections.Generic.IEnumerable<string> texts)");
        writer.Line("        {");
        writer.Line("            foreach (var text in texts ?? throw new global::System.ArgumentNullException(nameof(texts)))");
        writer.Line("            {");
        writer.Line("                Input(text);");
        writer.Line("            }");
        writer.Line();
        writer.Line("            _asArray = true;");
        writer.Line("            return this;");
        writer.Line("        }");
        EmitOptionSetters(writer, fields, "EmbeddingRequestBuilder");
        writer.Line();
        writer.Line("        /// <summary>Checks every value against the spec and creates the request.</summary>");
        writer.Line("        /// <exception cref=\"global::System.ArgumentOutOfRangeException\">A value lies outside its documented range; the parameter name is the wire field.</exception>");
        writer.Line("        /// <exception cref=\"global::System.ArgumentException\">The model or input is missing.</exception>");
        writer.Line("        public EmbeddingRequest Build()");
        writer.Line("        {");
        writer.Line("            if (string.IsNullOrWhiteSpace(_model))");
        writer.Line("            {");
        writer.Line("                throw new global::System.ArgumentException(\"model must name a CLOVA Studio embedding model.\", \"model\");");
        writer.Line("            }");
        writer.Line();
        writer.Line("            if (_input.Count == 0)");
        writer.Line("            {");
        writer.Line("                throw new global::System.ArgumentException(\"input must contain at least one text.\", \"input\");");
        writer.Line("            }");
        EmitOptionChecks(writer, fields);
        writer.Line();
        writer.Line("            return new EmbeddingRequest(_model, _input.ToArray(), singleInput: !_asArray && _input.Count == 1)");
        writer.Line("            {");
        foreach (var field in fields)
        {
            writer.Line($"                {field.PropertyName} = _{Camel(field.PropertyName)},");
        }

        writer.Line("            };");
        writer.Line("        }");
        writer.Line("    }");
        return writer.Line("}").ToString();
    }

    private static void EmitToUtf8Json(SourceWriter writer, string parameter, string argument)
    {
        writer.Line();
        writer.Line("        /// <summary>The request body as UTF-8 JSON, with non-ASCII text unescaped.</summary>");
        writer.Line($"        public byte[] ToUtf8Json({parameter})");
        writer.Line("        {");
        writer.Line("            using var buffer = new global::System.IO.MemoryStream();");
        writer.Line("            using (var writer = new global::System.Text.Json.Utf8JsonWriter(buffer, ClovaJsonNames.WriterOptions))");
        writer.Line("            {");
        writer.Line(argument.Length == 0 ? "                WriteJson(writer);" : $"                WriteJson(writer, {argument});");
        writer.Line("            }");
        writer.Line();
        writer.Line("            return buffer.ToArray();");
        writer.Line("        }");
    }

    private static void EmitOptionWrites(SourceWriter writer, List<OptionField> fields, CompatSpec spec)
    {
        foreach (var field in fields)
        {
            var name = "ClovaJsonNames." + NameOf(field.WireName, spec);
            writer.Line();
            switch (field.Kind)
            {
                case OptionKind.Integer:
                case OptionKind.Number:
                    writer.Line($"            if ({field.PropertyName} is {{ }} v{field.PropertyName})");
                    writer.Line("            {");
                    writer.Line($"                writer.WriteNumber({name}, v{field.PropertyName});");
                    writer.Line("            }");
                    break;
                case OptionKind.Boolean:
                    writer.Line($"            if ({field.PropertyName} is {{ }} v{field.PropertyName})");
                    writer.Line("            {");
                    writer.Line($"                writer.WriteBoolean({name}, v{field.PropertyName});");
                    writer.Line("            }");
                    break;
                case OptionKind.String:
                    writer.Line($"            if ({field.PropertyName} is not null)");
                    writer.Line("            {");
                    writer.Line($"                writer.WriteString({name}, {field.PropertyName});");
                    writer.Line("            }");
                    break;
                case OptionKind.StringList:
                    writer.Line($"            if ({field.PropertyName} is {{ Count: > 0 }} v{field.PropertyName})");
                    writer.Line("            {");
                    writer.Line($"                writer.WriteStartArray({name});");
                    writer.Line($"                for (var i = 0; i < v{field.PropertyName}.Count; i++)");
                    writer.Line("                {");
                    writer.Line($"                    writer.WriteStringValue(v{field.PropertyName}[i]);");
                    writer.Line("                }");
                    writer.Line();
                    writer.Line("                writer.WriteEndArray();");
                    writer.Line("            }");
                    break;
                default:
                    writer.Line($"            if ({field.PropertyName} is not null)");
                    writer.Line("            {");
                    writer.Line($"                writer.WritePropertyName({name});");
                    writer.Line($"                writer.WriteRawValue({field.PropertyName});");
                    writer.Line("            }");
                    break;
            }
        }
    }

    private static void EmitOptionSetters(SourceWriter writer, List<OptionField> fields, string builder)
    {
        foreach (var field in fields)
        {
            writer.Line();
            writer.Line($"        /// <summary>{field.Documentation}</summary>");
            writer.Line($"        public {builder} {field.PropertyName}({field.ParameterDeclaration})");
            writer.Line("        {");
            var value = field.Kind == OptionKind.StringList ? "(string[])values.Clone()" : field.ParameterName;
            writer.Line($"            _{Camel(field.PropertyName)} = {value};");
            writer.Line("            return this;");
            writer.Line("        }");
        }
    }

    private static void EmitOptionChecks(SourceWriter writer, List<OptionField> fields)
    {
        foreach (var field in fields)
        {
            var local = "_" + Camel(field.PropertyName);
            var checkedValue = "v" + field.PropertyName;
            if (field.OutOfRangeCondition(checkedValue) is { } condition)
            {
                writer.Line();
                writer.Line($"            if ({local} is {{ }} {checkedValue} && ({condition}))");
                writer.Line("            {");
                writer.Line($"                throw new global::System.ArgumentOutOfRangeException({OptionField.Literal(field.WireName)}, {checkedValue}, {OptionField.Literal(field.RangeMessage)});");
                writer.Line("            }");
            }

            if (field.Kind == OptionKind.String && !field.Field.AllowedValues.IsEmpty)
            {
                EmitAllowedCheck(writer, local, field.Field);
            }
        }
    }

    private static void EmitAllowedCheck(SourceWriter writer, string local, FieldSpec field)
    {
        var allowed = field.AllowedValues.Where(v => v.Kind == SpecLiteralKind.String).Select(v => OptionField.Literal(v.Text)).ToList();
        if (allowed.Count == 0)
        {
            return;
        }

        writer.Line();
        writer.Line($"            if ({local} is not null && {string.Join(" && ", allowed.Select(a => $"{local} != {a}"))})");
        writer.Line("            {");
        var message = $"{field.Name} must be one of {string.Join(", ", field.AllowedValues.Select(v => v.ToJson()))}; got ";
        writer.Line($"                throw new global::System.ArgumentException({OptionField.Literal(message)} + {local} + \".\", {OptionField.Literal(field.Name)});");
        writer.Line("            }");
    }

    private static string Camel(string pascal) => char.ToLowerInvariant(pascal[0]) + pascal.Substring(1);
}
