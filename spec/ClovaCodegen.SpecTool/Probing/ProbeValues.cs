using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using ClovaCodegen.Spec.Model;

namespace ClovaCodegen.SpecTool.Probing;

/// <summary>
/// The values a probe sends: for each field, one that OpenAI's API reference would accept (so a refusal is about the field,
/// not a malformed value), one of the wrong JSON type (a service that knows the field refuses it), the edges of each range,
/// and OpenAI's own values for fields whose spec lists allowed values.
/// </summary>
internal static class ProbeValues
{
    public const string ProbeText = "clova-spec-probe";

    /// <summary>A value of no allowed list (a service that checks the list refuses it).</summary>
    public const string NotAValue = "clova-spec-not-a-value";

    /// <summary>The smallest function tool: no description, no parameters.</summary>
    public static JsonArray SampleTools() => new(new JsonObject
    {
        ["type"] = "function",
        ["function"] = new JsonObject { ["name"] = "probe", ["parameters"] = new JsonObject { ["type"] = "object", ["properties"] = new JsonObject() } },
    });

    // Values OpenAI's reference documents for each field, chosen to cost nothing extra (n asks for 2 answers of 1 token:
    // the only way to see whether n is honoured).
    private static readonly Dictionary<string, Func<JsonNode>> Samples = new(StringComparer.Ordinal)
    {
        ["stream"] = () => true,
        ["tools"] = SampleTools,
        ["tool_choice"] = () => "auto",
        ["stop"] = () => ".",
        ["seed"] = () => 1,
        ["response_format"] = () => new JsonObject { ["type"] = "text" },
        ["store"] = () => false,
        ["reasoning_effort"] = () => "low",
        ["metadata"] = () => new JsonObject { ["probe"] = "clova-spec" },
        ["logit_bias"] = () => new JsonObject(),
        ["logprobs"] = () => true,
        ["top_logprobs"] = () => 1,
        ["n"] = () => 2,
        ["modalities"] = () => new JsonArray("text"),
        ["prediction"] = () => new JsonObject { ["type"] = "content", ["content"] = "." },
        ["audio"] = () => new JsonObject { ["voice"] = "alloy", ["format"] = "wav" },
        ["service_tier"] = () => "auto",
        ["stream_options"] = () => new JsonObject { ["include_usage"] = true },
        ["parallel_tool_calls"] = () => false,
        ["user"] = () => ProbeText,
        ["functions"] = () => new JsonArray(new JsonObject { ["name"] = "probe", ["parameters"] = new JsonObject { ["type"] = "object", ["properties"] = new JsonObject() } }),
        ["function_call"] = () => "none",
        ["safety_identifier"] = () => ProbeText,
        ["web_search_options"] = () => new JsonObject(),
        ["encoding_format"] = () => "float",
    };

    /// <summary>OpenAI's values of fields with an allowed list: the ones a spec might be missing.</summary>
    private static readonly Dictionary<string, string[]> OpenAiValues = new(StringComparer.Ordinal)
    {
        ["encoding_format"] = new[] { "float", "base64" },
        ["tool_choice"] = new[] { "none", "auto", "required" },
        ["reasoning_effort"] = new[] { "minimal", "low", "medium", "high" },
        ["service_tier"] = new[] { "auto", "default", "flex", "priority" },
    };

    /// <summary>A value the field should accept.</summary>
    public static JsonNode Sample(FieldSpec field, ModelSpec? model)
    {
        if (field.Name == "dimensions" && model?.Dimension is { } dimension && field.Allows(dimension))
        {
            return dimension; // the model's own size: a service that ignores dimensions still answers with it
        }

        if (field.Range is { } range && (field.Type & (JsonFieldType.Integer | JsonFieldType.Number)) != 0)
        {
            return Number(Middle(range, IsInteger(field)), IsInteger(field));
        }

        if (Samples.TryGetValue(field.Name, out var sample))
        {
            return sample();
        }

        if (!field.AllowedValues.IsEmpty)
        {
            return Literal(field.AllowedValues[0]);
        }

        return (field.Type & ~JsonFieldType.None) switch
        {
            var t when (t & JsonFieldType.String) != 0 => ProbeText,
            var t when (t & JsonFieldType.Integer) != 0 => 1,
            var t when (t & JsonFieldType.Number) != 0 => 0.5m,
            var t when (t & JsonFieldType.Boolean) != 0 => true,
            var t when (t & JsonFieldType.Array) != 0 => new JsonArray(),
            _ => new JsonObject(),
        };
    }

    /// <summary>A value of a JSON type the field does not declare, or null when it declares none.</summary>
    public static JsonNode? WrongType(FieldSpec field) => field.Type switch
    {
        JsonFieldType.None => null,
        var t when (t & JsonFieldType.String) == 0 => ProbeText,
        var t when (t & JsonFieldType.Boolean) == 0 => true,
        var t when (t & JsonFieldType.Object) == 0 => new JsonObject(),
        _ => null,
    };

    /// <summary>The allowed values, OpenAI's values the list lacks, and one value of no list.</summary>
    public static IEnumerable<(JsonNode Value, bool Allowed)> EnumValues(FieldSpec field)
    {
        var allowed = field.AllowedValues.Select(v => v.Kind == SpecLiteralKind.String ? v.Text : v.ToJson()).ToList();
        foreach (var value in field.AllowedValues)
        {
            yield return (Literal(value), true);
        }

        if (OpenAiValues.TryGetValue(field.Name, out var known))
        {
            foreach (var value in known.Where(v => !allowed.Contains(v)))
            {
                yield return (JsonValue.Create(value)!, false);
            }
        }

        if (!field.AllowedValues.IsEmpty && (field.Type & JsonFieldType.String) != 0 && field.AllowedValues.All(v => v.Kind == SpecLiteralKind.String))
        {
            yield return (JsonValue.Create(NotAValue)!, false);
        }
    }

    /// <summary>The numbers just inside and just outside each bound of a range, with whether the range allows each.</summary>
    public static IEnumerable<(decimal Value, bool Allowed, string Edge)> Edges(FieldSpec field)
    {
        if (field.Range is not { } range)
        {
            yield break;
        }

        var step = Step(field);
        if (range.Minimum is { } min)
        {
            var m = (decimal)min;
            yield return range.ExclusiveMinimum ? (m + step, true, "minimum") : (m, true, "minimum");
            yield return range.ExclusiveMinimum ? (m, false, "minimum") : (m - step, false, "minimum");
        }

        if (range.Maximum is { } max)
        {
            var m = (decimal)max;
            yield return range.ExclusiveMaximum ? (m - step, true, "maximum") : (m, true, "maximum");
            yield return range.ExclusiveMaximum ? (m, false, "maximum") : (m + step, false, "maximum");
        }
    }

    /// <summary>How far outside a bound the outside probe lies: 1 for integers, 0.01 for numbers.</summary>
    public static decimal Step(FieldSpec field) => IsInteger(field) ? 1m : 0.01m;

    public static bool IsInteger(FieldSpec field) => (field.Type & JsonFieldType.Integer) != 0 && (field.Type & JsonFieldType.Number) == 0;

    /// <summary>A number as JSON: integers without a fraction, decimals without trailing zeros.</summary>
    public static JsonNode Number(decimal value, bool integer) => integer
        ? JsonValue.Create((long)decimal.Round(value))
        : JsonValue.Create(decimal.Parse(value.ToString("G29", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture));

    /// <summary>The value of a JSON number (read from its text, whatever CLR type the node was built from), or null.</summary>
    public static decimal? AsNumber(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == System.Text.Json.JsonValueKind.Number
            && decimal.TryParse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            ? number
            : null;

    public static JsonNode Literal(SpecLiteral literal) => literal.Kind switch
    {
        SpecLiteralKind.String => JsonValue.Create(literal.Text)!,
        _ => JsonNode.Parse(literal.ToJson())!,
    };

    private static decimal Middle(NumericRange range, bool integer)
    {
        var step = integer ? 1m : 0.01m;
        decimal? min = range.Minimum is { } a ? (decimal)a : null;
        decimal? max = range.Maximum is { } b ? (decimal)b : null;
        var middle = (min, max) switch
        {
            ({ } lo, { } hi) => (lo + hi) / 2,
            ({ } lo, null) => range.ExclusiveMinimum ? lo + step : lo,
            (null, { } hi) => range.ExclusiveMaximum ? hi - step : hi,
            _ => 1m,
        };
        return integer ? decimal.Floor(middle) : decimal.Round(middle, 2);
    }
}
