using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;

namespace ClovaCodegen.Emulator.Tests;

/// <summary>
/// Issue 20: with tools offered and the conversation ending with the user, the emulator calls a tool with arguments
/// generated from that tool's <c>parameters</c> schema (every string the question), as a JSON string, as CLOVA does;
/// a tool with no parameters schema still gets <c>{"text": question}</c>.
/// </summary>
public sealed class ToolCallArgumentTests : EmulatorTest
{
    private const string Parameters = """
        {"type":"object","properties":{
          "city":{"type":"string","description":"City name"},
          "unit":{"type":"string","enum":["Celsius","Fahrenheit"]},
          "days":{"type":"integer"},
          "note":{"type":["string","null"]},
          "places":{"type":"array","items":{"type":"object","properties":{"name":{"type":"string"}},"required":["name"],"additionalProperties":false}}
        },"required":["city"],"additionalProperties":false}
        """;

    private static string Body(string tools, string toolChoice = "") =>
        "{\"model\":\"HCX-005\",\"messages\":[{\"role\":\"user\",\"content\":\"서울\"}],\"tools\":" + tools + toolChoice + "}";

    private static string Tool(string name, string? parameters) =>
        "{\"type\":\"function\",\"function\":{\"name\":\"" + name + "\",\"description\":\"d\"" + (parameters is null ? "" : ",\"parameters\":" + parameters) + "}}";

    [Fact]
    public async Task The_arguments_conform_to_the_called_tools_parameters_schema_and_come_as_a_string()
    {
        var body = Body("[" + Tool("other", """{"type":"object","properties":{"x":{"type":"boolean"}}}""") + "," + Tool("weather", Parameters) + "]",
            ",\"tool_choice\":{\"type\":\"function\",\"function\":{\"name\":\"weather\"}}");

        var first = await Http.PostAsync("chat/completions", body);
        var second = await Http.PostAsync("chat/completions", body);

        first.AssertOk();
        var call = Call(first);
        Assert.Equal("weather", call.GetProperty("name").GetString());
        Assert.Equal(JsonValueKind.String, call.GetProperty("arguments").ValueKind);
        var arguments = call.GetProperty("arguments").GetString()!;
        Assert.Equal(arguments, Call(second).GetProperty("arguments").GetString());
        Assert.Equal("""{"city":"서울","unit":"Celsius","days":1,"note":"서울","places":[{"name":"서울"}]}""", arguments);
    }

    [Fact]
    public async Task A_tool_without_a_parameters_schema_gets_the_question_as_text()
    {
        var answer = await Http.PostAsync("chat/completions", Body("[" + Tool("lookup", null) + "]"));

        answer.AssertOk();
        Assert.Equal("""{"text":"서울"}""", Call(answer).GetProperty("arguments").GetString());
    }

    private static JsonElement Call(Answer answer)
    {
        using var document = JsonDocument.Parse(answer.Body);
        return document.RootElement.GetProperty("choices")[0].GetProperty("message").GetProperty("tool_calls")[0].GetProperty("function").Clone();
    }
}
