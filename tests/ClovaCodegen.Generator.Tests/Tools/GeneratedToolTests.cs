using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using ClovaCodegen.Requests;
using Xunit;

namespace ClovaCodegen.Generator.Tests.Tools;

/// <summary>What the generator wrote for <see cref="SampleTools"/>: tool definitions on the wire, and calls dispatched through the generated readers.</summary>
public class GeneratedToolTests
{
    private static ClovaChatToolCall Call(string name, string arguments) => new("call_1", name, arguments);

    [Fact]
    public void The_definition_has_required_and_optional_parameters_enums_nullables_descriptions_nested_records_and_arrays()
    {
        var tool = SampleTools.GetWeatherTool;
        var schema = JsonNode.Parse(tool.ParametersJsonSchema)!;

        Assert.Equal("GetWeather", tool.Name);
        Assert.Equal("Weather for a city", tool.Description);
        Assert.Equal("""{"type":"object","properties":{"city":{"description":"City name","type":"string"},"unit":{"type":"string","enum":["Celsius","Fahrenheit"]},"days":{"type":"integer"}},"required":["city"],"additionalProperties":false}""", schema.ToJsonString());
        var find = JsonNode.Parse(SampleTools.FindTool.ParametersJsonSchema)!;
        Assert.Equal(new[] { "places", "exact" }, find["required"]!.AsArray().Select(n => (string?)n));
        Assert.Equal("""["boolean","null"]""", find["properties"]!["exact"]!["type"]!.ToJsonString());
        var place = find["properties"]!["places"]!["items"]!;
        Assert.Equal("City name", (string?)place["properties"]!["City"]!["description"]);
        Assert.Equal("""["string","null"]""", place["properties"]!["District"]!["type"]!.ToJsonString());
        var add = JsonNode.Parse(SampleTools.AddTool.ParametersJsonSchema)!;
        Assert.Equal("add_numbers", SampleTools.AddTool.Name);
        Assert.Equal("""{"type":"array","items":{"type":"integer"}}""", add["properties"]!["values"]!.ToJsonString());
        Assert.Equal(new[] { "values" }, add["required"]!.AsArray().Select(n => (string?)n));
    }

    [Fact]
    public void AddTools_writes_each_definition_as_encoded_at_compile_time()
    {
        var body = ChatCompletionRequest.Create("HCX-005").User("서울 날씨").AddTools(SampleTools.All).Build().ToUtf8Json();

        var tools = JsonNode.Parse(body)!["tools"]!.AsArray();
        Assert.Equal(new[] { "Find", "Forget", "GetWeather", "add_numbers" }, tools.Select(t => (string?)t!["function"]!["name"]));
        Assert.All(tools, t => Assert.Equal("function", (string?)t!["type"]));
        var weather = tools.Single(t => (string?)t!["function"]!["name"] == "GetWeather")!;
        Assert.Equal(Encoding.UTF8.GetString(SampleTools.GetWeatherTool.DefinitionUtf8.Span), weather.ToJsonString());
        Assert.Equal(SampleTools.GetWeatherTool.ParametersJsonSchema, weather["function"]!["parameters"]!.ToJsonString());
    }

    [Fact]
    public async Task InvokeAsync_reads_the_arguments_applies_defaults_awaits_the_method_and_writes_its_result_as_json()
    {
        var result = await SampleTools.InvokeAsync(Call("GetWeather", """{"city":"서울"}"""));

        Assert.False(result.IsError, result.Content);
        Assert.Equal("call_1", result.ToolCallId);
        Assert.Equal("GetWeather", result.ToolName);
        Assert.Equal("""{"City":"서울","Temperature":21.5,"Unit":"Celsius","Warnings":["비"],"Humidity":null}""", result.Content);
        var fahrenheit = await SampleTools.InvokeAsync(Call("GetWeather", """{"unit":"Fahrenheit","days":3,"city":"Busan","extra":[1,{"a":2}]}"""));
        Assert.Contains("\"Unit\":\"Fahrenheit\"", fahrenheit.Content, System.StringComparison.Ordinal);
        lock (SampleTools.Calls)
        {
            Assert.Contains("GetWeather(Busan, Fahrenheit, 3)", SampleTools.Calls);
        }
    }

    [Fact]
    public async Task Sync_ValueTask_void_string_and_nested_arguments_dispatch()
    {
        Assert.Equal("6", (await SampleTools.InvokeAsync(Call("add_numbers", """{"values":[1,2,3]}"""))).Content);
        Assert.Equal("1006", (await SampleTools.InvokeAsync(Call("add_numbers", """{"values":[1,2,3],"note":"x"}"""))).Content);
        Assert.Equal("Seoul/Jongno;Busan/- (exact)", (await SampleTools.InvokeAsync(Call("Find", """{"places":[{"City":"Seoul","District":"Jongno"},{"City":"Busan","District":null}],"exact":true}"""))).Content);
        Assert.Equal(" (any)", (await SampleTools.InvokeAsync(Call("Find", """{"places":[],"exact":null}"""))).Content);
        var forget = await SampleTools.InvokeAsync(Call("Forget", "{}"));
        Assert.Equal("done", forget.Content);
        Assert.False(forget.IsError);
    }

    [Theory]
    [InlineData("""{"unit":"Celsius"}""", "Required property 'city' is missing.")]
    [InlineData("""{"city":42}""", "at $.city: Expected a string, found a number.")]
    [InlineData("""{"city":"Seoul","unit":"Kelvin"}""", "at $.unit: 'Kelvin' is not a")]
    [InlineData("""{"city":"Seoul","days":1.5}""", "at $.days")]
    [InlineData("""not json""", "do not fit its parameters")]
    [InlineData("""["Seoul"]""", "Expected an object of arguments, found")]
    [InlineData("""{"city":"Seoul"} {}""", "invalid after a single JSON value")]
    public async Task Arguments_that_do_not_fit_give_an_error_result_for_the_model_not_an_exception(string arguments, string expected)
    {
        var result = await SampleTools.InvokeAsync(Call("GetWeather", arguments));

        Assert.True(result.IsError);
        Assert.Contains(expected, result.Content, System.StringComparison.Ordinal);
        Assert.StartsWith("The arguments of 'GetWeather' do not fit its parameters", result.Content, System.StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_nested_misfit_names_its_path()
    {
        var result = await SampleTools.InvokeAsync(Call("Find", """{"places":[{"City":"Seoul","District":null},{"District":"x"}],"exact":false}"""));

        Assert.True(result.IsError);
        Assert.Contains("at $.places[1]: Required property 'City' is missing.", result.Content, System.StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_tool_gives_an_error_result_naming_the_tools()
    {
        var result = await SampleTools.InvokeAsync(Call("get_time", "{}"));

        Assert.True(result.IsError);
        Assert.Equal("There is no tool named 'get_time'. The tools are: Find, Forget, GetWeather, add_numbers.", result.Content);
    }

    [Fact]
    public async Task The_cancellation_token_reaches_the_method()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        await Assert.ThrowsAnyAsync<System.OperationCanceledException>(async () => await SampleTools.GetWeatherTool.InvokeAsync("call_2", """{"city":"Seoul"}""", cancelled.Token));
        Assert.DoesNotContain("CancellationToken", SampleTools.GetWeatherTool.ParametersJsonSchema, System.StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_result_goes_back_as_a_tool_message()
    {
        var result = await SampleTools.InvokeAsync(Call("add_numbers", """{"values":[2]}"""));

        var body = ChatCompletionRequest.Create("HCX-005").User("2").Message(ClovaChatMessage.Tool(result)).Tool(result).Build().ToUtf8Json();

        var messages = JsonDocument.Parse(body).RootElement.GetProperty("messages");
        Assert.Equal("""{"role":"tool","content":"2","tool_call_id":"call_1"}""", messages[1].GetRawText());
        Assert.Equal(messages[1].GetRawText(), messages[2].GetRawText());
    }
}
