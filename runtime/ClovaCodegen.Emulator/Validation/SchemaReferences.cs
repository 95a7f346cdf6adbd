using System.Text.Json;

namespace ClovaCodegen.Emulator.Validation;

/// <summary>Local JSON Pointer references of a schema (<c>#</c>, <c>#/$defs/Item</c>); remote ones resolve to nothing.</summary>
internal static class SchemaReferences
{
    public static JsonElement? Resolve(JsonElement root, string reference)
    {
        if (reference == "#")
        {
            return root;
        }

        if (!reference.StartsWith("#/", System.StringComparison.Ordinal))
        {
            return null;
        }

        var node = root;
        foreach (var raw in reference.Substring(2).Split('/'))
        {
            var segment = raw.Replace("~1", "/").Replace("~0", "~");
            if (node.ValueKind != JsonValueKind.Object || !node.TryGetProperty(segment, out node))
            {
                return null;
            }
        }

        return node;
    }
}
