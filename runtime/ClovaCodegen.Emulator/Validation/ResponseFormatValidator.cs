using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using ClovaCodegen.Spec.Model;

namespace ClovaCodegen.Emulator.Validation;

/// <summary>
/// <c>response_format</c>: a known type, and for <c>json_schema</c> a name that fits the spec's rule and a schema that is
/// a well-formed JSON Schema (types the standard knows, <c>properties</c> of schemas, <c>required</c> naming declared
/// properties, a non-empty <c>enum</c>, resolvable local <c>$ref</c>s). A malformed one is a 400 naming the path, as
/// OpenAI answers it; keywords the spec marks uncertain pass, since the sources do not say CLOVA Studio refuses them.
/// </summary>
internal static class ResponseFormatValidator
{
    private const int MaxDepth = 32;
    private static readonly HashSet<string> Types = new() { "string", "number", "integer", "boolean", "object", "array", "null" };
    private static readonly HashSet<string> FormatTypes = new() { "text", "json_object", "json_schema" };

    public static RequestProblem? Validate(JsonElement root, StructuredOutputsSpec? spec)
    {
        if (!root.TryGetProperty("response_format", out var format))
        {
            return null;
        }

        if (format.ValueKind != JsonValueKind.Object || !format.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String || !FormatTypes.Contains(type.GetString()!))
        {
            return RequestProblem.Invalid("response_format.type", "'response_format' must be an object whose 'type' is \"text\", \"json_object\" or \"json_schema\".");
        }

        if (type.GetString() != "json_schema")
        {
            return null;
        }

        if (!format.TryGetProperty("json_schema", out var jsonSchema) || jsonSchema.ValueKind != JsonValueKind.Object)
        {
            return RequestProblem.Invalid("response_format.json_schema", "'response_format.json_schema' must be an object with 'name' and 'schema'.");
        }

        if (!jsonSchema.TryGetProperty("name", out var name) || name.ValueKind != JsonValueKind.String
            || (spec?.NamePattern is { } pattern && !Regex.IsMatch(name.GetString()!, pattern, RegexOptions.CultureInvariant, System.TimeSpan.FromSeconds(1))))
        {
            return RequestProblem.Invalid("response_format.json_schema.name", $"'response_format.json_schema.name' must be a string matching {spec?.NamePattern ?? "a name"}.");
        }

        if (jsonSchema.TryGetProperty("strict", out var strict) && strict.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
        {
            return RequestProblem.Invalid("response_format.json_schema.strict", "'response_format.json_schema.strict' must be true or false.");
        }

        if (!jsonSchema.TryGetProperty("schema", out var schema))
        {
            return RequestProblem.Invalid("response_format.json_schema.schema", "'response_format.json_schema.schema' is missing.");
        }

        var problem = CheckSchema(schema, schema, "response_format.json_schema.schema", 0);
        return problem is null ? null : RequestProblem.Invalid(problem.Value.Path, "Invalid schema for response_format: " + problem.Value.Message);
    }

    private static (string Path, string Message)? CheckSchema(JsonElement node, JsonElement root, string path, int depth)
    {
        if (node.ValueKind is JsonValueKind.True or JsonValueKind.False && depth > 0)
        {
            return null;
        }

        if (node.ValueKind != JsonValueKind.Object)
        {
            return (path, "a schema must be an object.");
        }

        if (depth > MaxDepth)
        {
            return (path, $"schemas nest deeper than {MaxDepth}.");
        }

        if (node.TryGetProperty("type", out var type))
        {
            var names = type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().ToList() : new List<JsonElement> { type };
            if (names.Count == 0 || names.Any(n => n.ValueKind != JsonValueKind.String || !Types.Contains(n.GetString()!)))
            {
                return (path + ".type", $"'type' must be one of {string.Join(", ", Types)}, or a non-empty list of them; got {type.GetRawText()}.");
            }
        }

        HashSet<string>? declared = null;
        if (node.TryGetProperty("properties", out var properties))
        {
            if (properties.ValueKind != JsonValueKind.Object)
            {
                return (path + ".properties", "'properties' must be an object of schemas.");
            }

            declared = new HashSet<string>();
            foreach (var property in properties.EnumerateObject())
            {
                declared.Add(property.Name);
                if (CheckSchema(property.Value, root, path + ".properties." + property.Name, depth + 1) is { } problem)
                {
                    return problem;
                }
            }
        }

        if (node.TryGetProperty("required", out var required))
        {
            if (required.ValueKind != JsonValueKind.Array || required.EnumerateArray().Any(r => r.ValueKind != JsonValueKind.String))
            {
                return (path + ".required", "'required' must be an array of property names.");
            }

            var missing = required.EnumerateArray().Select(r => r.GetString()!).FirstOrDefault(r => declared is null || !declared.Contains(r));
            if (missing is not null)
            {
                return (path + ".required", $"'required' names '{missing}', which 'properties' does not declare.");
            }
        }

        if (node.TryGetProperty("enum", out var values) && (values.ValueKind != JsonValueKind.Array || values.GetArrayLength() == 0))
        {
            return (path + ".enum", "'enum' must be a non-empty array.");
        }

        if (node.TryGetProperty("additionalProperties", out var additional) && additional.ValueKind is not (JsonValueKind.True or JsonValueKind.False)
            && CheckSchema(additional, root, path + ".additionalProperties", depth + 1) is { } additionalProblem)
        {
            return additionalProblem;
        }

        if (node.TryGetProperty("items", out var items) && CheckSchema(items, root, path + ".items", depth + 1) is { } itemsProblem)
        {
            return itemsProblem;
        }

        foreach (var combinator in new[] { "anyOf", "oneOf", "allOf" })
        {
            if (!node.TryGetProperty(combinator, out var options))
            {
                continue;
            }

            if (options.ValueKind != JsonValueKind.Array || options.GetArrayLength() == 0)
            {
                return (path + "." + combinator, $"'{combinator}' must be a non-empty array of schemas.");
            }

            var index = 0;
            foreach (var option in options.EnumerateArray())
            {
                if (CheckSchema(option, root, $"{path}.{combinator}[{index++}]", depth + 1) is { } problem)
                {
                    return problem;
                }
            }
        }

        foreach (var definitionsKey in new[] { "$defs", "definitions" })
        {
            if (node.TryGetProperty(definitionsKey, out var definitions))
            {
                if (definitions.ValueKind != JsonValueKind.Object)
                {
                    return (path + "." + definitionsKey, $"'{definitionsKey}' must be an object of schemas.");
                }

                foreach (var definition in definitions.EnumerateObject())
                {
                    if (CheckSchema(definition.Value, root, $"{path}.{definitionsKey}.{definition.Name}", depth + 1) is { } problem)
                    {
                        return problem;
                    }
                }
            }
        }

        if (node.TryGetProperty("$ref", out var reference) && (reference.ValueKind != JsonValueKind.String || SchemaReferences.Resolve(root, reference.GetString()!) is null))
        {
            return (path + ".$ref", $"'$ref' {reference.GetRawText()} does not point into this schema.");
        }

        return null;
    }
}
