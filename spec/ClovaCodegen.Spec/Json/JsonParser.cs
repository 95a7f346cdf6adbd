using System;
using System.Globalization;
using System.Text;

namespace ClovaCodegen.Spec.Json;

/// <summary>
/// A small strict RFC 8259 parser that keeps source offsets. Hand-written because the reader must load inside
/// the compiler with no dependency beyond the BCL, and because System.Text.Json's JsonDocument does not expose
/// element positions. It never throws on bad input: it returns the first syntax error with its offset.
/// </summary>
public static class JsonParser
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

    private sealed class Reader
    {
        private readonly string _text;
        private int _position;

        public Reader(string text) => _text = text;

        public int Position => _position;

        public bool AtEnd => _position >= _text.Length;

        public void SkipBom()
        {
            if (!AtEnd && _text[_position] == '\uFEFF')
            {
                _position++;
            }
        }

        public void SkipWhitespace()
        {
            while (!AtEnd)
            {
                var c = _text[_position];
                if (c is ' ' or '\t' or '\n' or '\r')
                {
                    _position++;
                }
                else
                {
                    return;
                }
            }
        }

        public string DescribeCurrent()
        {
            if (AtEnd)
            {
                return "end of file";
            }

            var c = _text[_position];
            return char.IsControl(c) ? $"control character U+{(int)c:X4}" : $"character '{c}'";
        }

        private SyntaxError Error(string expected) =>
            new($"Expected {expected} but found {DescribeCurrent()}", _position, AtEnd ? 0 : 1);

        public JsonNode ParseValue(int depth)
        {
            if (depth > MaxDepth)
            {
                throw new SyntaxError($"JSON nesting is deeper than {MaxDepth} levels", _position, 1);
            }

            if (AtEnd)
            {
                throw Error("a JSON value");
            }

            switch (_text[_position])
            {
                case '{':
                    return ParseObject(depth);
                case '[':
                    return ParseArray(depth);
                case '"':
                    return ParseStringNode();
                case 't':
                    return ParseKeyword("true", JsonNodeKind.True);
                case 'f':
                    return ParseKeyword("false", JsonNodeKind.False);
                case 'n':
                    return ParseKeyword("null", JsonNodeKind.Null);
                default:
                    var c = _text[_position];
                    if (c == '-' || (c >= '0' && c <= '9'))
                    {
                        return ParseNumber();
                    }

                    throw Error("a JSON value");
            }
        }

        private JsonNode ParseObject(int depth)
        {
            var node = new JsonNode(JsonNodeKind.Object, _position, 0);
            _position++;
            SkipWhitespace();
            if (!AtEnd && _text[_position] == '}')
            {
                _position++;
                node.Length = _position - node.Start;
                return node;
            }

            while (true)
            {
                SkipWhitespace();
                if (AtEnd || _text[_position] != '"')
                {
                    throw Error("a property name in double quotes");
                }

                var nameStart = _position;
                var name = ParseString();
                var nameLength = _position - nameStart;
                SkipWhitespace();
                if (AtEnd || _text[_position] != ':')
                {
                    throw Error("':' after a property name");
                }

                _position++;
                SkipWhitespace();
                var value = ParseValue(depth + 1);
                node.Properties.Add(new JsonProperty(name, nameStart, nameLength, value));
                SkipWhitespace();
                if (AtEnd)
                {
                    throw Error("',' or '}'");
                }

                if (_text[_position] == ',')
                {
                    _position++;
                    continue;
                }

                if (_text[_position] == '}')
                {
                    _position++;
                    node.Length = _position - node.Start;
                    return node;
                }

                throw Error("',' or '}'");
            }
        }

        private JsonNode ParseArray(int depth)
        {
            var node = new JsonNode(JsonNodeKind.Array, _position, 0);
            _position++;
            SkipWhitespace();
            if (!AtEnd && _text[_position] == ']')
            {
                _position++;
                node.Length = _position - node.Start;
                return node;
            }

            while (true)
            {
                SkipWhitespace();
                node.Items.Add(ParseValue(depth + 1));
                SkipWhitespace();
                if (AtEnd)
                {
                    throw Error("',' or ']'");
                }

                if (_text[_position] == ',')
                {
                    _position++;
                    continue;
                }

                if (_text[_position] == ']')
                {
                    _position++;
                    node.Length = _position - node.Start;
                    return node;
                }

                throw Error("',' or ']'");
            }
        }

        private JsonNode ParseKeyword(string keyword, JsonNodeKind kind)
        {
            if (string.CompareOrdinal(_text, _position, keyword, 0, keyword.Length) != 0)
            {
                throw Error($"'{keyword}'");
            }

            var node = new JsonNode(kind, _position, keyword.Length) { RawText = keyword };
            _position += keyword.Length;
            return node;
        }

        private JsonNode ParseNumber()
        {
            var start = _position;
            var isInteger = true;
            if (_text[_position] == '-')
            {
                _position++;
            }

            if (AtEnd || !IsDigit(_text[_position]))
            {
                throw Error("a digit");
            }

            if (_text[_position] == '0')
            {
                _position++;
            }
            else
            {
                SkipDigits();
            }

            if (!AtEnd && _text[_position] == '.')
            {
                isInteger = false;
                _position++;
                if (AtEnd || !IsDigit(_text[_position]))
                {
                    throw Error("a digit after the decimal point");
                }

                SkipDigits();
            }

            if (!AtEnd && (_text[_position] == 'e' || _text[_position] == 'E'))
            {
                isInteger = false;
                _position++;
                if (!AtEnd && (_text[_position] == '+' || _text[_position] == '-'))
                {
                    _position++;
                }

                if (AtEnd || !IsDigit(_text[_position]))
                {
                    throw Error("a digit in the exponent");
                }

                SkipDigits();
            }

            var raw = _text.Substring(start, _position - start);
            var value = double.Parse(raw, NumberStyles.Float, CultureInfo.InvariantCulture);
            if (double.IsInfinity(value))
            {
                throw new SyntaxError($"The number {raw} is too large", start, raw.Length);
            }

            return new JsonNode(JsonNodeKind.Number, start, raw.Length)
            {
                RawText = raw,
                NumberValue = value,
                IsIntegerLiteral = isInteger,
            };
        }

        private void SkipDigits()
        {
            while (!AtEnd && IsDigit(_text[_position]))
            {
                _position++;
            }
        }

        private static bool IsDigit(char c) => c >= '0' && c <= '9';

        private JsonNode ParseStringNode()
        {
            var start = _position;
            var value = ParseString();
            return new JsonNode(JsonNodeKind.String, start, _position - start)
            {
                StringValue = value,
                RawText = _text.Substring(start, _position - start),
            };
        }

        private string ParseString()
        {
            var start = _position;
            _position++; // opening quote
            var builder = new StringBuilder();
            while (true)
            {
                if (AtEnd)
                {
                    throw new SyntaxError("Unterminated string", start, _position - start);
                }

                var c = _text[_position];
                if (c == '"')
                {
                    _position++;
                    return builder.ToString();
                }

                if (c < ' ')
                {
                    throw new SyntaxError($"Control character U+{(int)c:X4} must be escaped in a string", _position, 1);
                }

                if (c != '\\')
                {
                    builder.Append(c);
                    _position++;
                    continue;
                }

                _position++;
                if (AtEnd)
                {
                    throw new SyntaxError("Unterminated string", start, _position - start);
                }

                var escape = _text[_position];
                switch (escape)
                {
                    case '"': builder.Append('"'); break;
                    case '\\': builder.Append('\\'); break;
                    case '/': builder.Append('/'); break;
                    case 'b': builder.Append('\b'); break;
                    case 'f': builder.Append('\f'); break;
                    case 'n': builder.Append('\n'); break;
                    case 'r': builder.Append('\r'); break;
                    case 't': builder.Append('\t'); break;
                    case 'u':
                        if (_position + 4 >= _text.Length ||
                            !int.TryParse(_text.Substring(_position + 1, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
                        {
                            throw new SyntaxError("Invalid \\u escape: expected four hexadecimal digits", _position - 1, Math.Min(6, _text.Length - _position + 1));
                        }

                        builder.Append((char)code);
                        _position += 4;
                        break;
                    default:
                        throw new SyntaxError($"Invalid escape sequence '\\{escape}'", _position - 1, 2);
                }

                _position++;
            }
        }
    }
}

/// <summary>The outcome of <see cref="JsonParser.Parse"/>: a root node, or the first syntax error.</summary>
public sealed class JsonParseResult
{
    private JsonParseResult(JsonNode? root, string? error, int errorOffset, int errorLength)
    {
        Root = root;
        Error = error;
        ErrorOffset = errorOffset;
        ErrorLength = errorLength;
    }

    /// <summary>The parsed value, or null when the text is not valid JSON.</summary>
    public JsonNode? Root { get; }

    /// <summary>What is wrong with the text, or null when it parsed.</summary>
    public string? Error { get; }

    /// <summary>Offset of the error in the text.</summary>
    public int ErrorOffset { get; }

    /// <summary>Length of the text the error covers.</summary>
    public int ErrorLength { get; }

    internal static JsonParseResult Success(JsonNode root) => new(root, null, 0, 0);

    internal static JsonParseResult Failure(string error, int offset, int length) => new(null, error, offset, length);
}
