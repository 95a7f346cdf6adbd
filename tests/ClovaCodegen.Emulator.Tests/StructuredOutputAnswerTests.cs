using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;

namespace ClovaCodegen.Emulator.Tests;

/// <summary>
/// With <c>response_format</c> the emulator answers in kind: JSON generated from the schema (every property, enums,
/// nullable types, arrays, nested objects, local $ref), the same for the same request; a malformed schema is a 400 that
/// names where it is wrong.
/// </summary>
public sealed class StructuredOutputAnswerTests : EmulatorTest
{
    private const string Schema = """
        {"type":"object","properties":{
          "vendor":{"type":"string"},
          "total":{"type":"number"},
          "count":{"type":"integer"},
          "paid":{"type":"boolean"},
          "currency":{"type":"string","enum":["KRW","USD"]},
          "note":{"type":["string","null"]},
          "items":{"type":"array","items":{"$ref":"#/$defs/item"}},
          "kind":{"anyOf":[{"type":"null"},{"const":"receipt"}]}
        },"required":["vendor","total","count","paid","currency","note","items","kind"],"additionalProperties":false,
        "$defs":{"item":{"type":"object","properties":{"name":{"type":"string"}},"required":["name"],"additionalProperties":false}}}
        """;

    private static string Body(string schema, string name = "invoice") =>
        "{\"model\":\"HCX-007\",\"messages\":[{\"role\":\"user\",\"content\":\"read it\"}],\"response_format\":{\"type\":\"json_schema\",\"json_schema\":{\"name\":\"" + name + "\",\"strict\":true,\"schema\":" + schema + "}}}";

    [Fact]
    public async Task A_json_schema_request_gets_json_that_fits_the_schema_and_the_same_json_twice()
    {
        var first = await Http.PostAsync("chat/completions", Body(Schema));
        var second = await Http.PostAsync("chat/completions", Body(Schema));

        first.AssertOk();
        var content = Content(first);
        Assert.Equal(content, Content(second));
        using var answer = JsonDocument.Parse(content);
        var root = answer.RootElement;
        Assert.Equal(new[] { "vendor", "total", "count", "paid", "currency", "note", "items", "kind" }, root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(JsonValueKind.String, root.GetProperty("vendor").ValueKind);
        Assert.Equal(1.5, root.GetProperty("total").GetDouble());
        Assert.Equal(1, root.GetProperty("count").GetInt32());
        Assert.Equal(JsonValueKind.True, root.GetProperty("paid").ValueKind);
        Assert.Equal("KRW", root.GetProperty("currency").GetString());
        Assert.Equal(JsonValueKind.String, root.GetProperty("note").ValueKind);
        Assert.Equal(JsonValueKind.String, root.GetProperty("items")[0].GetProperty("name").ValueKind);
        Assert.Equal("receipt", root.GetProperty("kind").GetString());
    }

    [Fact]
    public async Task A_json_object_request_gets_a_json_object()
    {
        var answer = await Http.PostAsync("chat/completions", """{"model":"HCX-007","messages":[{"role":"user","content":"hi"}],"response_format":{"type":"json_object"}}""");

        answer.AssertOk();
        using var content = JsonDocument.Parse(Content(answer));
        Assert.Equal("Echo: hi", content.RootElement.GetProperty("answer").GetString());
    }

    public static TheoryData<string, string, string> MalformedFormats => new()
    {
        // what, body, the param the error names
        { "schema is a string", Body("\"object\""), "response_format.json_schema.schema" },
        { "unknown type", Body("""{"type":"obj"}"""), "response_format.json_schema.schema.type" },
        { "properties is an array", Body("""{"type":"object","properties":[]}"""), "response_format.json_schema.schema.properties" },
        { "a property schema is a number", Body("""{"type":"object","properties":{"a":1}}"""), "response_format.json_schema.schema.properties.a" },
        { "required names an undeclared property", Body("""{"type":"object","properties":{"a":{"type":"string"}},"required":["b"]}"""), "response_format.json_schema.schema.required" },
        { "empty enum", Body("""{"type":"string","enum":[]}"""), "response_format.json_schema.schema.enum" },
        { "items is not a schema", Body("""{"type":"array","items":"string"}"""), "response_format.json_schema.schema.items" },
        { "dangling $ref", Body("""{"type":"object","properties":{"a":{"$ref":"#/$defs/missing"}}}"""), "response_format.json_schema.schema.properties.a.$ref" },
        { "name breaks the rule", Body("""{"type":"object"}""", "my invoice"), "response_format.json_schema.name" },
        { "no json_schema", """{"model":"HCX-007","messages":[{"role":"user","content":"hi"}],"response_format":{"type":"json_schema"}}""", "response_format.json_schema" },
        { "unknown format type", """{"model":"HCX-007","messages":[{"role":"user","content":"hi"}],"response_format":{"type":"yaml"}}""", "response_format.type" },
    };

    [Theory]
    [MemberData(nameof(MalformedFormats))]
    public async Task A_malformed_response_format_is_400_naming_where(string what, string body, string param)
    {
        var answer = await Http.PostAsync("chat/completions", body);

        var error = answer.AssertError(400, what);
        Assert.Equal(param, error.GetProperty("param").GetString());
    }

    private static string Content(Answer answer)
    {
        using var document = JsonDocument.Parse(answer.Body);
        return document.RootElement.GetProperty("choices")[0].GetProperty("message").GetProperty("content").GetString()!;
    }
}
