using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;
using Xunit;

namespace ClovaCodegen.Extensions.AI.Tests;

/// <summary>JSON metadata that knows none of the tools' types: what an AOT app's options look like for a type it did not list.</summary>
[JsonSerializable(typeof(int))]
internal sealed partial class IntOnlyContext : JsonSerializerContext
{
}

/// <summary>
/// Issue 20: generated tools as MEAI <see cref="AIFunction"/>s (<c>WeatherTools.All.AsAIFunctions()</c>), run by
/// <c>UseFunctionInvocation()</c> over our chat client against the emulator: the model's call (arguments generated from
/// the tool's schema) goes through the generated argument reader and dispatcher, whole and streamed; misfit arguments go
/// back to the model as our error text.
/// </summary>
public sealed class ToolFunctionTests : EmulatorClientTests
{
    private const string Answer = """Tool said: {"City":"Seoul","Degrees":21,"Unit":"Celsius"}""";

    private IChatClient FunctionInvoking() => new ChatClientBuilder(new ClovaChatClient(Client)).UseFunctionInvocation().Build();

    private static ChatOptions Options() => new() { Tools = WeatherTools.All.AsAIFunctions(), ToolMode = ChatToolMode.RequireSpecific("GetWeather") };

    [Fact]
    public async Task UseFunctionInvocation_runs_the_models_call_through_the_generated_dispatcher()
    {
        using var client = FunctionInvoking();
        var calls = WeatherTools.Recorder();

        var response = await client.GetResponseAsync("Seoul", Options());

        Assert.Equal(Answer, response.Text);
        Assert.Equal(new[] { "Seoul/Celsius" }, calls);
        var call = Assert.Single(response.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>());
        Assert.Equal("Seoul", ((JsonElement)call.Arguments!["city"]!).GetString());
        var result = Assert.Single(response.Messages.SelectMany(m => m.Contents).OfType<FunctionResultContent>());
        Assert.Equal(call.CallId, result.CallId);
        Assert.Equal("""{"City":"Seoul","Degrees":21,"Unit":"Celsius"}""", result.Result);

        // On the wire: the tool's generated schema in both requests, the result as the tool message's content.
        var bodies = Wire.Bodies.Select(b => JsonDocument.Parse(b).RootElement).ToList();
        Assert.Equal(2, bodies.Count);
        Assert.All(bodies, body =>
        {
            var function = body.GetProperty("tools").EnumerateArray().Select(t => t.GetProperty("function")).Single(f => f.GetProperty("name").GetString() == "GetWeather");
            Assert.Equal("Weather for a city", function.GetProperty("description").GetString());
            Assert.Equal(WeatherTools.GetWeatherTool.ParametersJsonSchema, function.GetProperty("parameters").GetRawText());
        });
        var tool = bodies[1].GetProperty("messages").EnumerateArray().Single(m => m.GetProperty("role").GetString() == "tool");
        Assert.Equal("""{"City":"Seoul","Degrees":21,"Unit":"Celsius"}""", tool.GetProperty("content").GetString());
    }

    [Fact]
    public async Task Streamed_UseFunctionInvocation_runs_the_call_assembled_from_its_pieces_and_streams_the_answer()
    {
        using var client = FunctionInvoking();
        var calls = WeatherTools.Recorder();
        var text = new StringBuilder();
        var results = new List<FunctionResultContent>();

        await foreach (var update in client.GetStreamingResponseAsync("Seoul", Options()))
        {
            text.Append(update.Text);
            results.AddRange(update.Contents.OfType<FunctionResultContent>());
        }

        Assert.Equal(Answer, text.ToString());
        Assert.Equal(new[] { "Seoul/Celsius" }, calls);
        Assert.Equal("""{"City":"Seoul","Degrees":21,"Unit":"Celsius"}""", Assert.Single(results).Result);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Arguments_that_do_not_fit_go_back_to_the_model_as_our_error_text_and_the_tool_does_not_run(bool streamed)
    {
        Emulator.ScriptedAnswers.EnqueueToolCall("GetWeather", """{"city":"Seoul","unit":"Kelvin"}""");
        using var client = FunctionInvoking();
        var calls = WeatherTools.Recorder();

        string answer;
        if (streamed)
        {
            var text = new StringBuilder();
            await foreach (var update in client.GetStreamingResponseAsync("Seoul", Options()))
            {
                text.Append(update.Text);
            }

            answer = text.ToString();
        }
        else
        {
            answer = (await client.GetResponseAsync("Seoul", Options())).Text;
        }

        Assert.Empty(calls);
        Assert.Equal("Tool said: The arguments of 'GetWeather' do not fit its parameters at $.unit: 'Kelvin' is not a ClovaCodegen.Extensions.AI.Tests.Unit; expected one of Celsius, Fahrenheit. Call it again with arguments that match its JSON Schema.", answer);
    }

    [Fact]
    public void The_function_is_the_tool_its_name_description_and_generated_schema_parsed_once()
    {
        var functions = WeatherTools.All.AsAIFunctions();

        Assert.Equal(new[] { "GetWeather", "Greet" }, functions.Select(f => f.Name));
        var weather = Assert.IsAssignableFrom<AIFunction>(functions[0]);
        Assert.Equal("Weather for a city", weather.Description);
        Assert.Equal(WeatherTools.GetWeatherTool.ParametersJsonSchema, weather.JsonSchema.GetRawText());
        Assert.Null(weather.UnderlyingMethod);
        Assert.Same(WeatherTools.GetWeatherTool, weather.GetService<ClovaTool>());
        Assert.Same(weather, WeatherTools.GetWeatherTool.AsAIFunction());
        Assert.Same(weather, WeatherTools.All.AsAIFunctions()[0]);
    }

    [Fact]
    public async Task Invoked_directly_it_takes_json_and_clr_values_and_returns_the_tools_text()
    {
        var weather = WeatherTools.GetWeatherTool.AsAIFunction();
        var calls = WeatherTools.Recorder();

        var fromJson = await weather.InvokeAsync(new AIFunctionArguments { ["city"] = JsonDocument.Parse("\"부산\"").RootElement.Clone(), ["unit"] = JsonDocument.Parse("\"Fahrenheit\"").RootElement.Clone() });
        var fromValues = await weather.InvokeAsync(new AIFunctionArguments { ["city"] = "Daegu", ["unit"] = Unit.Fahrenheit });
        var greeting = await WeatherTools.GreetTool.AsAIFunction().InvokeAsync(new AIFunctionArguments { ["name"] = "철수" });

        Assert.Equal("""{"City":"부산","Degrees":21,"Unit":"Fahrenheit"}""", fromJson);
        Assert.Equal("""{"City":"Daegu","Degrees":21,"Unit":"Fahrenheit"}""", fromValues);
        Assert.Equal("안녕, 철수", greeting);
        Assert.Equal(new[] { "부산/Fahrenheit", "Daegu/Fahrenheit" }, calls);
    }

    [Fact]
    public async Task Clr_values_of_the_tools_own_parameter_types_are_written_as_its_schema_names_them()
    {
        // Spice's JSON names are [JsonStringEnumMemberName]s; the generated reader takes only those, so a value written by
        // its C# name (or a record through options that know no such names) would come back as a misfit.
        var order = OrderTools.OrderTool.AsAIFunction();

        var result = await order.InvokeAsync(new AIFunctionArguments
        {
            ["spice"] = Spice.ExtraHot,
            ["side"] = new Dish("김치", Spice.Mild),
            ["extras"] = new List<Spice> { Spice.Mild, Spice.ExtraHot },
        });

        Assert.Equal("ExtraHot/김치:Mild/Mild,ExtraHot", result?.ToString());
    }

    [Fact]
    public async Task A_value_the_serializer_options_cannot_write_is_a_clear_exception_naming_the_argument()
    {
        var greet = WeatherTools.GreetTool.AsAIFunction(IntOnlyContext.Default.Options);

        var thrown = await Assert.ThrowsAsync<ArgumentException>(async () => await greet.InvokeAsync(new AIFunctionArguments { ["name"] = new Forecast("Seoul", 1, Unit.Celsius) }));

        Assert.Contains("The argument 'name' of tool 'Greet' is a ClovaCodegen.Extensions.AI.Tests.Forecast", thrown.Message, StringComparison.Ordinal);
        Assert.IsType<NotSupportedException>(thrown.InnerException);
        Assert.Same(IntOnlyContext.Default.Options, greet.JsonSerializerOptions);
    }
}
