using Xunit;

namespace ClovaCodegen.Runtime.Tests.Tools;

/// <summary>The per-thread writer that generated tools write their results with: reused, never shared by two open values.</summary>
public sealed class ToolJsonWriterTests
{
    [Fact]
    public void Each_value_is_its_own_text_after_the_writer_is_reused()
    {
        var first = ClovaToolJsonWriter.Start();
        first.Json.WriteStartObject();
        first.Json.WriteString("city", "서울특별시");
        first.Json.WriteEndObject();
        Assert.Equal("""{"city":"서울특별시"}""", first.Finish());

        var second = ClovaToolJsonWriter.Start();
        second.Json.WriteNumberValue(1);

        Assert.Same(first, second);
        Assert.Equal("1", second.Finish());
    }

    [Fact]
    public void A_value_started_while_another_is_open_gets_its_own_writer()
    {
        var outer = ClovaToolJsonWriter.Start();
        outer.Json.WriteStartArray();
        var inner = ClovaToolJsonWriter.Start();
        inner.Json.WriteStringValue("inner");

        Assert.NotSame(outer, inner);
        Assert.Equal("\"inner\"", inner.Finish());
        outer.Json.WriteStringValue("outer");
        outer.Json.WriteEndArray();
        Assert.Equal("""["outer"]""", outer.Finish());
    }

    [Fact]
    public void A_value_past_the_kept_size_is_written_whole_and_its_buffer_is_not_kept()
    {
        var big = ClovaToolJsonWriter.Start();
        big.Json.WriteStringValue(new string('가', 30_000)); // 90,000 bytes of UTF-8

        Assert.Equal(30_002, big.Finish().Length);
        Assert.NotSame(big, ClovaToolJsonWriter.Start());
    }
}
