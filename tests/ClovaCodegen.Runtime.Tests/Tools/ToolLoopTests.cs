using System;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using ClovaCodegen.Emulator;
using ClovaCodegen.Requests;
using Xunit;

namespace ClovaCodegen.Runtime.Tests.Tools;

/// <summary>
/// Issue 20: a tool round trip through the builder, the emulator, the generated dispatcher and the client's tool loop:
/// request, the model's call (arguments generated from the tool's schema), the result appended, the final answer;
/// whole and streamed; bounded rounds, misfit arguments answered, cancellation reaching the tool.
/// </summary>
public sealed class ToolLoopTests
{
    private static ClovaStudioClient Client(ClovaStudioEmulator emulator) =>
        new(new ClovaStudioClientOptions { ApiKey = ClovaStudioEmulator.TestApiKey, Endpoint = emulator.BaseUrl, MaxRetries = 0 }, new HttpClient(emulator.CreateHandler()));

    private static ChatCompletionRequest Ask() =>
        ChatCompletionRequest.Create("HCX-005").User("Seoul").AddTools(LoopTools.All).MaxTokens(100).Build();

    [Fact]
    public async Task The_loop_runs_the_models_call_through_the_generated_dispatcher_and_returns_the_final_answer()
    {
        await using var emulator = await ClovaStudioEmulator.StartInMemoryAsync();
        using var client = Client(emulator);
        var calls = LoopTools.Recorder();

        var answer = await client.CompleteChatWithToolsAsync(Ask(), LoopTools.All);

        Assert.Equal("""Tool said: {"City":"Seoul","Degrees":21,"Unit":"Celsius"}""", answer.Choices[0].Message.Content);
        Assert.Equal(new[] { "Seoul/Celsius" }, calls);
        var sent = emulator.Requests.Where(r => r.Endpoint == "chat.completions").ToList();
        Assert.Equal(2, sent.Count);
        Assert.All(sent, r => Assert.True(r.SpecAccepted, string.Join("; ", r.Problems)));
        var second = sent[1].Json!.Value;
        Assert.Equal(100, second.GetProperty("max_tokens").GetInt32());
        Assert.Equal("GetWeather", second.GetProperty("tools")[0].GetProperty("function").GetProperty("name").GetString());
        var messages = second.GetProperty("messages");
        Assert.Equal(new[] { "user", "assistant", "tool" }, messages.EnumerateArray().Select(m => m.GetProperty("role").GetString()));
        var call = messages[1].GetProperty("tool_calls")[0];
        Assert.Equal("", messages[1].GetProperty("content").GetString());
        Assert.Equal("""{"city":"Seoul","unit":"Celsius"}""", call.GetProperty("function").GetProperty("arguments").GetString());
        Assert.Equal(call.GetProperty("id").GetString(), messages[2].GetProperty("tool_call_id").GetString());
    }

    [Fact]
    public async Task The_streamed_loop_assembles_the_call_from_its_pieces_and_streams_the_final_answer()
    {
        await using var emulator = await ClovaStudioEmulator.StartInMemoryAsync();
        using var client = Client(emulator);
        var calls = LoopTools.Recorder();
        var text = new StringBuilder();
        var finishReasons = new System.Collections.Generic.List<string>();

        await foreach (var chunk in client.StreamChatWithToolsAsync(Ask(), LoopTools.All))
        {
            if (chunk.Choices.Count > 0)
            {
                text.Append(chunk.Choices[0].Delta.Content);
                if (chunk.Choices[0].FinishReason is { } reason)
                {
                    finishReasons.Add(reason);
                }
            }
        }

        Assert.Equal("""Tool said: {"City":"Seoul","Degrees":21,"Unit":"Celsius"}""", text.ToString());
        Assert.Equal(new[] { "tool_calls", "stop" }, finishReasons);
        // The emulator records a streamed request once its stream is over, which may come after the client has read it
        // all, so this test asserts on what the tool and the answer saw, never on the recording.
        Assert.Equal(new[] { "Seoul/Celsius" }, calls);
    }

    [Fact]
    public async Task Arguments_that_do_not_fit_go_back_to_the_model_as_an_error_and_the_loop_goes_on()
    {
        await using var emulator = await ClovaStudioEmulator.StartInMemoryAsync();
        emulator.ScriptedAnswers.EnqueueToolCall("GetWeather", """{"town":"Seoul"}""");
        using var client = Client(emulator);
        var calls = LoopTools.Recorder();

        var answer = await client.CompleteChatWithToolsAsync(Ask(), LoopTools.All);

        Assert.Empty(calls);
        Assert.Equal("Tool said: The arguments of 'GetWeather' do not fit its parameters: Required property 'city' is missing. Call it again with arguments that match its JSON Schema.", answer.Choices[0].Message.Content);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_model_that_keeps_calling_tools_ends_in_a_clear_exception_after_max_rounds(bool streamed)
    {
        await using var emulator = await ClovaStudioEmulator.StartInMemoryAsync();
        emulator.ScriptedAnswers.EnqueueToolCall("GetWeather", """{"city":"A"}""").EnqueueToolCall("GetWeather", """{"city":"B"}""").EnqueueToolCall("GetWeather", """{"city":"C"}""");
        using var client = Client(emulator);
        var calls = LoopTools.Recorder();

        var thrown = await Assert.ThrowsAsync<ClovaToolLoopException>(async () =>
        {
            if (streamed)
            {
                await foreach (var _ in client.StreamChatWithToolsAsync(Ask(), LoopTools.All, maxRounds: 2))
                {
                }
            }
            else
            {
                await client.CompleteChatWithToolsAsync(Ask(), LoopTools.All, maxRounds: 2);
            }
        });

        Assert.Equal(2, thrown.Rounds);
        Assert.Contains("(GetWeather) after 2 request(s)", thrown.Message, StringComparison.Ordinal);
        Assert.Equal(new[] { "A/Celsius" }, calls);
        Assert.Equal(1, emulator.ScriptedAnswers.Count); // two requests took an answer each; the third was never sent
        Assert.Equal(streamed, thrown.LastCompletion is null);
    }

    [Fact]
    public async Task Cancellation_reaches_the_tool_and_no_further_request_is_sent()
    {
        await using var emulator = await ClovaStudioEmulator.StartInMemoryAsync();
        using var client = Client(emulator);
        using var cancellation = new CancellationTokenSource();
        var calls = LoopTools.Recorder(onCall: cancellation.Cancel);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.CompleteChatWithToolsAsync(Ask(), LoopTools.All, cancellationToken: cancellation.Token));

        Assert.Equal(new[] { "Seoul/Celsius" }, calls);
        Assert.Equal(1, emulator.Requests.Count(r => r.Endpoint == "chat.completions"));
    }

    [Fact]
    public async Task Max_rounds_below_one_is_refused()
    {
        using var client = new ClovaStudioClient(new ClovaStudioClientOptions { ApiKey = "nv-fake-key", Endpoint = new Uri("http://127.0.0.1:9/v1/openai/") });

        var thrown = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => client.CompleteChatWithToolsAsync(Ask(), LoopTools.All, maxRounds: 0));
        Assert.Equal("maxRounds", thrown.ParamName);
    }
}
