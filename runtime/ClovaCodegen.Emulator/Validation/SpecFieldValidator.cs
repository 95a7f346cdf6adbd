using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using ClovaCodegen.Spec.Model;

namespace ClovaCodegen.Emulator.Validation;

/// <summary>
/// Checks a request's top-level fields against the spec, as CLOVA Studio would: an unsupported field, a value of a type
/// the field does not declare, a number outside the documented range, a string outside the allowed values, a required
/// field missing or null. Every refusal names the field (<c>param</c>). Nothing here is written per field: a field added
/// to the spec is checked without a change here.
/// </summary>
internal static class SpecFieldValidator
{
    public static RequestProblem? Validate(JsonElement root, EndpointSpec endpoint, UnverifiedRangePolicy unverifiedRanges)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return new RequestProblem(400, "invalid_request", $"The request body must be a JSON object; got {ChatShapeValidator.Describe(root)}.");
        }

        foreach (var property in root.EnumerateObject())
        {
            // Fields the spec does not know pass: CLOVA Studio's handling of them is not documented either.
            if (endpoint.FindField(property.Name) is { } field && Check(field, property.Value, unverifiedRanges) is { } problem)
            {
                return problem;
            }
        }

        foreach (var field in endpoint.Fields)
        {
            if (field.Required && !root.TryGetProperty(field.Name, out _))
            {
                return new RequestProblem(400, "missing_field", $"Field {field.Name} is required.", field.Name);
            }
        }

        return null;
    }

    private static RequestProblem? Check(FieldSpec field, JsonElement value, UnverifiedRangePolicy unverifiedRanges)
    {
        if (field.Status == FieldStatus.Unsupported)
        {
            return new RequestProblem(400, "unsupported_field", $"Unsupported field: {field.Name}", field.Name);
        }

        if (value.ValueKind == JsonValueKind.Null)
        {
            // OpenAI reads an optional field given as null as absent; a required field, or one whose value is fixed
            // (encoding_format: "float"), has no absent form.
            return field.Required || field.RequiredValue
                ? new RequestProblem(400, "invalid_value", $"Field {field.Name} must not be null{ExpectedValues(field)}.", field.Name)
                : null;
        }

        if (field.Type != JsonFieldType.None && !HasType(value, field.Type))
        {
            return new RequestProblem(400, "invalid_type", $"Field {field.Name} must be {TypeName(field.Type)}; got {ChatShapeValidator.Describe(value)}.", field.Name);
        }

        if (field.Uncertain && unverifiedRanges == UnverifiedRangePolicy.Accept)
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.String && !field.Allows(SpecLiteral.FromString(value.GetString()!)))
        {
            return new RequestProblem(400, "invalid_value", $"Field {field.Name} must be one of {string.Join(", ", field.AllowedValues)}; got {value.GetRawText()}.", field.Name);
        }

        if (value.ValueKind == JsonValueKind.Number && !field.Allows(value.GetDouble()))
        {
            return new RequestProblem(400, "invalid_value", $"Field {field.Name} must be in {field.Range}; got {value.GetRawText()}.", field.Name);
        }

        return null;
    }

    /// <summary>
    /// Whether the value is of one of the declared types. An integer must be whole and fit 32 bits: the SDKs model these
    /// fields as <c>int</c>, and a server reading them as one refuses more (an assumption, documented in docs/runtime.md).
    /// A number must be finite (<c>1e999</c> is not).
    /// </summary>
    private static bool HasType(JsonElement value, JsonFieldType type) => value.ValueKind switch
    {
        JsonValueKind.String => (type & JsonFieldType.String) != 0,
        JsonValueKind.True or JsonValueKind.False => (type & JsonFieldType.Boolean) != 0,
        JsonValueKind.Array => (type & JsonFieldType.Array) != 0,
        JsonValueKind.Object => (type & JsonFieldType.Object) != 0,
        JsonValueKind.Number => ((type & JsonFieldType.Number) != 0 && value.TryGetDouble(out var number) && double.IsFinite(number))
            || ((type & JsonFieldType.Integer) != 0 && value.TryGetInt32(out _)),
        _ => false,
    };

    private static string TypeName(JsonFieldType type)
    {
        var names = new List<string>();
        foreach (var (flag, name) in new[]
        {
            (JsonFieldType.String, "a string"), (JsonFieldType.Integer, "a 32-bit integer"), (JsonFieldType.Number, "a finite number"),
            (JsonFieldType.Boolean, "a boolean"), (JsonFieldType.Array, "an array"), (JsonFieldType.Object, "an object"),
        })
        {
            if ((type & flag) != 0)
            {
                names.Add(name);
            }
        }

        return string.Join(" or ", names);
    }

    private static string ExpectedValues(FieldSpec field) => field.AllowedValues.IsEmpty
        ? ""
        : " (" + string.Join(", ", field.AllowedValues.Select(v => v.ToJson())) + ")";
}
