using System;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using ClovaCodegen.Emulator;
using ClovaCodegen.Requests;
using Xunit;

namespace ClovaCodegen.Testing.Tests;

/// <summary>A queue of answers decided by the test drives an agent loop: tool call, tool result, final text.</summary>
public sealed class ScriptedAnswerTests : IAsyncLifetime
{
    private const string Tools = """[{"type":"function","function":{"name":"get_weather","parameters":{"type":"object","properties":{"city":{"type":"string"}}}}},{"type":"function","function":{"name":"get_time","parameters":{"type":"object"}}}]""";
    private ClovaStudioEmulator _clova = null!;

    public async Task InitializeAsync() => _clova = await ClovaStudioEmulator.StartInMemoryAsync();

    public async Task DisposeAsync() => await _clova.DisposeAsync();

    [Fact]
    public async Task A_scripted_tool_call_then_a_scripted_text_drive_an_agent_loop()
    {
        _clova.ScriptedAnswers.EnqueueToolCall("get_weather", """{"city":"Seoul"}""").EnqueueText("It is sunny in Seoul.");
        using var http = _clova.CreateHttpClient();

        var (_, first) = await Wire.PostAsync(http, "chat/completions", $$"""{"model":"HCX-005","messages":[{"role":"user","content":"Weather?"}],"tools":{{Tools}}}""");
        var choice = first.GetProperty("choices")[0];
        var call = choice.GetProperty("message").GetProperty("tool_calls")[0];
        Assert.Equal("tool_calls", choice.GetProperty("finish_reason").GetString());
        Assert.Equal("get_weather", call.GetProperty("function").GetProperty("name").GetString()); // not the first tool, which the canned answer calls
        Assert.Equal("""{"city":"Seoul"}""", call.GetProperty("function").GetProperty("arguments").GetString());

        var callId = call.GetProperty("id").GetString();
        var (_, second) = await Wire.PostAsync(http, "chat/completions", $$$"""
            {"model":"HCX-005","tools":{{{Tools}}},"messages":[{"role":"user","content":"Weather?"},
             {"role":"assistant","content":"","tool_calls":[{"id":"{{{callId}}}","type":"function","function":{"name":"get_weather","arguments":"{\"city\":\"Seoul\"}"}}]},
             {"role":"tool","tool_call_id":"{{{callId}}}","content":"sunny"}]}
            """);
        Assert.Equal("It is sunny in Seoul.", second.GetProperty("choices")[0].GetProperty("message").GetProperty("content").GetString());
        Assert.Equal(0, _clova.ScriptedAnswers.Count);

        var (_, third) = await Wire.PostAsync(http, "chat/completions", """{"model":"HCX-005","messages":[{"role":"user","content":"again"}]}""");
        Assert.DoesNotContain("sunny", third.GetProperty("choices")[0].GetProperty("message").GetProperty("content").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_scripted_text_streams_word_by_word_to_the_client()
    {
        _clova.ScriptedAnswers.EnqueueText("네, 도와드릴게요 today");
        using var client = _clova.CreateClovaStudioClient();

        var text = "";
        await foreach (var chunk in client.StreamChatAsync(ChatCompletionRequest.Create("HCX-005").User("help").MaxTokens(32).Build()))
        {
            text += chunk.Choices.FirstOrDefault()?.Delta.Content;
        }

        Assert.Equal("네, 도와드릴게요 today", text);
    }

    [Fact]
    public async Task A_rejected_or_faulted_request_does_not_use_up_the_script()
    {
        _clova.ScriptedAnswers.EnqueueText("meant for the good request");
        _clova.Options.FailureStatusCode = 503;
        _clova.Options.FailNextRequests = 1;
        using var http = _clova.CreateHttpClient();

        var (faulted, _) = await Wire.PostAsync(http, "chat/completions", """{"model":"HCX-005","messages":[{"role":"user","content":"a"}]}""");
        var (rejected, _) = await Wire.PostAsync(http, "chat/completions", """{"model":"HCX-005","messages":[{"role":"user","content":"a"}],"logprobs":true}""");
        var (ok, body) = await Wire.PostAsync(http, "chat/completions", """{"model":"HCX-005","messages":[{"role":"user","content":"a"}]}""");

        Assert.Equal((503, 400, 200), (faulted, rejected, ok));
        Assert.Equal("meant for the good request", body.GetProperty("choices")[0].GetProperty("message").GetProperty("content").GetString());
    }

    [Fact]
    public void Tool_call_arguments_must_be_a_json_object()
    {
        Assert.Contains("not JSON", Assert.Throws<ArgumentException>(() => ScriptedAnswer.ToolCall("f", "{city: Seoul}")).Message, StringComparison.Ordinal);
        Assert.Contains("Array", Assert.Throws<ArgumentException>(() => ScriptedAnswer.ToolCall("f", "[1]")).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => ScriptedAnswer.ToolCall(" "));
        Assert.Equal(0, _clova.ScriptedAnswers.Count);
    }
}
