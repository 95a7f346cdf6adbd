using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using ClovaCodegen.Emulator;
using ClovaCodegen.Requests;
using Xunit;

namespace ClovaCodegen.Runtime.Tests;

/// <summary>
/// Issue 17, §2: the core of every tool-calling loop. A response's tool calls go back as the next request's assistant
/// message (<c>ClovaChatMessage.Assistant(completion)</c>), followed by the tool's result, and the model answers from it.
/// </summary>
public sealed class ToolCallRoundTripTests
{
    private const string WeatherSchema = """{"type":"object","properties":{"city":{"type":"string"}},"required":["city"]}""";

    [Fact]
    public async Task A_tool_call_goes_back_as_the_assistant_message_and_its_result_is_answered()
    {
        await using var emulator = await ClovaStudioEmulator.StartInMemoryAsync();
        emulator.ScriptedAnswers.EnqueueToolCall("get_weather", """{"city":"Seoul"}""");
        using var client = new ClovaStudioClient(new ClovaStudioClientOptions { ApiKey = ClovaStudioEmulator.TestApiKey, Endpoint = emulator.BaseUrl, MaxRetries = 0 }, new HttpClient(emulator.CreateHandler()));

        var ask = ChatCompletionRequest.Create("HCX-005").User("What is the weather in Seoul?").AddFunctionTool("get_weather", "Weather for a city", WeatherSchema).MaxTokens(100);
        var completion = await client.CompleteChatAsync(ask.Build());
        Assert.Equal("tool_calls", completion.Choices[0].FinishReason);
        ClovaChatToolCall call = Assert.Single(completion.Choices[0].Message.ToolCalls!);
        Assert.Equal("get_weather", call.FunctionName);
        Assert.Equal("Seoul", JsonDocument.Parse(call.Arguments).RootElement.GetProperty("city").GetString());

        var answer = await client.CompleteChatAsync(ask.Message(ClovaChatMessage.Assistant(completion)).Message(ClovaChatMessage.Tool(call, """{"celsius":21}""")).Build());

        Assert.Equal("""Tool said: {"celsius":21}""", answer.Choices[0].Message.Content);
        var sent = emulator.Requests.Last();
        Assert.True(sent.SpecAccepted, string.Join("; ", sent.Problems));
        var messages = sent.Json!.Value.GetProperty("messages");
        var assistant = messages[1];
        Assert.Equal("assistant", assistant.GetProperty("role").GetString());
        Assert.Equal(JsonValueKind.String, assistant.GetProperty("content").ValueKind);
        var echoed = assistant.GetProperty("tool_calls")[0];
        Assert.Equal(call.Id, echoed.GetProperty("id").GetString());
        Assert.Equal("function", echoed.GetProperty("type").GetString());
        Assert.Equal("get_weather", echoed.GetProperty("function").GetProperty("name").GetString());
        Assert.Equal("""{"city":"Seoul"}""", echoed.GetProperty("function").GetProperty("arguments").GetString());
        Assert.Equal(call.Id, messages[2].GetProperty("tool_call_id").GetString());
    }

    [Fact]
    public void A_completion_without_choices_is_refused_with_a_clear_exception()
    {
        var empty = new ClovaChatCompletion();

        var thrown = Assert.Throws<System.ArgumentException>(() => ClovaChatMessage.Assistant(empty));
        Assert.Equal("completion", thrown.ParamName);
    }
}
