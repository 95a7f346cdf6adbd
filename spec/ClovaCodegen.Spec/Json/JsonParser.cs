using System;

namespace ClovaCodegen.Spec.Json;

// One parser in three files: this one holds the entry point and the located syntax error; JsonParser.Reader.cs the
// cursor and the structure (values, objects, arrays, keywords); JsonParser.Reader.Literals.cs numbers and strings.

/// <summary>
/// A small strict RFC 8259 parser that keeps source offsets. Hand-written because the reader must load inside
/// the compiler with no dependency beyond the BCL, and because System.Text.Json's JsonDocument does not expose
/// element positions. It never throws on bad input: it returns the first syntax error with its offset.
/// </summary>
public static partial class JsonParser
{
    /// <summary>Nesting deeper than this is reported instead of risking a stack overflow on hostile input.</summary>
    public const int MaxDepth = 64;

    /// <summary>Parses <paramref name="text"/>; never throws: a syntax error comes back located in the result.</summary>
    public static JsonParseResult Parse(string text)
    {
        if (text is null)
        {
            throw new ArgumentNullException(nameof(text));
        }

        var reader = new Reader(text);
        try
        {
            reader.SkipBom();
            reader.SkipWhitespace();
            if (reader.AtEnd)
            {
                return JsonParseResult.Failure("The spec is empty; expected a JSON object", reader.Position, 0);
            }

            var root = reader.ParseValue(0);
            reader.SkipWhitespace();
            if (!reader.AtEnd)
            {
                return JsonParseResult.Failure($"Unexpected {reader.DescribeCurrent()} after the end of the JSON value", reader.Position, 1);
            }

            return JsonParseResult.Success(root);
        }
        catch (SyntaxError error)
        {
            return JsonParseResult.Failure(error.Message, error.Offset, error.Length);
        }
    }

    private sealed class SyntaxError : Exception
    {
        public SyntaxError(string message, int offset, int length)
            : base(message)
        {
            Offset = offset;
            Length = length;
        }

        public int Offset { get; }

        public int Length { get; }
    }
}
