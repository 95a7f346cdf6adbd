using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;

namespace ClovaCodegen.Emulator.Tests;

/// <summary>
/// A recursive schema (a tree through <c>"$ref":"#"</c>, a list through <c>$defs</c> and a nullable <c>anyOf</c>) gets a
/// finite answer that still conforms: past a few followed references arrays come back empty and nullable values null,
/// instead of an object cut short without its required properties.
/// </summary>
public sealed class RecursiveSchemaAnswerTests : EmulatorTest
{
    private const string Tree = """
        {"type":"object","properties":{"Name":{"type":"string"},"Children":{"type":"array","items":{"$ref":"#"}}},"required":["Name","Children"],"additionalProperties":false}
        """;

    private const string LinkedList = """
        {"type":"object","properties":{"Head":{"$ref":"#/$defs/Cell"}},"required":["Head"],"additionalProperties":false,
         "$defs":{"Cell":{"type":"object","properties":{"Value":{"type":"integer"},"Next":{"anyOf":[{"$ref":"#/$defs/Cell"},{"type":"null"}]}},"required":["Value","Next"],"additionalProperties":false}}}
        """;

    [Theory]
    [InlineData(Tree)]
    [InlineData(LinkedList)]
    public async Task A_recursive_schema_gets_a_finite_answer_that_conforms(string schema)
    {
        var answer = await Http.PostAsync("chat/completions", "{\"model\":\"HCX-007\",\"messages\":[{\"role\":\"user\",\"content\":\"grow\"}],\"response_format\":{\"type\":\"json_schema\",\"json_schema\":{\"name\":\"tree\",\"strict\":true,\"schema\":" + schema + "}}}");

        answer.AssertOk();
        using var document = JsonDocument.Parse(answer.Body);
        var content = document.RootElement.GetProperty("choices")[0].GetProperty("message").GetProperty("content").GetString()!;
        using var schemaDocument = JsonDocument.Parse(schema);
        using var value = JsonDocument.Parse(content);
        var problem = Conformance(value.RootElement, schemaDocument.RootElement, schemaDocument.RootElement, "$");
        Assert.True(problem is null, problem + " in " + content);
        Assert.Contains("{", content.Substring(1), System.StringComparison.Ordinal); // it recursed at least once
    }

    /// <summary>The first place <paramref name="value"/> breaks the subset of JSON Schema these schemas use, or null.</summary>
    private static string? Conformance(JsonElement value, JsonElement schema, JsonElement root, string path)
    {
        if (schema.TryGetProperty("$ref", out var reference))
        {
            var target = reference.GetString() == "#" ? root : root.GetProperty("$defs").GetProperty(reference.GetString()!.Split('/').Last());
            return Conformance(value, target, root, path);
        }

        if (schema.TryGetProperty("anyOf", out var options))
        {
            return options.EnumerateArray().Any(o => Conformance(value, o, root, path) is null) ? null : path + ": fits no anyOf option";
        }

        switch (schema.GetProperty("type").GetString())
        {
            case "null": return value.ValueKind == JsonValueKind.Null ? null : path + ": not null";
            case "string": return value.ValueKind == JsonValueKind.String ? null : path + ": not a string";
            case "integer": return value.ValueKind == JsonValueKind.Number ? null : path + ": not a number";
            case "array":
                return value.ValueKind != JsonValueKind.Array ? path + ": not an array"
                    : value.EnumerateArray().Select((item, i) => Conformance(item, schema.GetProperty("items"), root, $"{path}[{i}]")).FirstOrDefault(p => p is not null);
            default:
                if (value.ValueKind != JsonValueKind.Object)
                {
                    return path + ": not an object";
                }

                foreach (var required in schema.GetProperty("required").EnumerateArray().Select(r => r.GetString()!))
                {
                    if (!value.TryGetProperty(required, out var property))
                    {
                        return $"{path}: '{required}' missing";
                    }

                    if (Conformance(property, schema.GetProperty("properties").GetProperty(required), root, path + "." + required) is { } problem)
                    {
                        return problem;
                    }
                }

                return null;
        }
    }
}
