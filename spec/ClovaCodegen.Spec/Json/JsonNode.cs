using System.Collections.Generic;

namespace ClovaCodegen.Spec.Json;

/// <summary>The kind of a parsed JSON value.</summary>
public enum JsonNodeKind
{
    /// <summary>A JSON object.</summary>
    Object,
    /// <summary>A JSON array.</summary>
    Array,
    /// <summary>A JSON string.</summary>
    String,
    /// <summary>A JSON number.</summary>
    Number,
    /// <summary>The literal <c>true</c>.</summary>
    True,
    /// <summary>The literal <c>false</c>.</summary>
    False,
    /// <summary>The literal <c>null</c>.</summary>
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

    /// <summary>What kind of value this is.</summary>
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

    /// <summary>The object's properties in source order (empty for other kinds).</summary>
    public List<JsonProperty> Properties { get; } = new();

    /// <summary>The array's items in source order (empty for other kinds).</summary>
    public List<JsonNode> Items { get; } = new();

    /// <summary>True for <c>true</c> and <c>false</c>.</summary>
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

    /// <summary>The kind as a message names it ("an object", "a string", ...).</summary>
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

    /// <summary>The decoded property name.</summary>
    public string Name { get; }

    /// <summary>Offset of the name's opening quote in the source text.</summary>
    public int NameStart { get; }

    /// <summary>Length of the name's text, quotes included.</summary>
    public int NameLength { get; }

    /// <summary>The property's value.</summary>
    public JsonNode Value { get; }
}
