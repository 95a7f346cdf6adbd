using System;
using System.Linq;
using System.Text;
using System.Text.Json;
using Xunit;

namespace ClovaCodegen.Runtime.Tests;

/// <summary>The streaming hot path's hand-written chunk reader reads what the generic deserializer reads.</summary>
public sealed class ChunkReaderTests
{
    public static TheoryData<string> Chunks() => new()
    {
        """{"id":"chatcmpl-1","object":"chat.completion.chunk","created":1764000000,"model":"HCX-005","choices":[{"index":0,"delta":{"role":"assistant","content":"안녕"},"finish_reason":null}]}""",
        """{"id":"chatcmpl-1","choices":[{"index":0,"delta":{},"finish_reason":"stop"}],"usage":{"prompt_tokens":3,"completion_tokens":4,"total_tokens":7}}""",
        """{"id":"c\u0041","model":null,"choices":[{"index":0,"delta":{"content":"a \"quoted\" \\ line\nnext"},"logprobs":null,"finish_reason":null}],"extra":{"nested":[1,2,{"x":null}]}}""",
        """{"id":"chatcmpl-2","choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"id":"call_1","type":"function","function":{"name":"f","arguments":"{\"a\""}}]},"finish_reason":null}]}""",
        """{"id":"chatcmpl-3","choices":[{"index":0,"delta":{"content":"x"}},{"index":1,"delta":{"content":"y"}}]}""",
        """{"id":"chatcmpl-4","choices":[],"usage":null}""",
    };

    [Theory]
    [MemberData(nameof(Chunks))]
    public void Reads_what_the_deserializer_reads(string json)
    {
        var expected = JsonSerializer.Deserialize(json, ClovaResponseJsonContext.Default.ClovaChatCompletionChunk)!;

        var actual = new ChunkReader().Read(Encoding.UTF8.GetBytes(json));

        Assert.Equal(JsonSerializer.Serialize(expected, ClovaResponseJsonContext.Default.ClovaChatCompletionChunk), JsonSerializer.Serialize(actual, ClovaResponseJsonContext.Default.ClovaChatCompletionChunk));
    }

    [Fact]
    public void A_null_delta_reads_as_an_empty_one_so_callers_need_no_null_check()
    {
        var chunk = new ChunkReader().Read("""{"id":"chatcmpl-5","choices":[{"index":0,"delta":null}]}"""u8);

        Assert.Null(chunk.Choices[0].Delta.Content);
    }

    [Fact]
    public void Reuses_the_previous_id_and_model_strings_but_not_after_a_change()
    {
        var reader = new ChunkReader();
        var first = reader.Read("""{"id":"chatcmpl-1","model":"HCX-005","choices":[]}"""u8);
        var second = reader.Read("""{"id":"chatcmpl-1","model":"HCX-005","choices":[]}"""u8);
        var third = reader.Read("""{"id":"chatcmpl-2","model":"HCX-005","choices":[]}"""u8);

        Assert.Same(first.Id, second.Id);
        Assert.Same(first.Model, second.Model);
        Assert.Equal("chatcmpl-2", third.Id);
    }

    [Theory]
    [InlineData("""{"id":"x","choices":[{"index":"zero"}]}""")]
    [InlineData("""{"id":"x","choices":{}}""")]
    [InlineData("""{"id":"x","choices":[{"index":0,"delta":{"content":1}}]}""")]
    [InlineData("""{"id":"x","choices":[""")]
    [InlineData("""[1,2]""")]
    [InlineData("""{"id":"x"} trailing""")]
    public void Malformed_chunks_throw_JsonException(string json)
    {
        Assert.ThrowsAny<JsonException>(() => new ChunkReader().Read(Encoding.UTF8.GetBytes(json)));
    }

    [Fact]
    public void Done_is_recognised_from_bytes_with_surrounding_whitespace()
    {
        var reader = new ChunkReader();

        var done = ClovaStudioClient.ParseChunk(reader, " [DONE]\r\n"u8);
        var notDone = ClovaStudioClient.ParseChunk(reader, """{"id":"[DONE]","choices":[]}"""u8);

        Assert.NotNull(done);
        Assert.Empty(done!.Choices);
        Assert.Equal("[DONE]", notDone!.Id);
        Assert.NotSame(done, notDone);
    }
}
