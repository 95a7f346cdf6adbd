using System;
using System.ComponentModel;
using System.Text.Json;

namespace ClovaCodegen;

/// <summary>
/// The token checks generated structured-output readers share: each reads one scalar after checking its token, and
/// throws a <see cref="JsonException"/> that says what was expected and what came. Not for direct use.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ClovaStructuredOutputReading
{
    // Exact doubles: every power of ten up to 10^22 is.
    private static readonly double[] PowersOfTen = { 1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15 };

    /// <summary>Throws unless the reader is on <paramref name="token"/>.</summary>
    public static void Expect(ref Utf8JsonReader reader, JsonTokenType token, string expected)
    {
        if (reader.TokenType != token)
        {
            throw Unexpected(ref reader, expected);
        }
    }

    /// <summary>An exception saying what was expected and which token came instead.</summary>
    public static JsonException Unexpected(ref Utf8JsonReader reader, string expected) =>
        new($"Expected {expected}, found {Describe(reader.TokenType)}.");

    /// <summary>A required property is absent.</summary>
    public static JsonException Missing(string property) => new($"Required property '{property}' is missing.");

    /// <summary>A string that names no member of the enum.</summary>
    public static JsonException UnknownEnumValue(string? value, string enumName, string allowed) =>
        new($"'{value}' is not a {enumName}; expected one of {allowed}.");

    /// <summary>The same problem, one step further from the root: <paramref name="segment"/> is <c>.name</c> or <c>[3]</c>.</summary>
    public static JsonException At(JsonException inner, string segment)
    {
        var rest = string.IsNullOrEmpty(inner.Path) ? "" : inner.Path!.Substring(1);
        return new JsonException(inner.Message, "$" + segment + rest, null, null, inner.InnerException);
    }

    /// <summary>Reads a JSON string.</summary>
    public static string ReadString(ref Utf8JsonReader reader)
    {
        Expect(ref reader, JsonTokenType.String, "a string");
#if NETSTANDARD2_0
        return reader.GetString()!;
#else
        if (reader.HasValueSequence)
        {
            return reader.GetString()!;
        }

        return reader.ValueIsEscaped ? JsonStringUnescaping.Unescape(reader.ValueSpan) : JsonStringUnescaping.Transcode(reader.ValueSpan);
#endif
    }

    /// <summary>Reads true or false.</summary>
    public static bool ReadBoolean(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.True => true,
        JsonTokenType.False => false,
        _ => throw Unexpected(ref reader, "true or false"),
    };

    /// <summary>Reads an integer that fits <see cref="int"/>.</summary>
    public static int ReadInt32(ref Utf8JsonReader reader)
    {
        Expect(ref reader, JsonTokenType.Number, "an integer");
        return reader.TryGetInt32(out var value) ? value : throw OutOfRange(ref reader, "Int32");
    }

    /// <summary>Reads an integer that fits <see cref="long"/>.</summary>
    public static long ReadInt64(ref Utf8JsonReader reader)
    {
        Expect(ref reader, JsonTokenType.Number, "an integer");
        return reader.TryGetInt64(out var value) ? value : throw OutOfRange(ref reader, "Int64");
    }

    /// <summary>Reads an integer that fits <see cref="short"/>.</summary>
    public static short ReadInt16(ref Utf8JsonReader reader)
    {
        Expect(ref reader, JsonTokenType.Number, "an integer");
        return reader.TryGetInt16(out var value) ? value : throw OutOfRange(ref reader, "Int16");
    }

    /// <summary>Reads an integer that fits <see cref="byte"/>.</summary>
    public static byte ReadByte(ref Utf8JsonReader reader)
    {
        Expect(ref reader, JsonTokenType.Number, "an integer");
        return reader.TryGetByte(out var value) ? value : throw OutOfRange(ref reader, "Byte");
    }

    /// <summary>Reads an integer that fits <see cref="sbyte"/>.</summary>
    public static sbyte ReadSByte(ref Utf8JsonReader reader)
    {
        Expect(ref reader, JsonTokenType.Number, "an integer");
        return reader.TryGetSByte(out var value) ? value : throw OutOfRange(ref reader, "SByte");
    }

    /// <summary>Reads an integer that fits <see cref="ushort"/>.</summary>
    public static ushort ReadUInt16(ref Utf8JsonReader reader)
    {
        Expect(ref reader, JsonTokenType.Number, "an integer");
        return reader.TryGetUInt16(out var value) ? value : throw OutOfRange(ref reader, "UInt16");
    }

    /// <summary>Reads an integer that fits <see cref="uint"/>.</summary>
    public static uint ReadUInt32(ref Utf8JsonReader reader)
    {
        Expect(ref reader, JsonTokenType.Number, "an integer");
        return reader.TryGetUInt32(out var value) ? value : throw OutOfRange(ref reader, "UInt32");
    }

    /// <summary>Reads an integer that fits <see cref="ulong"/>.</summary>
    public static ulong ReadUInt64(ref Utf8JsonReader reader)
    {
        Expect(ref reader, JsonTokenType.Number, "an integer");
        return reader.TryGetUInt64(out var value) ? value : throw OutOfRange(ref reader, "UInt64");
    }

    /// <summary>Reads a number as <see cref="double"/>.</summary>
    public static double ReadDouble(ref Utf8JsonReader reader)
    {
        Expect(ref reader, JsonTokenType.Number, "a number");
        if (!reader.HasValueSequence && TryReadShortDecimal(reader.ValueSpan, out var quick))
        {
            return quick;
        }

        return reader.TryGetDouble(out var value) ? value : throw OutOfRange(ref reader, "Double");
    }

    /// <summary>
    /// Clinger's fast path for the numbers answers mostly hold (<c>3500.5</c>, <c>-12</c>): at most 15 digits, no exponent.
    /// The digits as an integer (below 2^53) and the power of ten (at most 10^15) are both exact doubles, so one IEEE
    /// division rounds correctly and gives the value the full parser would. Anything else is left to it.
    /// </summary>
    internal static bool TryReadShortDecimal(ReadOnlySpan<byte> number, out double value)
    {
        value = 0;
        var start = number.Length > 0 && number[0] == (byte)'-' ? 1 : 0;
        if (number.Length - start > 16)
        {
            return false;
        }

        long digits = 0;
        var point = -1;
        for (var i = start; i < number.Length; i++)
        {
            var digit = (uint)(number[i] - (byte)'0');
            if (digit <= 9)
            {
                digits = (digits * 10) + digit;
            }
            else if (number[i] == (byte)'.' && point < 0)
            {
                point = i;
            }
            else
            {
                return false;
            }
        }

        var count = number.Length - start - (point < 0 ? 0 : 1);
        if (count is 0 or > 15)
        {
            return false;
        }

        double magnitude = digits;
        if (point >= 0)
        {
            magnitude /= PowersOfTen[number.Length - point - 1];
        }

        value = start == 1 ? -magnitude : magnitude;
        return true;
    }

    /// <summary>Reads a number as <see cref="float"/>.</summary>
    public static float ReadSingle(ref Utf8JsonReader reader)
    {
        Expect(ref reader, JsonTokenType.Number, "a number");
        return reader.TryGetSingle(out var value) ? value : throw OutOfRange(ref reader, "Single");
    }

    /// <summary>Reads a number as <see cref="decimal"/>.</summary>
    public static decimal ReadDecimal(ref Utf8JsonReader reader)
    {
        Expect(ref reader, JsonTokenType.Number, "a number");
        return reader.TryGetDecimal(out var value) ? value : throw OutOfRange(ref reader, "Decimal");
    }

    /// <summary>Reads an ISO 8601 date and time.</summary>
    public static DateTimeOffset ReadDateTimeOffset(ref Utf8JsonReader reader)
    {
        Expect(ref reader, JsonTokenType.String, "a date-time string");
        return reader.TryGetDateTimeOffset(out var value) ? value : throw new JsonException($"'{reader.GetString()}' is not an ISO 8601 date-time.");
    }

    /// <summary>Reads an ISO 8601 date and time.</summary>
    public static DateTime ReadDateTime(ref Utf8JsonReader reader)
    {
        Expect(ref reader, JsonTokenType.String, "a date-time string");
        return reader.TryGetDateTime(out var value) ? value : throw new JsonException($"'{reader.GetString()}' is not an ISO 8601 date-time.");
    }

    /// <summary>Reads a UUID.</summary>
    public static Guid ReadGuid(ref Utf8JsonReader reader)
    {
        Expect(ref reader, JsonTokenType.String, "a UUID string");
        return reader.TryGetGuid(out var value) ? value : throw new JsonException($"'{reader.GetString()}' is not a UUID.");
    }

    private static JsonException OutOfRange(ref Utf8JsonReader reader, string type) =>
        new($"{System.Text.Encoding.UTF8.GetString(reader.ValueSpan.ToArray())} does not fit {type}.");

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        _ => token.ToString(),
    };
}
