using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using ClovaCodegen.Spec.Diagnostics;
using ClovaCodegen.Spec.Json;
using ClovaCodegen.Spec.Model;

namespace ClovaCodegen.Spec;

/// <summary>An endpoint's fields: name, status, type, range, allowed values and default, each checked against the others.</summary>
public static partial class SpecReader
{
    private static readonly Regex WireName = new("^[a-z][a-z0-9_]*$", RegexOptions.CultureInvariant);

    private static EquatableArray<FieldSpec> ReadFields(SpecReadContext context, JsonNode endpoint, string? endpointId)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        return context.ReadObjects(endpoint, "fields", required: false, "A field", item =>
        {
            // Remember the name even if the field turns out broken, so bindings to it don't cascade into CLOVA112.
            if (item.Find("name")?.Value.StringValue is { } declaredName)
            {
                context.DeclaredFields.Add(endpointId + "/" + declaredName);
            }

            var field = ReadField(context, item);
            if (field is not null && !names.Add(field.Name))
            {
                context.Report(SpecDiagnosticIds.DuplicateField, item.Find("name")!.Value, $"Field '{field.Name}' is declared more than once in this endpoint");
                return null;
            }

            return field;
        });
    }

    private static FieldSpec? ReadField(SpecReadContext context, JsonNode item)
    {
        context.CheckProperties(
            item, "a field", "name", "status", "type", "required", "default", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum",
            "allowedValues", "requiredValue", "nativeNames", "sentImplicitlyBy", "uncertain", "note", "source");
        context.CheckSource(item);

        var name = context.GetNonEmptyString(item, "name");
        if (name is not null && !WireName.IsMatch(name))
        {
            context.Report(SpecDiagnosticIds.InvalidValue, item.Find("name")!.Value, $"Field name '{name}' is not a snake_case wire name");
        }

        var status = context.GetStatus(
            item, ("supported", FieldStatus.Supported), ("unsupported", FieldStatus.Unsupported), ("clova-only", FieldStatus.ClovaOnly), ("undocumented", FieldStatus.Undocumented));

        var type = ReadType(context, item);
        var minimum = context.GetNumber(item, "minimum");
        var maximum = context.GetNumber(item, "maximum");
        var exclusiveMinimum = context.GetBoolean(item, "exclusiveMinimum") ?? false;
        var exclusiveMaximum = context.GetBoolean(item, "exclusiveMaximum") ?? false;
        NumericRange? range = null;
        if (minimum is not null || maximum is not null)
        {
            range = new NumericRange(minimum, exclusiveMinimum, maximum, exclusiveMaximum);
            var boundNode = (item.Find("minimum") ?? item.Find("maximum"))!.Value;
            if (minimum is { } min && maximum is { } max && (min > max || (min == max && (exclusiveMinimum || exclusiveMaximum))))
            {
                context.Report(SpecDiagnosticIds.InvalidRange, item.Find("maximum")!.Value, $"The range {range} of '{name}' is empty");
            }
            else if (type is { } t && (t & (JsonFieldType.Integer | JsonFieldType.Number)) == 0)
            {
                context.Report(SpecDiagnosticIds.InvalidRange, boundNode, $"'{name}' has a numeric range but its type admits no number");
            }
        }

        var allowedValues = new List<SpecLiteral>();
        var allowedNode = context.GetArray(item, "allowedValues", required: false);
        if (allowedNode is not null)
        {
            if (allowedNode.Items.Count == 0)
            {
                context.Report(SpecDiagnosticIds.InvalidValue, allowedNode, "allowedValues must not be empty");
            }

            foreach (var value in allowedNode.Items)
            {
                if (value.Kind is JsonNodeKind.Object or JsonNodeKind.Array or JsonNodeKind.Null)
                {
                    context.Report(SpecDiagnosticIds.WrongJsonType, value, $"An allowed value must be a string, number or boolean, not {JsonNode.Describe(value.Kind)}");
                    continue;
                }

                var literal = ToLiteral(context, value);
                if (allowedValues.Contains(literal))
                {
                    context.Report(SpecDiagnosticIds.DuplicateEntry, value, $"Allowed value {literal} is listed more than once");
                }

                allowedValues.Add(literal);
            }
        }

        var requiredValue = context.GetBoolean(item, "requiredValue") ?? false;
        if (requiredValue && allowedNode is null)
        {
            context.Report(SpecDiagnosticIds.InvalidValue, item.Find("requiredValue")!.Value, "requiredValue needs allowedValues to say which values are required");
        }

        SpecLiteral? defaultValue = null;
        var defaultProperty = item.Find("default");
        if (defaultProperty is not null)
        {
            defaultValue = ToLiteral(context, defaultProperty.Value);
            CheckDefault(context, name, type, range, allowedNode is null ? null : allowedValues, defaultProperty.Value, defaultValue);
        }

        var nativeNames = context.GetStringArray(item, "nativeNames");
        var sentImplicitlyBy = context.GetStringArray(item, "sentImplicitlyBy");

        if (name is null || status is null || type is null)
        {
            return null;
        }

        return new FieldSpec(
            name,
            status.Value,
            type.Value,
            context.GetBoolean(item, "required") ?? false,
            defaultValue,
            range,
            allowedValues.ToEquatableArray(),
            requiredValue,
            nativeNames,
            sentImplicitlyBy,
            context.GetBoolean(item, "uncertain") ?? false,
            context.GetString(item, "note", required: false),
            context.GetString(item, "source", required: false));
    }

    private static void CheckDefault(SpecReadContext context, string? name, JsonFieldType? type, NumericRange? range, List<SpecLiteral>? allowed, JsonNode node, SpecLiteral value)
    {
        if (type is { } t && !Admits(t, node))
        {
            context.Report(SpecDiagnosticIds.DefaultOutsideRange, node, $"Default {value} of '{name}' is {JsonNode.Describe(node.Kind)}, which its type does not admit");
            return;
        }

        if (range is not null && node.Kind == JsonNodeKind.Number && !range.Contains(node.NumberValue))
        {
            context.Report(SpecDiagnosticIds.DefaultOutsideRange, node, $"Default {value} of '{name}' lies outside its own range {range}");
        }

        if (allowed is not null && !allowed.Contains(value))
        {
            context.Report(SpecDiagnosticIds.DefaultOutsideRange, node, $"Default {value} of '{name}' is not one of its allowed values ({string.Join(", ", allowed)})");
        }
    }

    private static bool Admits(JsonFieldType type, JsonNode node) => node.Kind switch
    {
        JsonNodeKind.String => (type & JsonFieldType.String) != 0,
        JsonNodeKind.Number => (type & JsonFieldType.Number) != 0 || ((type & JsonFieldType.Integer) != 0 && node.IsIntegerLiteral),
        JsonNodeKind.True or JsonNodeKind.False => (type & JsonFieldType.Boolean) != 0,
        JsonNodeKind.Array => (type & JsonFieldType.Array) != 0,
        JsonNodeKind.Object => (type & JsonFieldType.Object) != 0,
        _ => true, // null: "not set", admitted by every type
    };

    private static JsonFieldType? ReadType(SpecReadContext context, JsonNode item)
    {
        var property = item.Find("type");
        if (property is null)
        {
            context.Report(SpecDiagnosticIds.MissingProperty, item.Start, 1, "A field needs a 'type'");
            return null;
        }

        var names = new List<JsonNode>();
        if (property.Value.Kind == JsonNodeKind.String)
        {
            names.Add(property.Value);
        }
        else if (property.Value.Kind == JsonNodeKind.Array && property.Value.Items.Count > 0)
        {
            names.AddRange(property.Value.Items);
        }
        else
        {
            context.Report(SpecDiagnosticIds.WrongJsonType, property.Value, $"'type' must be a type name or a non-empty array of type names, not {JsonNode.Describe(property.Value.Kind)}");
            return null;
        }

        var result = JsonFieldType.None;
        var valid = true;
        foreach (var nameNode in names)
        {
            JsonFieldType? one = nameNode.Kind != JsonNodeKind.String ? null : nameNode.StringValue switch
            {
                "string" => JsonFieldType.String,
                "integer" => JsonFieldType.Integer,
                "number" => JsonFieldType.Number,
                "boolean" => JsonFieldType.Boolean,
                "array" => JsonFieldType.Array,
                "object" => JsonFieldType.Object,
                _ => null,
            };
            if (one is null)
            {
                context.Report(SpecDiagnosticIds.UnknownType, nameNode, $"Unknown type {nameNode.RawText}; expected string, integer, number, boolean, array or object");
                valid = false;
                continue;
            }

            result |= one.Value;
        }

        return valid ? result : null;
    }

    private static SpecLiteral ToLiteral(SpecReadContext context, JsonNode node) => node.Kind switch
    {
        JsonNodeKind.String => SpecLiteral.FromString(node.StringValue!),
        JsonNodeKind.Number => SpecLiteral.FromNumber(node.NumberValue),
        JsonNodeKind.True => SpecLiteral.FromBoolean(true),
        JsonNodeKind.False => SpecLiteral.FromBoolean(false),
        JsonNodeKind.Null => new SpecLiteral(SpecLiteralKind.Null, "null", null),
        _ => new SpecLiteral(SpecLiteralKind.Json, context.Text.Substring(node.Start, node.Length), null),
    };
}
