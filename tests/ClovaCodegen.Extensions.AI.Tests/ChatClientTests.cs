using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using ClovaCodegen.Emulator;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Xunit;

namespace ClovaCodegen.Extensions.AI.Tests;

/// <summary>ClovaChatClient against the emulator on 127.0.0.1, with every request body captured on its way out.</summary>
public sealed class ChatClientTests : EmulatorClientTests
{
    private ClovaChatClient Chat(ClovaCompatibilityMode mode = ClovaCompatibilityMode.Strict, ILogger? logger = null) => new(Client, "HCX-005", mode, logger);

    [Fact]
    public async Task A_chat_maps_text_id_model_created_finish_reason_and_usage()
    {
        var before = DateTimeOffset.UtcNow.AddSeconds(-5);

        var response = await Chat().GetResponseAsync("안녕하세요 MEAI", new ChatOptions { MaxOutputTokens = 100 });

        Assert.Equal("Echo: 안녕하세요 MEAI", response.Text);
        Assert.Equal(ChatRole.Assistant, response.Messages.Single().Role);
        Assert.StartsWith("chatcmpl-emu-", response.ResponseId);
        Assert.Equal("HCX-005", response.ModelId);
        Assert.Equal(ChatFinishReason.Stop, response.FinishReason);
        Assert.InRange(response.CreatedAt!.Value, before, DateTimeOffset.UtcNow.AddSeconds(5));
        Assert.Equal("안녕하세요 MEAI".Length, response.Usage!.InputTokenCount);
        Assert.Equal(response.Text.Length, response.Usage.OutputTokenCount);
        Assert.Equal(response.Usage.InputTokenCount + response.Usage.OutputTokenCount, response.Usage.TotalTokenCount);
        Assert.IsType<ClovaChatCompletion>(response.RawRepresentation);
    }

    [Fact]
    public async Task Streaming_text_equals_the_whole_answer_and_ends_with_a_finish_reason()
    {
        var chat = Chat();
        var whole = await chat.GetResponseAsync("one two three four");
        var updates = new List<ChatResponseUpdate>();

        await foreach (var update in chat.GetStreamingResponseAsync("one two three four"))
        {
            updates.Add(update);
        }

        Assert.True(updates.Count > 3);
        Assert.Equal(whole.Text, string.Concat(updates.Select(u => u.Text)));
        Assert.All(updates, u => Assert.Equal(ChatRole.Assistant, u.Role));
        Assert.All(updates, u => Assert.Equal("HCX-005", u.ModelId));
        Assert.Equal(ChatFinishReason.Stop, updates[^1].FinishReason);
        Assert.Equal(whole.Text, updates.ToChatResponse().Text);
        Assert.True(Wire.LastBody.GetProperty("stream").GetBoolean());
    }

    [Fact]
    public async Task A_cut_stream_throws_after_the_chunks_that_arrived()
    {
        Emulator.Options.CutStreamAfterChunks = 2;
        var received = new List<string>();

        var error = await Assert.ThrowsAsync<ClovaStudioException>(async () =>
        {
            await foreach (var update in Chat().GetStreamingResponseAsync("one two three four"))
            {
                received.Add(update.Text);
            }
        });

        Assert.Equal("stream_ended_early", error.ErrorCode);
        Assert.Equal(2, received.Count);
    }

    [Fact]
    public async Task TopK_and_repetition_penalty_reach_the_wire_under_their_snake_case_names()
    {
        var options = new ChatOptions
        {
            TopK = 20,
            MaxOutputTokens = 256,
            Temperature = 0.5f,
            TopP = 0.8f,
            Seed = 7,
            FrequencyPenalty = 0.1f,
            PresencePenalty = 0.2f,
            StopSequences = new List<string> { "###" },
            AdditionalProperties = new AdditionalPropertiesDictionary { ["repetition_penalty"] = 1.1, ["repeat_penalty"] = 5 },
        };

        var response = await Chat().GetResponseAsync("hi", options);

        Assert.Equal("Echo: hi", response.Text);
        var body = Wire.LastBody;
        Assert.Equal(20, body.GetProperty("top_k").GetInt32());
        Assert.Equal(1.1, body.GetProperty("repetition_penalty").GetDouble());
        Assert.Equal(5, body.GetProperty("repeat_penalty").GetInt32());
        Assert.Equal(256, body.GetProperty("max_tokens").GetInt32());
        Assert.Equal(0.5, body.GetProperty("temperature").GetDouble(), 5);
        Assert.Equal(0.8, body.GetProperty("top_p").GetDouble(), 5);
        Assert.Equal(7, body.GetProperty("seed").GetInt64());
        Assert.Equal(0.1, body.GetProperty("frequency_penalty").GetDouble(), 5);
        Assert.Equal(0.2, body.GetProperty("presence_penalty").GetDouble(), 5);
        Assert.Equal("###", body.GetProperty("stop")[0].GetString());
        Assert.Equal("HCX-005", body.GetProperty("model").GetString());
        Assert.False(body.TryGetProperty("topK", out _));
        Assert.False(body.TryGetProperty("max_completion_tokens", out _));
        Assert.False(body.TryGetProperty("stream", out _));
    }

    [Fact]
    public async Task Float_options_go_out_as_written_not_as_their_widened_binary_value()
    {
        await Chat().GetResponseAsync("hi", new ChatOptions { Temperature = 0.7f, TopP = 0.9f });

        Assert.Equal("0.7", Wire.LastBody.GetProperty("temperature").GetRawText());
        Assert.Equal("0.9", Wire.LastBody.GetProperty("top_p").GetRawText());
    }

    [Fact]
    public async Task A_CLOVA_only_field_that_is_not_a_number_is_refused_and_nothing_is_sent()
    {
        var options = new ChatOptions { AdditionalProperties = new AdditionalPropertiesDictionary { ["top_k"] = "many" } };

        var error = await Assert.ThrowsAsync<ArgumentException>(() => Chat().GetResponseAsync("hi", options));

        Assert.Contains("top_k", error.Message);
        Assert.Empty(Wire.Bodies);
    }

    [Fact]
    public async Task Strict_throws_naming_each_unsupported_option_and_sends_nothing()
    {
        var options = new ChatOptions
        {
            AllowMultipleToolCalls = false,
            Reasoning = new ReasoningOptions { Effort = ReasoningEffort.Low },
            AdditionalProperties = new AdditionalPropertiesDictionary { ["user"] = "u1", ["repetitionPenalty"] = 1.1, ["no_such_field"] = 1 },
        };

        var error = await Assert.ThrowsAsync<ClovaCompatibilityException>(() => Chat().GetResponseAsync("hi", options));

        Assert.Equal(new[] { "parallel_tool_calls", "reasoning_effort", "user", "repetitionPenalty", "no_such_field" }, error.Fields);
        Assert.Contains("ChatOptions.AllowMultipleToolCalls", error.Message);
        Assert.Contains("'repetition_penalty'", error.Message); // the native name is told its wire name
        Assert.Empty(Wire.Bodies);

        await Assert.ThrowsAsync<ClovaCompatibilityException>(async () =>
        {
            await foreach (var _ in Chat().GetStreamingResponseAsync("hi", options))
            {
            }
        });
        Assert.Empty(Wire.Bodies);
    }

    [Fact]
    public async Task Lenient_drops_unsupported_options_logs_a_warning_each_and_the_call_works()
    {
        var log = new ListLogger();
        var options = new ChatOptions
        {
            TopK = 3,
            AllowMultipleToolCalls = true,
            AdditionalProperties = new AdditionalPropertiesDictionary { ["user"] = "u1", ["logprobs"] = true, ["repetition_penalty"] = 1.2 },
        };

        var response = await Chat(ClovaCompatibilityMode.Lenient, log).GetResponseAsync("hi", options);

        Assert.Equal("Echo: hi", response.Text); // the emulator would have answered 400 to any unsupported field
        var body = Wire.LastBody;
        Assert.False(body.TryGetProperty("user", out _));
        Assert.False(body.TryGetProperty("logprobs", out _));
        Assert.False(body.TryGetProperty("parallel_tool_calls", out _));
        Assert.Equal(3, body.GetProperty("top_k").GetInt32());
        Assert.Equal(1.2, body.GetProperty("repetition_penalty").GetDouble());
        var warnings = log.Entries.Where(e => e.Level == LogLevel.Warning).Select(e => e.Message).ToList();
        Assert.Equal(3, warnings.Count);
        Assert.Contains(warnings, w => w.Contains("parallel_tool_calls", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.Contains("user", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.Contains("logprobs", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_function_tool_round_trip_maps_calls_and_results_both_ways()
    {
        var weather = AIFunctionFactory.Create((string text) => "sunny in " + text, "get_weather", "Weather for a place");
        var options = new ChatOptions { Tools = new List<AITool> { weather }, ToolMode = ChatToolMode.RequireSpecific("get_weather") };
        var history = new List<ChatMessage> { new(ChatRole.User, "Seoul") };

        var first = await Chat().GetResponseAsync(history, options);

        var sent = Wire.LastBody;
        Assert.Equal("function", sent.GetProperty("tools")[0].GetProperty("type").GetString());
        Assert.Equal("get_weather", sent.GetProperty("tools")[0].GetProperty("function").GetProperty("name").GetString());
        Assert.Equal("object", sent.GetProperty("tools")[0].GetProperty("function").GetProperty("parameters").GetProperty("type").GetString());
        Assert.Equal("get_weather", sent.GetProperty("tool_choice").GetProperty("function").GetProperty("name").GetString());
        Assert.Equal(ChatFinishReason.ToolCalls, first.FinishReason);
        var call = Assert.Single(first.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>());
        Assert.Equal("get_weather", call.Name);
        Assert.Equal("Seoul", ((JsonElement)call.Arguments!["text"]!).GetString());

        history.AddRange(first.Messages);
        history.Add(new ChatMessage(ChatRole.Tool, new List<AIContent> { new FunctionResultContent(call.CallId, "sunny in Seoul") }));
        var second = await Chat().GetResponseAsync(history, options);

        Assert.Equal("Tool said: sunny in Seoul", second.Text);
        var messages = Wire.LastBody.GetProperty("messages");
        Assert.Equal("assistant", messages[1].GetProperty("role").GetString());
        Assert.Equal("", messages[1].GetProperty("content").GetString()); // a string, never null
        Assert.Equal(JsonValueKind.String, messages[1].GetProperty("tool_calls")[0].GetProperty("function").GetProperty("arguments").ValueKind);
        Assert.Equal("tool", messages[2].GetProperty("role").GetString());
        Assert.Equal(call.CallId, messages[2].GetProperty("tool_call_id").GetString());
    }

    [Fact]
    public async Task A_streamed_tool_call_is_assembled_from_its_pieces()
    {
        var options = new ChatOptions { Tools = new List<AITool> { AIFunctionFactory.Create((string text) => text, "echo") }, ToolMode = ChatToolMode.RequireAny };
        var updates = new List<ChatResponseUpdate>();

        await foreach (var update in Chat().GetStreamingResponseAsync("Busan", options))
        {
            updates.Add(update);
        }

        Assert.Equal("required", Wire.LastBody.GetProperty("tool_choice").GetString());
        var call = Assert.Single(updates.SelectMany(u => u.Contents).OfType<FunctionCallContent>());
        Assert.Equal("echo", call.Name);
        Assert.StartsWith("call_emu-", call.CallId);
        Assert.Equal("Busan", ((JsonElement)call.Arguments!["text"]!).GetString());
        Assert.Equal(ChatFinishReason.ToolCalls, updates[^1].FinishReason);
    }

    [Fact]
    public async Task Instructions_and_response_format_are_written_as_CLOVA_expects()
    {
        var schema = JsonDocument.Parse("""{"type":"object","properties":{"answer":{"type":"string"}}}""").RootElement;

        await Chat().GetResponseAsync("hi", new ChatOptions { Instructions = "Be brief.", ResponseFormat = ChatResponseFormat.ForJsonSchema(schema, "reply") });

        var body = Wire.LastBody;
        Assert.Equal("system", body.GetProperty("messages")[0].GetProperty("role").GetString());
        Assert.Equal("Be brief.", body.GetProperty("messages")[0].GetProperty("content").GetString());
        Assert.Equal("json_schema", body.GetProperty("response_format").GetProperty("type").GetString());
        Assert.Equal("reply", body.GetProperty("response_format").GetProperty("json_schema").GetProperty("name").GetString());
        Assert.Equal("object", body.GetProperty("response_format").GetProperty("json_schema").GetProperty("schema").GetProperty("type").GetString());
    }

    [Fact]
    public async Task ModelId_in_options_wins_over_the_default()
    {
        await Chat().GetResponseAsync("hi", new ChatOptions { ModelId = "HCX-007" });

        Assert.Equal("HCX-007", Wire.LastBody.GetProperty("model").GetString());
    }

    [Fact]
    public void GetService_returns_the_metadata_and_the_underlying_client()
    {
        IChatClient chat = Chat();

        var metadata = chat.GetService<ChatClientMetadata>();

        Assert.Equal("clova-studio", metadata!.ProviderName);
        Assert.Equal(Emulator.BaseUrl, metadata.ProviderUri);
        Assert.Equal("HCX-005", metadata.DefaultModelId);
        Assert.Same(Client, chat.GetService<ClovaStudioClient>());
        Assert.Same(chat, chat.GetService<ClovaChatClient>());
        Assert.Null(chat.GetService<ChatClientMetadata>("some key"));
    }

    [Fact]
    public async Task Disposing_the_adapter_or_the_client_leaves_a_caller_owned_HttpClient_usable()
    {
        Chat().Dispose();
        new ClovaStudioClient(new ClovaStudioClientOptions { ApiKey = FakeKey, Endpoint = Emulator.BaseUrl }, Http).Dispose();

        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(Emulator.BaseUrl, "models"));
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", FakeKey);
        using var response = await Http.SendAsync(request);

        Assert.True(response.IsSuccessStatusCode);
    }
}
