using System;
using System.Collections.Generic;
using System.Text.Json;

namespace ClovaCodegen;

/// <summary>
/// Reads one streamed chat chunk straight from its UTF-8 bytes with <see cref="Utf8JsonReader"/>: the hot path of
/// streaming (one call per token). Compared with the generic deserializer it skips fields it does not keep, reuses the
/// id and model strings of the previous chunk when the bytes are the same (they are, for a whole stream), and gives the
/// usual single choice an exact-size array. The rare nested parts (tool calls, usage) go through the source-generated
/// metadata. Malformed JSON, or a value of the wrong kind, throws <see cref="JsonException"/>. One instance per stream.
/// </summary>
internal sealed class ChunkReader
{
    private static readonly ClovaChatChunkChoice[] NoChoices = Array.Empty<ClovaChatChunkChoice>();
    private byte[]? _idBytes;
    private string? _id;
    private byte[]? _modelBytes;
    private string? _model;

    public ClovaChatCompletionChunk Read(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow });
        Expect(ref reader, JsonTokenType.StartObject);
        var chunk = new ClovaChatCompletionChunk { Choices = NoChoices };
        while (NextProperty(ref reader))
        {
            if (reader.ValueTextEquals("id"u8))
            {
                reader.Read();
                chunk.Id = Cached(ref reader, ref _idBytes, ref _id) ?? "";
            }
            else if (reader.ValueTextEquals("model"u8))
            {
                reader.Read();
                chunk.Model = Cached(ref reader, ref _modelBytes, ref _model);
            }
            else if (reader.ValueTextEquals("created"u8))
            {
                reader.Read();
                chunk.Created = reader.TokenType == JsonTokenType.Null ? 0 : reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var created) ? created : throw Invalid("created");
            }
            else if (reader.ValueTextEquals("choices"u8))
            {
                reader.Read();
                chunk.Choices = ReadChoices(ref reader);
            }
            else if (reader.ValueTextEquals("usage"u8))
            {
                reader.Read();
                chunk.Usage = reader.TokenType == JsonTokenType.Null ? null : JsonSerializer.Deserialize(ref reader, ClovaResponseJsonContext.Default.ClovaUsage);
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        if (reader.Read())
        {
            throw new JsonException("Unexpected content after the chunk object.");
        }

        return chunk;
    }

    private static IReadOnlyList<ClovaChatChunkChoice> ReadChoices(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return NoChoices;
        }

        Expect(ref reader, JsonTokenType.StartArray, read: false);
        ClovaChatChunkChoice? first = null;
        List<ClovaChatChunkChoice>? more = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            var choice = ReadChoice(ref reader);
            if (first is null)
            {
                first = choice;
            }
            else
            {
                (more ??= new List<ClovaChatChunkChoice> { first }).Add(choice);
            }
        }

        return more is not null ? more : first is null ? NoChoices : new[] { first };
    }

    private static ClovaChatChunkChoice ReadChoice(ref Utf8JsonReader reader)
    {
        Expect(ref reader, JsonTokenType.StartObject, read: false);
        var choice = new ClovaChatChunkChoice();
        while (NextProperty(ref reader))
        {
            if (reader.ValueTextEquals("index"u8))
            {
                reader.Read();
                choice.Index = reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var index) ? index : throw Invalid("index");
            }
            else if (reader.ValueTextEquals("delta"u8))
            {
                reader.Read();
                choice.Delta = ReadDelta(ref reader);
            }
            else if (reader.ValueTextEquals("finish_reason"u8))
            {
                reader.Read();
                choice.FinishReason = String(ref reader, "finish_reason");
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        return choice;
    }

    private static ClovaChatDelta ReadDelta(ref Utf8JsonReader reader)
    {
        var delta = new ClovaChatDelta();
        if (reader.TokenType == JsonTokenType.Null)
        {
            return delta;
        }

        Expect(ref reader, JsonTokenType.StartObject, read: false);
        while (NextProperty(ref reader))
        {
            if (reader.ValueTextEquals("content"u8))
            {
                reader.Read();
                delta.Content = String(ref reader, "content");
            }
            else if (reader.ValueTextEquals("role"u8))
            {
                reader.Read();
                delta.Role = String(ref reader, "role");
            }
            else if (reader.ValueTextEquals("tool_calls"u8))
            {
                reader.Read();
                delta.ToolCalls = JsonSerializer.Deserialize(ref reader, ClovaResponseJsonContext.Default.IReadOnlyListClovaChatToolCallDelta);
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        return delta;
    }

    /// <summary>Moves to the next property name of the current object; false at its end.</summary>
    private static bool NextProperty(ref Utf8JsonReader reader)
    {
        if (!reader.Read())
        {
            throw new JsonException("The chunk ends inside an object.");
        }

        return reader.TokenType switch
        {
            JsonTokenType.PropertyName => true,
            JsonTokenType.EndObject => false,
            _ => throw new JsonException($"Unexpected {reader.TokenType} in a chunk object."),
        };
    }

    private static void Expect(ref Utf8JsonReader reader, JsonTokenType type, bool read = true)
    {
        if ((read && !reader.Read()) || reader.TokenType != type)
        {
            throw new JsonException($"Expected {type} in a chat stream chunk, found {reader.TokenType}.");
        }
    }

    private static string? String(ref Utf8JsonReader reader, string field) => reader.TokenType switch
    {
        JsonTokenType.String => reader.GetString(),
        JsonTokenType.Null => null,
        _ => throw Invalid(field),
    };

    /// <summary>The previous chunk's string when the bytes are the same (no allocation), else a new one remembered for the next chunk.</summary>
    private static string? Cached(ref Utf8JsonReader reader, ref byte[]? cachedBytes, ref string? cached)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType != JsonTokenType.String)
        {
            throw Invalid("id/model");
        }

        if (cached is not null && cachedBytes is not null && !reader.HasValueSequence && !reader.ValueIsEscaped && reader.ValueSpan.SequenceEqual(cachedBytes))
        {
            return cached;
        }

        cached = reader.GetString();
        cachedBytes = reader.HasValueSequence || reader.ValueIsEscaped ? null : reader.ValueSpan.ToArray();
        return cached;
    }

    private static JsonException Invalid(string field) => new($"The chunk's '{field}' has an unexpected kind of value.");
}
