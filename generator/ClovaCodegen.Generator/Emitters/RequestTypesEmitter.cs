using System.Collections.Generic;
using System.Linq;
using ClovaCodegen.Generator.Helpers;
using ClovaCodegen.Generator.Model;
using ClovaCodegen.Spec.Model;

namespace ClovaCodegen.Generator.Emitters;

/// <summary>
/// Emits <c>ChatCompletionRequest</c> and <c>EmbeddingRequest</c> with their builders: exactly the spec's supported and
/// CLOVA-only fields (unsupported ones do not exist), range checks in <c>Build()</c>, and a Utf8JsonWriter fast path
/// with pre-encoded property names that omits unset fields. This file holds what both request types share (the type
/// and builder scaffolding and the option members); the wire-name table, chat and embeddings have a file each.
/// </summary>
internal static partial class RequestTypesEmitter
{
    public static List<OptionField> ChatOptions(EndpointSpec chat) =>
        chat.Fields.Where(f => f.IsAccepted && !ChatStructural.Contains(f.Name)).Select(f => new OptionField(f)).ToList();

    public static List<OptionField> EmbeddingOptions(EndpointSpec embeddings) =>
        embeddings.Fields.Where(f => f.IsAccepted && !EmbeddingStructural.Contains(f.Name)).Select(f => new OptionField(f)).ToList();

    /// <summary>Opens a request type: its summary, the generated-code mark and the declaration.</summary>
    private static void OpenType(SourceWriter writer, string summary, string declaration)
    {
        writer.Line($"/// <summary>{summary}</summary>");
        writer.Line(EmitterCommon.GeneratedCode);
        writer.Open(declaration);
    }

    /// <summary><c>Create(model)</c> and the <c>Model</c> property every request type starts with.</summary>
    private static void EmitCreateAndModel(SourceWriter writer, string builder)
    {
        writer.Line("/// <summary>Starts a request for <paramref name=\"model\"/> (wire field <c>model</c>).</summary>");
        writer.Line($"public static {builder} Create(string model) => new {builder}(model);");
        writer.Line();
        writer.Line("/// <summary>Wire field <c>model</c>.</summary>");
        writer.Line("public string Model { get; }");
    }

    private static void EmitOptionProperties(SourceWriter writer, List<OptionField> fields)
    {
        foreach (var field in fields)
        {
            writer.Line();
            writer.Line($"/// <summary>{field.Documentation}</summary>");
            writer.Line($"public {field.PropertyType} {field.PropertyName} {{ get; internal set; }}");
        }
    }

    private static void EmitToUtf8Json(SourceWriter writer, string parameter, string argument)
    {
        writer.Line();
        writer.Line("/// <summary>The request body as UTF-8 JSON, with non-ASCII text unescaped.</summary>");
        writer.Open($"public byte[] ToUtf8Json({parameter})");
        writer.Line("using var buffer = new global::System.IO.MemoryStream();");
        writer.Open("using (var writer = new global::System.Text.Json.Utf8JsonWriter(buffer, ClovaJsonNames.WriterOptions))");
        writer.Line(argument.Length == 0 ? "WriteJson(writer);" : $"WriteJson(writer, {argument});");
        writer.Close();
        writer.Line();
        writer.Line("return buffer.ToArray();");
        writer.Close();
    }

    /// <summary>Opens a builder: its summary, the model and the backing fields (structural ones first), and its constructor.</summary>
    private static void OpenBuilder(SourceWriter writer, string summary, string declaration, string builder, IEnumerable<string> structuralFields, List<OptionField> fields)
    {
        OpenType(writer, summary, declaration);
        writer.Line("private readonly string _model;");
        foreach (var field in structuralFields)
        {
            writer.Line(field);
        }

        foreach (var field in fields)
        {
            writer.Line($"private {field.PropertyType} {BackingField(field)};");
        }

        writer.Line();
        writer.Line($"internal {builder}(string model) => _model = model;");
    }

    /// <summary>
    /// Opens <c>Build()</c>: its documentation, then the model and content checks every request makes
    /// (<paramref name="required"/>: the collection that must not be empty, its wire name and what it must contain).
    /// </summary>
    private static void OpenBuild(SourceWriter writer, string request, string modelKind, string missingDoc, (string Collection, string WireName, string Content) required)
    {
        writer.Line();
        writer.Line("/// <summary>Checks every value against the spec and creates the request.</summary>");
        writer.Line("/// <exception cref=\"global::System.ArgumentOutOfRangeException\">A value lies outside its documented range; the parameter name is the wire field.</exception>");
        writer.Line($"/// <exception cref=\"global::System.ArgumentException\">{missingDoc}</exception>");
        writer.Open($"public {request} Build()");
        writer.Open("if (string.IsNullOrWhiteSpace(_model))");
        writer.Line($"throw new global::System.ArgumentException(\"model must name a CLOVA Studio {modelKind}model.\", \"model\");");
        writer.Close();
        writer.Line();
        writer.Open($"if ({required.Collection}.Count == 0)");
        writer.Line($"throw new global::System.ArgumentException(\"{required.WireName} must contain {required.Content}.\", \"{required.WireName}\");");
        writer.Close();
    }

    /// <summary>Closes <c>Build()</c> and the builder: the request created with the structural and option fields set.</summary>
    private static void CloseBuild(SourceWriter writer, string construction, IEnumerable<string> structuralAssignments, List<OptionField> fields)
    {
        writer.Line();
        writer.Open($"return {construction}");
        foreach (var assignment in structuralAssignments)
        {
            writer.Line(assignment);
        }

        foreach (var field in fields)
        {
            writer.Line($"{field.PropertyName} = {BackingField(field)},");
        }

        writer.Close(";");
        writer.Close();
        writer.Close();
    }

    private static void EmitOptionWrites(SourceWriter writer, List<OptionField> fields)
    {
        foreach (var field in fields)
        {
            var name = "ClovaJsonNames." + NameOf(field.WireName);
            var value = "v" + field.PropertyName;
            writer.Line();
            switch (field.Kind)
            {
                case OptionKind.Integer:
                case OptionKind.Number:
                    writer.Open($"if ({field.PropertyName} is {{ }} {value})").Line($"writer.WriteNumber({name}, {value});").Close();
                    break;
                case OptionKind.Boolean:
                    writer.Open($"if ({field.PropertyName} is {{ }} {value})").Line($"writer.WriteBoolean({name}, {value});").Close();
                    break;
                case OptionKind.String:
                    writer.Open($"if ({field.PropertyName} is not null)").Line($"writer.WriteString({name}, {field.PropertyName});").Close();
                    break;
                case OptionKind.StringList:
                    writer.Open($"if ({field.PropertyName} is {{ Count: > 0 }} {value})");
                    writer.Line($"writer.WriteStartArray({name});");
                    writer.Open($"for (var i = 0; i < {value}.Count; i++)").Line($"writer.WriteStringValue({value}[i]);").Close();
                    writer.Line();
                    writer.Line("writer.WriteEndArray();");
                    writer.Close();
                    break;
                default:
                    writer.Open($"if ({field.PropertyName} is not null)");
                    writer.Line($"writer.WritePropertyName({name});");
                    writer.Line($"writer.WriteRawValue({field.PropertyName});");
                    writer.Close();
                    break;
            }
        }
    }

    private static void EmitOptionSetters(SourceWriter writer, List<OptionField> fields, string builder)
    {
        foreach (var field in fields)
        {
            writer.Line();
            writer.Line($"/// <summary>{field.Documentation}</summary>");
            writer.Open($"public {builder} {field.PropertyName}({field.ParameterDeclaration})");
            var value = field.Kind == OptionKind.StringList ? "(string[])values.Clone()" : field.ParameterName;
            writer.Line($"{BackingField(field)} = {value};");
            writer.Line("return this;");
            writer.Close();
        }
    }

    private static void EmitOptionChecks(SourceWriter writer, List<OptionField> fields)
    {
        foreach (var field in fields)
        {
            var local = BackingField(field);
            var checkedValue = "v" + field.PropertyName;
            if (field.OutOfRangeCondition(checkedValue) is { } condition)
            {
                writer.Line();
                writer.Open($"if ({local} is {{ }} {checkedValue} && ({condition}))");
                writer.Line($"throw new global::System.ArgumentOutOfRangeException({OptionField.Literal(field.WireName)}, {checkedValue}, {OptionField.Literal(field.RangeMessage)});");
                writer.Close();
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
        writer.Open($"if ({local} is not null && {string.Join(" && ", allowed.Select(a => $"{local} != {a}"))})");
        var message = $"{field.Name} must be one of {string.Join(", ", field.AllowedValues.Select(v => v.ToJson()))}; got ";
        writer.Line($"throw new global::System.ArgumentException({OptionField.Literal(message)} + {local} + \".\", {OptionField.Literal(field.Name)});");
        writer.Close();
    }

    private static string BackingField(OptionField field) => "_" + char.ToLowerInvariant(field.PropertyName[0]) + field.PropertyName.Substring(1);
}
