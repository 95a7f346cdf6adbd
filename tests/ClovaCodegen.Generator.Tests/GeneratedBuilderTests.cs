using System;
using System.ClientModel.Primitives;
using System.Linq;
using System.Text;
using System.Text.Json;
using ClovaCodegen.Requests;
using OpenAI.Chat;
using Xunit;

namespace ClovaCodegen.Generator.Tests;

/// <summary>The generator ran on this test project with the default spec; these tests use what it produced.</summary>
public class GeneratedBuilderTests
{
    private static ChatCompletionRequestBuilder TypicalChat() =>
        ChatCompletionRequest.Create("HCX-005")
            .System("You are helpful.")
            .User("Hello")
            .Temperature(0.5)
            .TopK(20)
            .MaxTokens(1024);

    [Fact]
    public void Chat_request_serializes_to_the_expected_bytes()
    {
        var json = Encoding.UTF8.GetString(TypicalChat().Build().ToUtf8Json());

        Assert.Equal(
            """{"model":"HCX-005","messages":[{"role":"system","content":"You are helpful."},{"role":"user","content":"Hello"}],"temperature":0.5,"max_tokens":1024,"top_k":20}""",
            json);
    }

    [Fact]
    public void Streaming_sets_stream_and_nothing_else_changes()
    {
        var request = TypicalChat().Build();

        var plain = Encoding.UTF8.GetString(request.ToUtf8Json());
        var streaming = Encoding.UTF8.GetString(request.ToUtf8Json(stream: true));

        Assert.Contains("\"stream\":true", streaming);
        Assert.DoesNotContain("stream_options", streaming);
        Assert.Equal(plain, streaming.Replace(",\"stream\":true", ""));
    }

    [Fact]
    public void Korean_text_is_written_as_raw_utf8_not_escaped()
    {
        var bytes = ChatCompletionRequest.Create("HCX-005").User("인공지능에 대해 설명해 주세요.").Build().ToUtf8Json();

        Assert.Contains("인공지능에 대해 설명해 주세요.", Encoding.UTF8.GetString(bytes));
        Assert.DoesNotContain("\\u", Encoding.UTF8.GetString(bytes));
    }

    [Fact]
    public void Output_is_byte_for_byte_stable_and_matches_the_json_type_info()
    {
        var request = TypicalChat().Stop("\n\n", "END").Seed(7).AddFunctionTool("get_weather", "Weather for a city", """{"type":"object","properties":{"city":{"type":"string"}}}""").Build();

        var first = request.ToUtf8Json();
        var second = request.ToUtf8Json();
        var viaContext = JsonSerializer.SerializeToUtf8Bytes(request, ClovaJsonContext.Default.ChatCompletionRequest);

        Assert.Equal(first, second);
        Assert.Equal(first, viaContext);
        using var document = JsonDocument.Parse(first);
        Assert.Equal("get_weather", document.RootElement.GetProperty("tools")[0].GetProperty("function").GetProperty("name").GetString());
        Assert.Equal(2, document.RootElement.GetProperty("stop").GetArrayLength());
    }

    [Fact]
    public void Unset_optional_fields_are_omitted()
    {
        var json = Encoding.UTF8.GetString(ChatCompletionRequest.Create("HCX-005").User("hi").Build().ToUtf8Json());

        Assert.Equal("""{"model":"HCX-005","messages":[{"role":"user","content":"hi"}]}""", json);
    }

    [Fact]
    public void No_unsupported_field_exists_on_the_generated_types()
    {
        var spec = ClovaCodegen.Spec.SpecReader.ReadDefault().Spec!;
        var unsupported = spec.Endpoints.SelectMany(e => e.Fields).Where(f => !f.IsAccepted).Select(f => OptionFieldName(f.Name)).ToHashSet();
        var members = typeof(ChatCompletionRequest).GetProperties().Select(p => p.Name)
            .Concat(typeof(ChatCompletionRequestBuilder).GetMethods().Select(m => m.Name))
            .Concat(typeof(EmbeddingRequestBuilder).GetMethods().Select(m => m.Name))
            .ToHashSet();

        Assert.NotEmpty(unsupported);
        Assert.DoesNotContain(unsupported, name => members.Contains(name) && name != "User");
        Assert.DoesNotContain("Logprobs", members);
        Assert.DoesNotContain("ParallelToolCalls", members);
        Assert.Contains("TopK", members);
        Assert.Contains("RepetitionPenalty", members);
    }

    [Fact]
    public void A_request_with_every_option_set_sends_only_fields_the_spec_accepts()
    {
        var spec = ClovaCodegen.Spec.SpecReader.ReadDefault().Spec!;
        var chatFields = spec.FindEndpoint(ClovaCodegen.Spec.Model.EndpointSpec.ChatCompletions)!.Fields;
        var accepted = chatFields.Where(f => f.IsAccepted).Select(f => f.Name).ToHashSet();
        var rejected = chatFields.Where(f => !f.IsAccepted).Select(f => f.Name).ToHashSet();
        var request = ChatCompletionRequest.Create("HCX-005")
            .System("s").User("u").Assistant("a").Tool("call_1", "{}")
            .AddFunctionTool("f", "d", """{"type":"object"}""").ToolChoice("auto")
            .Temperature(0.5).MaxTokens(10).MaxCompletionTokens(10).TopP(0.5).Stop("x").Seed(1).FrequencyPenalty(0.1).PresencePenalty(0.1)
            .ResponseFormat("""{"type":"json_object"}""").TopK(3).RepeatPenalty(1.1).RepetitionPenalty(1.1)
            .Build();

        using var document = JsonDocument.Parse(request.ToUtf8Json(stream: true));
        var sent = document.RootElement.EnumerateObject().Select(p => p.Name).ToList();

        Assert.NotEmpty(rejected);
        Assert.Equal(sent.Count, sent.Distinct().Count());
        Assert.All(sent, name => Assert.True(accepted.Contains(name), $"\"{name}\" is on the wire but the spec does not accept it"));
        Assert.Contains("top_k", sent);
        Assert.Contains("tools", sent);
        Assert.Contains("stream", sent);
        // The messages' own keys are the chat message shape, nothing from the rejected request fields.
        var messageKeys = document.RootElement.GetProperty("messages").EnumerateArray().SelectMany(m => m.EnumerateObject().Select(p => p.Name)).Distinct().ToList();
        Assert.Empty(messageKeys.Except(new[] { "role", "content", "tool_call_id", "tool_calls", "name" }));
    }

    [Theory]
    [InlineData(129)]
    [InlineData(-1)]
    public void Build_rejects_top_k_outside_its_documented_range(int topK)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => ChatCompletionRequest.Create("HCX-005").User("hi").TopK(topK).Build());

        Assert.Equal("top_k", error.ParamName);
        Assert.Contains("[0, 128]", error.Message);
    }

    [Fact]
    public void Build_rejects_repetition_penalty_at_its_exclusive_minimum_and_accepts_its_maximum()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => ChatCompletionRequest.Create("HCX-005").User("hi").RepetitionPenalty(0).Build());
        Assert.Equal("repetition_penalty", error.ParamName);
        Assert.Contains("(0, 2]", error.Message);

        Assert.Equal(2.0, ChatCompletionRequest.Create("HCX-005").User("hi").RepetitionPenalty(2).Build().RepetitionPenalty);
    }

    [Fact]
    public void Build_rejects_a_tool_choice_outside_its_allowed_values_and_missing_messages()
    {
        var choice = Assert.Throws<ArgumentException>(() => ChatCompletionRequest.Create("HCX-005").User("hi").ToolChoice("sometimes").Build());
        Assert.Equal("tool_choice", choice.ParamName);

        var empty = Assert.Throws<ArgumentException>(() => ChatCompletionRequest.Create("HCX-005").Build());
        Assert.Equal("messages", empty.ParamName);
    }

    [Fact]
    public void Embeddings_always_carry_encoding_format_float()
    {
        var single = Encoding.UTF8.GetString(EmbeddingRequest.Create("bge-m3").Input("클로바").Build().ToUtf8Json());
        var many = Encoding.UTF8.GetString(EmbeddingRequest.Create("bge-m3").Inputs(new[] { "a", "b" }).Build().ToUtf8Json());

        Assert.Equal("""{"model":"bge-m3","input":"클로바","encoding_format":"float"}""", single);
        Assert.Equal("""{"model":"bge-m3","input":["a","b"],"encoding_format":"float"}""", many);
        // Through JsonSerializer the caller's options decide escaping; the bytes are otherwise the fast path's.
        var ascii = EmbeddingRequest.Create("bge-m3").Input("hello").Build();
        Assert.Equal(ascii.ToUtf8Json(), JsonSerializer.SerializeToUtf8Bytes(ascii, ClovaJsonContext.Default.EmbeddingRequest));
    }

    [Fact]
    public void Generated_requests_implement_the_runtime_contracts()
    {
        Assert.IsAssignableFrom<ClovaCodegen.IClovaChatCompletionRequest>(TypicalChat().Build());
        Assert.IsAssignableFrom<ClovaCodegen.IClovaEmbeddingRequest>(EmbeddingRequest.Create("bge-m3").Input("x").Build());
    }

    [Fact]
    public void OpenAI_bridge_sets_clova_only_fields_through_patch_and_validates_them()
    {
        var options = new ChatCompletionOptions { MaxOutputTokenCount = 100 }.SetTopK(20).SetRepetitionPenalty(1.1);

        var json = ModelReaderWriter.Write(options, ModelReaderWriterOptions.Json, OpenAI.OpenAIContext.Default).ToString();

        Assert.Contains("\"top_k\":20", json);
        Assert.Contains("\"repetition_penalty\":1.1", json);
        Assert.Throws<ArgumentOutOfRangeException>(() => new ChatCompletionOptions().SetTopK(500));
    }

    private static string OptionFieldName(string wire) =>
        string.Concat(wire.Split('_').Select(part => char.ToUpperInvariant(part[0]) + part.Substring(1)));
}
