using System;

namespace ClovaCodegen.Spec.Json;

public static partial class JsonParser
{
    /// <summary>A cursor over the text: where it stands, and the JSON structure (values, objects, arrays, keywords).</summary>
    private sealed partial class Reader
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
    }
}
