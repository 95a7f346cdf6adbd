using ClovaCodegen.Generator.Model;
using ClovaCodegen.Spec.Model;

namespace ClovaCodegen.Generator.Emitters;

/// <summary><c>EmbeddingRequest</c> and its builder: one text or many, always <c>"encoding_format": "float"</c>.</summary>
internal static partial class RequestTypesEmitter
{
    public const string EmbeddingHintName = "EmbeddingRequest.g.cs";

    public static string EmitEmbeddings(GeneratorOptions options, EndpointSpec embeddings, CompilationFacts facts)
    {
        const string Builder = "EmbeddingRequestBuilder";
        var fields = EmbeddingOptions(embeddings);
        var encoding = embeddings.FindField("encoding_format");

        // CLOVA Studio accepts only "float"; the spec says so through allowedValues, and "float" is the fallback.
        var format = encoding is { AllowedValues.IsEmpty: false } && encoding.AllowedValues[0].Kind == SpecLiteralKind.String ? encoding.AllowedValues[0].Text : "float";
        var contract = facts.HasRuntimeContracts ? " : global::ClovaCodegen.IClovaEmbeddingRequest" : "";
        var writer = EmitterCommon.OpenFile(options);
        OpenType(writer, $"A request to CLOVA Studio's <c>{embeddings.Method} {embeddings.Path}</c>; always sent with <c>\"encoding_format\": {OptionField.Xml(OptionField.Literal(format))}</c>. Create one with <see cref=\"Create\"/>.", $"{options.Accessibility} sealed partial class EmbeddingRequest{contract}");
        writer.Open($"internal EmbeddingRequest(string model, {ReadOnlyList}<string> input, bool singleInput)");
        writer.Line("Model = model;");
        writer.Line("Input = input;");
        writer.Line("_singleInput = singleInput;");
        writer.Close();
        writer.Line();
        writer.Line("private readonly bool _singleInput;");
        writer.Line();
        writer.Line("/// <summary>The only encoding CLOVA Studio accepts (wire field <c>encoding_format</c>).</summary>");
        writer.Line($"public const string EncodingFormat = {OptionField.Literal(format)};");
        writer.Line();
        EmitCreateAndModel(writer, Builder);
        writer.Line();
        writer.Line("/// <summary>Wire field <c>input</c>.</summary>");
        writer.Line($"public {ReadOnlyList}<string> Input {{ get; }}");
        EmitOptionProperties(writer, fields);

        writer.Line();
        writer.Line("/// <summary>Writes the request body. Unset fields are omitted; <c>encoding_format</c> is always written.</summary>");
        writer.Open("public void WriteJson(global::System.Text.Json.Utf8JsonWriter writer)");
        writer.Line("writer.WriteStartObject();");
        writer.Line("writer.WriteString(ClovaJsonNames.Model, Model);");
        writer.Open("if (_singleInput)").Line("writer.WriteString(ClovaJsonNames.Input, Input[0]);").Close();
        writer.Open("else");
        writer.Line("writer.WriteStartArray(ClovaJsonNames.Input);");
        writer.Open("for (var i = 0; i < Input.Count; i++)").Line("writer.WriteStringValue(Input[i]);").Close();
        writer.Line();
        writer.Line("writer.WriteEndArray();");
        writer.Close();
        writer.Line();
        writer.Line("writer.WriteString(ClovaJsonNames.EncodingFormat, EncodingFormat);");
        EmitOptionWrites(writer, fields);
        writer.Line();
        writer.Line("writer.WriteEndObject();");
        writer.Close();
        EmitToUtf8Json(writer, "", "");
        writer.Close();
        writer.Line();

        var structural = new[] { $"private readonly {List}<string> _input = new {List}<string>();", "private bool _asArray;" };
        OpenBuilder(writer, "Builds an <see cref=\"EmbeddingRequest\"/>; <see cref=\"Build\"/> checks values against the spec.", $"{options.Accessibility} sealed partial class {Builder}", Builder, structural, fields);
        EmitAdder(writer, Builder, "Adds one text to embed (wire field <c>input</c>).", "Input(string text)", "_input.Add(text ?? throw new global::System.ArgumentNullException(nameof(text)));");
        writer.Line();
        writer.Line("/// <summary>Adds texts to embed; the request sends <c>input</c> as an array.</summary>");
        writer.Open($"public {Builder} Inputs(global::System.Collections.Generic.IEnumerable<string> texts)");
        writer.Open("foreach (var text in texts ?? throw new global::System.ArgumentNullException(nameof(texts)))").Line("Input(text);").Close();
        writer.Line();
        writer.Line("_asArray = true;");
        writer.Line("return this;");
        writer.Close();
        EmitOptionSetters(writer, fields, Builder);
        OpenBuild(writer, "EmbeddingRequest", "embedding ", "The model or input is missing.", ("_input", "input", "at least one text"));
        EmitOptionChecks(writer, fields);
        CloseBuild(writer, "new EmbeddingRequest(_model, _input.ToArray(), singleInput: !_asArray && _input.Count == 1)", new string[0], fields);
        return writer.Close().ToString();
    }
}
