namespace ClovaCodegen.Spec.Json;

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
