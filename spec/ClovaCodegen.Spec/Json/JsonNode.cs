using System.Collections.Generic;

namespace ClovaCodegen.Spec.Json;

/// <summary>The kind of a parsed JSON value.</summary>
public enum JsonNodeKind
{
    Object,
    Array,
    String,
    Number,
    True,
    False,
    Null,
}

/// <summary>
/// A parsed JSON value that remembers where it came from, so every problem found in a spec can be reported at
/// the exact line and column of the offending text. Only used while reading; never stored in the models.
/// </summary>
public sealed class JsonNode
{
    internal JsonNode(JsonNodeKind kind, int start, int length)
    {
        Kind = kind;
        Start = start;
        Length = length;
    }

    public JsonNodeKind Kind { get; }

    /// <summary>Offset of the value's first character in the source text.</summary>
    public int Start { get; }

    /// <summary>Length of the value's text (for strings, including the quotes).</summary>
    public int Length { get; internal set; }

    /// <summary>The decoded string, for <see cref="JsonNodeKind.String"/>.</summary>
    public string? StringValue { get; internal set; }

    /// <summary>The number, for <see cref="JsonNodeKind.Number"/>.</summary>
    public double NumberValue { get; internal set; }

    /// <summary>True when a number has no fraction or exponent part.</summary>
    public bool IsIntegerLiteral { get; internal set; }

    /// <summary>The raw source text of the value (numbers keep their exact spelling).</summary>
    public string RawText { get; internal set; } = "";

    public List<JsonProperty> Properties { get; } = new();

    public List<JsonNode> Items { get; } = new();

    public bool IsBoolean => Kind is JsonNodeKind.True or JsonNodeKind.False;

    /// <summary>The first property with this name, or null.</summary>
    public JsonProperty? Find(string name)
    {
        foreach (var property in Properties)
        {
            if (property.Name == name)
            {
                return property;
            }
        }

        return null;
    }

    public static string Describe(JsonNodeKind kind) => kind switch
    {
        JsonNodeKind.Object => "an object",
        JsonNodeKind.Array => "an array",
        JsonNodeKind.String => "a string",
        JsonNodeKind.Number => "a number",
        JsonNodeKind.True or JsonNodeKind.False => "a boolean",
        _ => "null",
    };
}

/// <summary>A property of a JSON object, with the location of its name.</summary>
public sealed class JsonProperty
{
    internal JsonProperty(string name, int nameStart, int nameLength, JsonNode value)
    {
        Name = name;
        NameStart = nameStart;
        NameLength = nameLength;
        Value = value;
    }

    public string Name { get; }

    public int NameStart { get; }

    public int NameLength { get; }

    public JsonNode Value { get; }
}
