using System.Globalization;
using System.Linq;
using System.Text;
using ClovaCodegen.Spec;
using ClovaCodegen.Spec.Model;

namespace ClovaCodegen.Emulator.Tests;

/// <summary>
/// Valid request bodies built from the spec: every field the endpoint accepts, each with a value of its declared type
/// inside its documented range and allowed values. Only the fields whose shape the spec does not describe (messages,
/// tools, input, response_format) get a hand-written value.
/// </summary>
internal static class SpecBodies
{
    public static CompatSpec Spec { get; } = SpecReader.ReadDefault().Spec!;

    public static EndpointSpec Chat => Spec.FindEndpoint(EndpointSpec.ChatCompletions)!;

    public static EndpointSpec Embeddings => Spec.FindEndpoint(EndpointSpec.Embeddings)!;

    public const string Messages = """[{"role":"system","content":"Be brief."},{"role":"user","content":"hi there"}]""";

    public const string Tools = """[{"type":"function","function":{"name":"lookup","description":"Looks up.","parameters":{"type":"object","properties":{"text":{"type":"string"}}}}}]""";

    /// <summary>A chat body with every supported and CLOVA-only field (the emulator answers it 200).</summary>
    public static string FullChat() => Build(Chat, field => field.Name switch
    {
        "messages" => Messages,
        "tools" => Tools,
        "tool_choice" => "\"auto\"",
        "stream" => "false",
        _ => null,
    });

    /// <summary>An embeddings body with every supported field.</summary>
    public static string FullEmbeddings() => Build(Embeddings, field => field.Name == "input" ? "[\"hello\",\"world\"]" : null);

    /// <summary>A value of the field's type inside its range, as JSON; null when no such value can be made.</summary>
    public static string? ValidValue(EndpointSpec endpoint, FieldSpec field)
    {
        if (field.Name == "model")
        {
            return "\"" + endpoint.Models[0].Name + "\"";
        }

        if (!field.AllowedValues.IsEmpty)
        {
            return field.AllowedValues[0].ToJson();
        }

        if (field.Default is { } defaultValue)
        {
            return defaultValue.ToJson();
        }

        if ((field.Type & (JsonFieldType.Integer | JsonFieldType.Number)) != 0)
        {
            var range = field.Range;
            var low = range?.Minimum ?? 0;
            var high = range?.Maximum ?? low + 10;
            var middle = (low + high) / 2;
            return (field.Type & JsonFieldType.Number) != 0
                ? middle.ToString("R", CultureInfo.InvariantCulture)
                : ((long)System.Math.Ceiling(middle)).ToString(CultureInfo.InvariantCulture);
        }

        if ((field.Type & JsonFieldType.String) != 0)
        {
            return "\"x\"";
        }

        if ((field.Type & JsonFieldType.Boolean) != 0)
        {
            return "true";
        }

        if ((field.Type & JsonFieldType.Array) != 0)
        {
            return "[\"x\"]";
        }

        return (field.Type & JsonFieldType.Object) != 0 ? "{\"type\":\"text\"}" : null;
    }

    private static string Build(EndpointSpec endpoint, System.Func<FieldSpec, string?> special)
    {
        var builder = new StringBuilder("{");
        foreach (var field in endpoint.Fields.Where(f => f.Status is FieldStatus.Supported or FieldStatus.ClovaOnly))
        {
            var value = special(field) ?? ValidValue(endpoint, field);
            if (value is null)
            {
                continue;
            }

            builder.Append(builder.Length > 1 ? "," : "").Append('"').Append(field.Name).Append("\":").Append(value);
        }

        return builder.Append('}').ToString();
    }
}
