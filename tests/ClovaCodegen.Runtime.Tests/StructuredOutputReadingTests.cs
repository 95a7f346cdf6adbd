using System;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Json;
using Xunit;

namespace ClovaCodegen.Runtime.Tests;

/// <summary>
/// The shortcuts generated structured-output readers take (issue 20's reading benchmark) against the full parsers they
/// stand in for: short decimals against <c>Utf8JsonReader.TryGetDouble</c>, escaped strings against <c>GetString</c>,
/// the pooled element buffer against a plain list.
/// </summary>
public sealed class StructuredOutputReadingTests
{
    public static TheoryData<string> EdgeNumbers => new()
    {
        "0", "-0", "0.0", "-0.0", "1", "-1", "3501.5", "0.1", "0.3", "-12.25", "999999999999999", "99999999999999.9",
        "0.000000000000001", "123456789012345", "9007199254740993", "1234567890123456", "0.30000000000000004",
        "1e3", "1E-7", "-2.5e+10", "12345678901234567890", "1.7976931348623157e308", "5e-324",
    };

    [Theory]
    [MemberData(nameof(EdgeNumbers))]
    public void A_number_reads_as_the_full_parser_reads_it(string json) => AssertReadsAsFullParser(json);

    [Fact]
    public void Random_short_decimals_read_as_the_full_parser_reads_them()
    {
        var random = new Random(20);
        for (var i = 0; i < 20_000; i++)
        {
            var integer = random.NextInt64(0, (long)Math.Pow(10, random.Next(1, 16)));
            var text = integer.ToString(CultureInfo.InvariantCulture);
            var point = random.Next(0, text.Length + 1);
            var json = (random.Next(2) == 0 ? "-" : "") + (point == 0 ? text : point == text.Length ? text : text.Substring(0, point) + "." + text.Substring(point));
            AssertReadsAsFullParser(json);
        }
    }

    [Fact]
    public void The_shortcut_takes_short_decimals_and_leaves_exponents_and_long_digit_runs_to_the_full_parser()
    {
        Assert.True(ClovaStructuredOutputReading.TryReadShortDecimal("3501.5"u8, out _));
        Assert.True(ClovaStructuredOutputReading.TryReadShortDecimal("-999999999999999"u8, out _));
        Assert.False(ClovaStructuredOutputReading.TryReadShortDecimal("1234567890123456"u8, out _));
        Assert.False(ClovaStructuredOutputReading.TryReadShortDecimal("1e3"u8, out _));
        Assert.False(ClovaStructuredOutputReading.TryReadShortDecimal("-"u8, out _));
    }

    public static TheoryData<string> EscapedStrings => new()
    {
        """ "\uAE40\uBC25\uCC9C\uAD6D \uAC15\uB0A8\uC810" """,
        """ "\"quoted\" back\\slash \/ \b\f\n\r\t" """,
        """ "raw 김밥 then \uAE40\uBC25 then raw 라면" """,
        """ "emoji \uD83D\uDE00 and \ud83d\ude00 lower-case hex" """,
        """ "\u0000\u001F\u007F\u00e9\uFFFF" """,
        """ "ends with an escape\n" """,
        " \"" + string.Concat(Enumerable.Repeat("\\uAC00 김 ", 60)) + "\" ",
    };

    [Theory]
    [MemberData(nameof(EscapedStrings))]
    public void An_escaped_string_reads_as_GetString_reads_it(string json) => AssertReadsAsGetString(json, escaped: true);

    public static TheoryData<string> PlainStrings => new()
    {
        "\"\"",
        "\"GS25\"",
        "\"김밥천국 강남점\"",
        "\"emoji 😀 raw\"",
        "\"" + string.Concat(Enumerable.Repeat("김밥 a ", 60)) + "\"",
    };

    [Theory]
    [MemberData(nameof(PlainStrings))]
    public void A_string_without_escapes_reads_as_GetString_reads_it(string json) => AssertReadsAsGetString(json, escaped: false);

    [Theory]
    [InlineData(1)]
    [InlineData(300)]
    public void Invalid_UTF8_without_escapes_throws_as_GetString_does(int length)
    {
        var utf8 = Encoding.UTF8.GetBytes("\"" + new string('a', length) + "\"");
        utf8[1] = 0xC3;

        Assert.Throws<InvalidOperationException>(() => GetString(utf8));
        Assert.Throws<InvalidOperationException>(() => ReadString(utf8));
    }

    [Theory]
    [InlineData(""" "\uD800" """)]
    [InlineData(""" "\uDC00" """)]
    [InlineData(""" "\uD800x" """)]
    [InlineData(""" "\uD800\n" """)]
    [InlineData(""" "\uD800\u0041" """)]
    public void An_unpaired_surrogate_escape_throws_as_GetString_does(string json)
    {
        var utf8 = Encoding.UTF8.GetBytes(json);
        Assert.Throws<InvalidOperationException>(() => GetString(utf8));
        Assert.Throws<InvalidOperationException>(() => ReadString(utf8));
    }

    [Fact]
    public void Invalid_UTF8_beside_an_escape_throws_as_GetString_does()
    {
        byte[] utf8 = [(byte)'"', 0xC3, (byte)'\\', (byte)'n', (byte)'"'];
        Assert.Throws<InvalidOperationException>(() => GetString(utf8));
        Assert.Throws<InvalidOperationException>(() => ReadString(utf8));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(16)]
    [InlineData(17)]
    [InlineData(100)]
    public void Pooled_items_come_back_as_a_list_or_array_of_exactly_what_was_added(int count)
    {
        var forList = new ClovaStructuredOutputItems<string>();
        var forArray = new ClovaStructuredOutputItems<string>();
        for (var i = 0; i < count; i++)
        {
            Assert.Equal(i, forList.Count);
            forList.Add("item " + i);
            forArray.Add("item " + i);
        }

        var expected = Enumerable.Range(0, count).Select(i => "item " + i).ToArray();
        var list = forList.ToList();
        Assert.Equal(expected, list);
        Assert.Equal(count, list.Capacity);
        Assert.Equal(expected, forArray.ToArray());
    }

    private static void AssertReadsAsGetString(string json, bool escaped)
    {
        var utf8 = Encoding.UTF8.GetBytes(json);
        var reader = new Utf8JsonReader(utf8);
        reader.Read();

        Assert.Equal(escaped, reader.ValueIsEscaped);
        Assert.Equal(GetString(utf8), ReadString(utf8));
    }

    private static string? GetString(byte[] utf8)
    {
        var reader = new Utf8JsonReader(utf8);
        reader.Read();
        return reader.GetString();
    }

    private static string ReadString(byte[] utf8)
    {
        var reader = new Utf8JsonReader(utf8);
        reader.Read();
        return ClovaStructuredOutputReading.ReadString(ref reader);
    }

    private static void AssertReadsAsFullParser(string json)
    {
        var utf8 = Encoding.UTF8.GetBytes(json);
        var expected = new Utf8JsonReader(utf8);
        expected.Read();
        var reader = new Utf8JsonReader(utf8);
        reader.Read();

        var (full, read) = (expected.GetDouble(), ClovaStructuredOutputReading.ReadDouble(ref reader));

        // Bit for bit, so -0 stays negative zero.
        Assert.True(BitConverter.DoubleToInt64Bits(full) == BitConverter.DoubleToInt64Bits(read), string.Create(CultureInfo.InvariantCulture, $"{json}: {read:R}, the full parser {full:R}"));
    }
}
