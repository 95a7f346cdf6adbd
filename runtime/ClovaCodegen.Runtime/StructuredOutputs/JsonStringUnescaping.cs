#if !NETSTANDARD2_0
using System;
using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace ClovaCodegen;

/// <summary>
/// Makes a .NET string of a JSON string value that has escapes, writing UTF-16 straight from the text. System.Text.Json's
/// <c>GetString</c> unescapes into UTF-8 first and then validates and transcodes that copy, which for text a model
/// writes as <c>\uAC00</c> escapes (Korean under the default encoder) costs most of the read.
/// The reader has already checked the escapes' syntax; this checks what it leaves to <c>GetString</c>: that UTF-8 is
/// valid and that <c>\u</c> surrogates pair, throwing <see cref="InvalidOperationException"/> as <c>GetString</c> does.
/// </summary>
internal static class JsonStringUnescaping
{
    private const int StackLimit = 256;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The value of <paramref name="escaped"/>, the raw bytes between a JSON string's quotes.</summary>
    public static string Unescape(ReadOnlySpan<byte> escaped)
    {
        // Never more UTF-16 units than bytes: an escape gives one unit per 2 to 6 bytes, a UTF-8 sequence one per 1 to 2.
        if (escaped.Length <= StackLimit)
        {
            Span<char> chars = stackalloc char[escaped.Length];
            return new string(chars.Slice(0, Unescape(escaped, chars)));
        }

        var rented = ArrayPool<char>.Shared.Rent(escaped.Length);
        try
        {
            return new string(rented, 0, Unescape(escaped, rented));
        }
        finally
        {
            ArrayPool<char>.Shared.Return(rented);
        }
    }

    private static int Unescape(ReadOnlySpan<byte> escaped, Span<char> chars)
    {
        var written = 0;
        var i = 0;
        while (i < escaped.Length)
        {
            var b = escaped[i];
            if (b < 0x80 && b != (byte)'\\')
            {
                chars[written++] = (char)b;
                i++;
                continue;
            }

            if (b != (byte)'\\')
            {
                // Non-ASCII UTF-8 up to the next escape, validated as it is transcoded.
                var run = escaped.Slice(i);
                var end = run.IndexOf((byte)'\\');
                run = end < 0 ? run : run.Slice(0, end);
                written += Transcode(run, chars.Slice(written));
                i += run.Length;
                continue;
            }

            switch (escaped[i + 1])
            {
                case (byte)'"': chars[written++] = '"'; break;
                case (byte)'\\': chars[written++] = '\\'; break;
                case (byte)'/': chars[written++] = '/'; break;
                case (byte)'b': chars[written++] = '\b'; break;
                case (byte)'f': chars[written++] = '\f'; break;
                case (byte)'n': chars[written++] = '\n'; break;
                case (byte)'r': chars[written++] = '\r'; break;
                case (byte)'t': chars[written++] = '\t'; break;
                default:
                    var unit = Hex4(escaped.Slice(i + 2));
                    if (char.IsHighSurrogate(unit))
                    {
                        // A high surrogate stands only before an escaped low one.
                        if (escaped.Length - i < 12 || escaped[i + 6] != (byte)'\\' || escaped[i + 7] != (byte)'u' || !char.IsLowSurrogate(Hex4(escaped.Slice(i + 8))))
                        {
                            throw InvalidUtf16();
                        }

                        chars[written++] = unit;
                        unit = Hex4(escaped.Slice(i + 8));
                        i += 6;
                    }
                    else if (char.IsLowSurrogate(unit))
                    {
                        throw InvalidUtf16();
                    }

                    chars[written++] = unit;
                    i += 4;
                    break;
            }

            i += 2;
        }

        return written;
    }

    /// <summary>
    /// The value of <paramref name="utf8"/>, a JSON string without escapes: transcoded once into a stack buffer and copied,
    /// where <c>GetString</c> makes two passes (one to validate and count the UTF-16 length, one to transcode).
    /// </summary>
    public static string Transcode(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length > StackLimit)
        {
            return StrictGetString(utf8);
        }

        Span<char> chars = stackalloc char[utf8.Length];
        return Utf8.ToUtf16(utf8, chars, out _, out var written, replaceInvalidSequences: false) == OperationStatus.Done
            ? new string(chars.Slice(0, written))
            : throw InvalidUtf8(null);
    }

    private static string StrictGetString(ReadOnlySpan<byte> utf8)
    {
        try
        {
            return StrictUtf8.GetString(utf8);
        }
        catch (DecoderFallbackException ex)
        {
            throw InvalidUtf8(ex);
        }
    }

    private static int Transcode(ReadOnlySpan<byte> utf8, Span<char> destination)
    {
        try
        {
            return StrictUtf8.GetChars(utf8, destination);
        }
        catch (DecoderFallbackException ex)
        {
            throw InvalidUtf8(ex);
        }
    }

    // The reader let through only four hex digits here.
    private static char Hex4(ReadOnlySpan<byte> digits) =>
        (char)((HexDigit(digits[0]) << 12) | (HexDigit(digits[1]) << 8) | (HexDigit(digits[2]) << 4) | HexDigit(digits[3]));

    // Without a branch: '0'-'9' are 0x30-0x39, 'A'-'F' 0x41-0x46, 'a'-'f' 0x61-0x66; bit 6 marks a letter, worth 9 more.
    private static int HexDigit(byte b) => (b & 0xF) + (9 * (b >> 6));

    private static InvalidOperationException InvalidUtf8(Exception? inner) => new("The JSON string is not valid UTF-8.", inner);

    private static InvalidOperationException InvalidUtf16() => new("The JSON string escapes an unpaired UTF-16 surrogate.");
}
#endif
