using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using ClovaCodegen.Spec.Model;

namespace ClovaCodegen.Emulator;

/// <summary>
/// The spec's verdict on a request body, field by field: the run-time twin of the analyzers. Unlike the emulator's
/// validation, which answers with the first problem as CLOVA Studio would, this lists every problem, so a test can say
/// all that is wrong with one request.
/// </summary>
internal static class SpecVerdict
{
    public static (IReadOnlyList<RecordedField> Fields, IReadOnlyList<string> Problems) Judge(EndpointSpec? endpoint, JsonElement? body)
    {
        if (body is not { ValueKind: JsonValueKind.Object } root)
        {
            var problems = endpoint is null || endpoint.Fields.IsEmpty || endpoint.Method == "GET"
                ? new List<string>()
                : new List<string> { "the body is not a JSON object" };
            return (new List<RecordedField>(), problems);
        }

        var fields = new List<RecordedField>();
        foreach (var property in root.EnumerateObject())
        {
            var spec = endpoint?.FindField(property.Name);
            fields.Add(new RecordedField(property.Name, property.Value, spec?.Status, endpoint is null ? null : Problem(property.Name, property.Value, spec)));
        }

        var all = fields.Where(f => f.Problem is not null).Select(f => $"{f.Name}: {f.Problem}").ToList();
        if (endpoint is not null)
        {
            all.AddRange(endpoint.Fields.Where(f => f.Required && !fields.Any(sent => sent.Name == f.Name)).Select(f => $"{f.Name}: required but not sent"));
        }

        return (fields, all);
    }

    private static string? Problem(string name, JsonElement value, FieldSpec? spec)
    {
        if (spec is null)
        {
            return "not a field of this endpoint in the spec";
        }

        if (!spec.IsAccepted)
        {
            return spec.Status == FieldStatus.Unsupported ? "unsupported by CLOVA Studio" : "undocumented: CLOVA Studio's documentation does not say it is accepted";
        }

        if (value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        var sentType = TypeOf(value);
        if (spec.Type != JsonFieldType.None && (spec.Type & sentType) == 0 && !(sentType == JsonFieldType.Integer && (spec.Type & JsonFieldType.Number) != 0))
        {
            return $"must be {spec.Type.ToString().ToLowerInvariant().Replace(", ", " or ")}, got {value.ValueKind.ToString().ToLowerInvariant()}";
        }

        var literal = value.ValueKind switch
        {
            JsonValueKind.String => SpecLiteral.FromString(value.GetString()!),
            JsonValueKind.Number => SpecLiteral.FromNumber(value.GetDouble()),
            JsonValueKind.True or JsonValueKind.False => SpecLiteral.FromBoolean(value.GetBoolean()),
            _ => null,
        };
        if (literal is not null && !spec.Allows(literal))
        {
            return $"must be one of {string.Join(", ", spec.AllowedValues)}";
        }

        if (value.ValueKind == JsonValueKind.Number && spec.Range is { } range && !range.Contains(value.GetDouble()))
        {
            // An uncertain range (the sources disagree) is still reported, marked so: the record says what the spec
            // knows, whatever the emulator was told to do with such values.
            return $"{value.GetDouble().ToString(CultureInfo.InvariantCulture)} is outside {range}" + (spec.Uncertain ? " (a range the spec marks uncertain)" : "");
        }

        return null;
    }

    private static JsonFieldType TypeOf(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => JsonFieldType.String,
        JsonValueKind.Number => value.TryGetInt64(out _) ? JsonFieldType.Integer : JsonFieldType.Number,
        JsonValueKind.True or JsonValueKind.False => JsonFieldType.Boolean,
        JsonValueKind.Array => JsonFieldType.Array,
        JsonValueKind.Object => JsonFieldType.Object,
        _ => JsonFieldType.None,
    };
}
