using System.Collections.Generic;
using ClovaCodegen.Generator.Model;

namespace ClovaCodegen.Generator.Emitters;

/// <summary>
/// Emits <c>ClovaJsonContext</c>, the equivalent of what the System.Text.Json source generator would write for the request
/// types (it cannot see generated types). Each JsonTypeInfo is serialization-only and delegates to the types' own
/// Utf8JsonWriter fast path, so trimmed and Native AOT apps serialize without reflection.
/// </summary>
internal static class JsonContextEmitter
{
    public const string HintName = "ClovaJsonContext.g.cs";

    public static string Emit(GeneratorOptions options, IReadOnlyList<(string TypeName, string WriteCall)> types)
    {
        var writer = EmitterCommon.OpenFile(options);
        writer.Line("/// <summary>System.Text.Json metadata for the generated request types (serialization only, reflection-free).</summary>");
        writer.Line(EmitterCommon.GeneratedCode);
        writer.Open($"{options.Accessibility} sealed partial class ClovaJsonContext : global::System.Text.Json.Serialization.JsonSerializerContext, global::System.Text.Json.Serialization.Metadata.IJsonTypeInfoResolver");
        writer.Open("private static readonly global::System.Text.Json.JsonSerializerOptions s_defaultOptions = new global::System.Text.Json.JsonSerializerOptions");
        writer.Close(";");
        writer.Line();
        writer.Line("/// <summary>The context with default options. For unescaped Korean text, use the types' <c>ToUtf8Json</c> or a writer with a relaxed encoder.</summary>");
        writer.Line("public static ClovaJsonContext Default { get; } = new ClovaJsonContext(new global::System.Text.Json.JsonSerializerOptions(s_defaultOptions));");
        writer.Line();
        writer.Line("/// <summary>Creates a context over <paramref name=\"options\"/>.</summary>");
        writer.Line("public ClovaJsonContext(global::System.Text.Json.JsonSerializerOptions options)");
        writer.Open("    : base(options)");
        writer.Close();
        writer.Line();
        writer.Line("/// <inheritdoc/>");
        writer.Line("protected override global::System.Text.Json.JsonSerializerOptions? GeneratedSerializerOptions { get; } = s_defaultOptions;");
        foreach (var (type, _) in types)
        {
            writer.Line();
            writer.Line($"private global::System.Text.Json.Serialization.Metadata.JsonTypeInfo<{type}>? _{type};");
            writer.Line();
            writer.Line($"/// <summary>Metadata for <see cref=\"{options.Namespace}.{type}\"/>.</summary>");
            writer.Line($"public global::System.Text.Json.Serialization.Metadata.JsonTypeInfo<{type}> {type} =>");
            writer.Line($"    _{type} ??= (global::System.Text.Json.Serialization.Metadata.JsonTypeInfo<{type}>)Options.GetTypeInfo(typeof({type}));");
        }

        writer.Line();
        writer.Line("/// <inheritdoc/>");
        writer.Open("public override global::System.Text.Json.Serialization.Metadata.JsonTypeInfo? GetTypeInfo(global::System.Type type)");
        writer.Line("Options.TryGetTypeInfo(type, out var typeInfo);");
        writer.Line("return typeInfo;");
        writer.Close();
        writer.Line();
        writer.Open("global::System.Text.Json.Serialization.Metadata.JsonTypeInfo? global::System.Text.Json.Serialization.Metadata.IJsonTypeInfoResolver.GetTypeInfo(global::System.Type type, global::System.Text.Json.JsonSerializerOptions options)");
        foreach (var (type, _) in types)
        {
            writer.Open($"if (type == typeof({type}))");
            writer.Line($"return Create_{type}(options);");
            writer.Close();
            writer.Line();
        }

        writer.Line("return null;");
        writer.Close();
        foreach (var (type, writeCall) in types)
        {
            writer.Line();
            writer.Open($"private global::System.Text.Json.Serialization.Metadata.JsonTypeInfo<{type}> Create_{type}(global::System.Text.Json.JsonSerializerOptions options)");
            writer.Open($"var values = new global::System.Text.Json.Serialization.Metadata.JsonObjectInfoValues<{type}>");
            writer.Line("ObjectCreator = null,");
            writer.Line("PropertyMetadataInitializer = null,");
            writer.Line($"SerializeHandler = static (writer, value) => value.{writeCall},");
            writer.Close(";");
            writer.Line($"var typeInfo = global::System.Text.Json.Serialization.Metadata.JsonMetadataServices.CreateObjectInfo<{type}>(options, values);");
            writer.Line();
            writer.Line("// The serializer takes the fast path (SerializeHandler) only for metadata that names this context as its origin.");
            writer.Line("typeInfo.OriginatingResolver = this;");
            writer.Line("return typeInfo;");
            writer.Close();
        }

        writer.Close();
        return writer.Close().ToString();
    }
}
