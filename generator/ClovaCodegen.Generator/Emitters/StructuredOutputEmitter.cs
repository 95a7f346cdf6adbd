using System.Collections.Generic;
using System.Linq;
using System.Text;
using ClovaCodegen.Generator.Helpers;
using ClovaCodegen.Generator.Model;

namespace ClovaCodegen.Generator.Emitters;

/// <summary>
/// One file per <c>[ClovaStructuredOutput]</c> type: its <c>response_format</c> as a string constant and as UTF-8 bytes
/// encoded at compile time, and a Utf8JsonReader reader per object, enum and array it reaches (no reflection, no
/// serializer metadata, so trimmed and Native AOT apps read answers as they are). The files are parts of
/// <c>ClovaStructuredOutputs</c>, whose lookup <c>For&lt;T&gt;()</c> <see cref="StructuredOutputRegistryEmitter"/> writes.
/// </summary>
internal static class StructuredOutputEmitter
{
    private const string Reading = "global::ClovaCodegen.ClovaStructuredOutputReading";
    private const string JsonReader = "global::System.Text.Json.Utf8JsonReader";
    private const string TokenType = "global::System.Text.Json.JsonTokenType";
    private const string JsonException = "global::System.Text.Json.JsonException";

    public static string HintName(StructuredOutputModel model) => $"ClovaStructuredOutput.{model.SafeName}.g.cs";

    /// <summary>The <c>response_format</c> that asks for <paramref name="model"/>'s schema, as OpenAI's strict structured outputs spell it.</summary>
    public static string ResponseFormatJson(StructuredOutputModel model) =>
        "{\"type\":\"json_schema\",\"json_schema\":{\"name\":" + ClovaCodegen.Spec.Model.SpecLiteral.FromString(model.SchemaName).ToJson() + ",\"strict\":true,\"schema\":" + model.SchemaJson + "}}";

    public static string Emit(GeneratorOptions options, StructuredOutputModel model)
    {
        var writer = EmitterCommon.OpenFile(options);

        // The user's types may be declared without nullable annotations; reading code that names them stays oblivious.
        writer.Line("#nullable disable");
        writer.Open("static partial class ClovaStructuredOutputs");
        var descriptor = $"global::ClovaCodegen.ClovaStructuredOutput<{model.TypeName}>";
        var responseFormat = ResponseFormatJson(model);
        var name = model.SafeName;
        writer.Line($"private const string {name}_ResponseFormatJson = {OptionField.Literal(responseFormat)};");
        writer.Line();
        writer.Line($"private static readonly byte[] {name}_ResponseFormatUtf8 = new byte[] {{ {string.Join(", ", Encoding.UTF8.GetBytes(responseFormat).Select(b => b.ToString(System.Globalization.CultureInfo.InvariantCulture)))} }};");
        writer.Line();
        writer.Line($"private static {descriptor} s_{name};");
        writer.Line();
        writer.Line($"/// <summary>The structured output of <see cref=\"{model.TypeName}\"/> (<c>json_schema.name</c> {Xml(model.SchemaName)}).</summary>");
        writer.Line($"internal static {descriptor} {name} =>");
        writer.Line($"    s_{name} ??= new {descriptor}({OptionField.Literal(model.SchemaName)}, {OptionField.Literal(model.SchemaJson)}, {name}_ResponseFormatJson, {name}_ResponseFormatUtf8, Read_{name}_0);");
        EmitAllReaders(writer, model, new Helpers());
        writer.Close();
        return writer.Close().ToString();
    }

    /// <summary>
    /// For the tool emitter: writes the readers of <paramref name="model"/>'s objects and the enum and array helpers they
    /// need into the open type, and returns the expression that reads each of <paramref name="roots"/> (tool parameters).
    /// </summary>
    internal static IReadOnlyList<string> EmitReaders(SourceWriter writer, StructuredOutputModel model, IReadOnlyList<SchemaNode> roots)
    {
        var helpers = new Helpers();
        var expressions = roots.Select(root => ReadExpression(model, root, helpers)).ToList();
        EmitAllReaders(writer, model, helpers);
        return expressions;
    }

    /// <summary>A reader per object of <paramref name="model"/>, then every enum and array helper they (and the roots read so far) need.</summary>
    private static void EmitAllReaders(SourceWriter writer, StructuredOutputModel model, Helpers helpers)
    {
        for (var i = 0; i < model.Objects.Count; i++)
        {
            EmitObjectReader(writer, model, i, helpers);
        }

        while (helpers.Pending.Count > 0)
        {
            var (method, node) = helpers.Pending.Dequeue();
            EmitHelper(writer, model, method, node, helpers);
        }
    }

    private static void EmitObjectReader(SourceWriter writer, StructuredOutputModel model, int index, Helpers helpers)
    {
        var shape = model.Objects[index];
        writer.Line();
        writer.Open($"private static {shape.TypeName} Read_{model.SafeName}_{index}(ref {JsonReader} reader)");
        writer.Line($"{Reading}.Expect(ref reader, {TokenType}.StartObject, \"an object\");");
        for (var p = 0; p < shape.Properties.Count; p++)
        {
            writer.Line($"{shape.Properties[p].Schema.LocalType} p{p} = default;");
            if (!shape.Properties[p].Schema.Nullable)
            {
                // Only a non-nullable property must be present; a nullable one absent is null.
                writer.Line($"var has{p} = false;");
            }
        }

        writer.Open("while (true)");
        writer.Open("if (!reader.Read())").Line($"throw new {JsonException}(\"The object is not closed.\");").Close();
        writer.Line();
        writer.Open($"if (reader.TokenType == {TokenType}.EndObject)").Line("break;").Close();
        writer.Line();
        EmitPropertyMatch(writer, shape);
        writer.Line("reader.Read();");
        writer.Open("switch (property)");
        for (var p = 0; p < shape.Properties.Count; p++)
        {
            var property = shape.Properties[p];
            writer.Line($"case {p}:").Indent();
            writer.Open("try");
            writer.Line($"p{p} = {ReadExpression(model, property.Schema, helpers)};");
            writer.Close();
            writer.Open($"catch ({JsonException} ex)");
            writer.Line($"throw {Reading}.At(ex, {OptionField.Literal("." + property.JsonName)});");
            writer.Close();
            writer.Line();
            if (!property.Schema.Nullable)
            {
                writer.Line($"has{p} = true;");
            }

            writer.Line("break;").Outdent();
        }

        writer.Line("default:").Indent();
        writer.Line("reader.Skip();");
        writer.Line("break;").Outdent();
        writer.Close();
        writer.Close();
        for (var p = 0; p < shape.Properties.Count; p++)
        {
            if (!shape.Properties[p].Schema.Nullable)
            {
                writer.Line();
                writer.Open($"if (!has{p})").Line($"throw {Reading}.Missing({OptionField.Literal(shape.Properties[p].JsonName)});").Close();
            }
        }

        writer.Line();
        var arguments = shape.Properties.Select((prop, p) => (prop, p)).Where(x => x.prop.ConstructorPosition >= 0).OrderBy(x => x.prop.ConstructorPosition).Select(x => "p" + x.p);
        var initializers = shape.Properties.Select((prop, p) => (prop, p)).Where(x => x.prop.ConstructorPosition < 0).Select(x => $"{x.prop.MemberName} = p{x.p}").ToList();
        writer.Line($"return new {shape.TypeName}({string.Join(", ", arguments)}){(initializers.Count == 0 ? "" : " { " + string.Join(", ", initializers) + " }")};");
        writer.Close();
    }

    /// <summary>
    /// Sets <c>property</c> to the index of the property the reader's name token names, or -1. A name as it lies in the
    /// text (no escapes, the usual case) is told apart by its length first and then compared as UTF-8 bytes, so most names
    /// cost one comparison; an escaped name is unescaped and compared by the reader.
    /// </summary>
    private static void EmitPropertyMatch(SourceWriter writer, ObjectShape shape)
    {
        writer.Line("int property;");
        if (shape.Properties.Count == 0)
        {
            writer.Line("property = -1;");
            return;
        }

        writer.Open("if (reader.ValueIsEscaped || reader.HasValueSequence)");
        var chain = string.Join(" : ", shape.Properties.Select((property, p) => $"reader.ValueTextEquals({OptionField.Utf8Literal(property.JsonName)}) ? {p}"));
        writer.Line($"property = {chain} : -1;");
        writer.Close();
        writer.Open("else");
        writer.Line("var name = reader.ValueSpan;");
        writer.Open("switch (name.Length)");
        var byLength = shape.Properties
            .Select((property, p) => (Bytes: Encoding.UTF8.GetByteCount(property.JsonName), property.JsonName, Index: p))
            .GroupBy(x => x.Bytes)
            .OrderBy(group => group.Key);
        foreach (var group in byLength)
        {
            writer.Line($"case {group.Key.ToString(System.Globalization.CultureInfo.InvariantCulture)}:").Indent();
            var candidates = string.Join(" : ", group.Select(x => $"global::System.MemoryExtensions.SequenceEqual(name, (global::System.ReadOnlySpan<byte>){OptionField.Utf8Literal(x.JsonName)}) ? {x.Index}"));
            writer.Line($"property = {candidates} : -1;");
            writer.Line("break;").Outdent();
        }

        writer.Line("default:").Indent();
        writer.Line("property = -1;");
        writer.Line("break;").Outdent();
        writer.Close();
        writer.Close();
        writer.Line();
    }

    private static string ReadExpression(StructuredOutputModel model, SchemaNode node, Helpers helpers)
    {
        string inner;
        switch (node.Kind)
        {
            case SchemaKind.Object:
                inner = $"Read_{model.SafeName}_{node.ObjectIndex}(ref reader)";
                break;
            case SchemaKind.Enum:
            case SchemaKind.Array:
                var method = $"Read_{model.SafeName}_{(node.Kind == SchemaKind.Enum ? "Enum" : "Array")}{helpers.Next++}";
                helpers.Pending.Enqueue((method, node));
                inner = $"{method}(ref reader)";
                break;
            default:
                inner = $"{Reading}.{node.ScalarReader}(ref reader)";
                break;
        }

        return node.Nullable ? $"reader.TokenType == {TokenType}.Null ? ({node.LocalType})null : {inner}" : inner;
    }

    private static void EmitHelper(SourceWriter writer, StructuredOutputModel model, string method, SchemaNode node, Helpers helpers)
    {
        writer.Line();
        if (node.Kind == SchemaKind.Enum)
        {
            writer.Open($"private static {node.TypeName} {method}(ref {JsonReader} reader)");
            // Compared as UTF-8 where it lies: a string is made only for the error message.
            writer.Line($"{Reading}.Expect(ref reader, {TokenType}.String, \"a string\");");
            for (var i = 0; i < node.EnumMembers.Count; i++)
            {
                writer.Open($"if (reader.ValueTextEquals({OptionField.Utf8Literal(node.EnumMembers[i])}))").Line($"return {node.TypeName}.{node.EnumMemberNames[i]};").Close();
                writer.Line();
            }

            writer.Line($"throw {Reading}.UnknownEnumValue(reader.GetString(), {OptionField.Literal(node.TypeName.Replace("global::", ""))}, {OptionField.Literal(string.Join(", ", node.EnumMembers))});");
            writer.Close();
            return;
        }

        var element = node.Element!;
        var list = $"global::System.Collections.Generic.List<{element.LocalType}>";
        writer.Open($"private static {(node.IsCSharpArray ? element.LocalType + "[]" : list)} {method}(ref {JsonReader} reader)");
        writer.Line($"{Reading}.Expect(ref reader, {TokenType}.StartArray, \"an array\");");
        writer.Line($"var items = new global::ClovaCodegen.ClovaStructuredOutputItems<{element.LocalType}>();");
        writer.Open("while (true)");
        writer.Open("if (!reader.Read())").Line($"throw new {JsonException}(\"The array is not closed.\");").Close();
        writer.Line();
        writer.Open($"if (reader.TokenType == {TokenType}.EndArray)").Line("break;").Close();
        writer.Line();
        writer.Open("try");
        writer.Line($"items.Add({ReadExpression(model, element, helpers)});");
        writer.Close();
        writer.Open($"catch ({JsonException} ex)");
        writer.Line($"throw {Reading}.At(ex, \"[\" + items.Count.ToString(global::System.Globalization.CultureInfo.InvariantCulture) + \"]\");");
        writer.Close();
        writer.Close();
        writer.Line();
        writer.Line(node.IsCSharpArray ? "return items.ToArray();" : "return items.ToList();");
        writer.Close();
    }

    private static string Xml(string text) => OptionField.Xml(text);

    /// <summary>Enum and array readers still to write, each named once in the order first needed (so output is deterministic).</summary>
    private sealed class Helpers
    {
        public int Next;

        public Queue<(string Method, SchemaNode Node)> Pending { get; } = new();
    }
}
