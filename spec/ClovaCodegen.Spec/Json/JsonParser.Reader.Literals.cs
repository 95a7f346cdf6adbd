using System;
using System.Globalization;
using System.Text;

namespace ClovaCodegen.Spec.Json;

public static partial class JsonParser
{
    /// <summary>The literals: numbers (kept as written, and as a double) and strings with their escapes.</summary>
    private sealed partial class Reader
    {
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
