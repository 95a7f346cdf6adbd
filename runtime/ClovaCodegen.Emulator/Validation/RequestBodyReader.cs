using System;
using System.Buffers;
using System.IO;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace ClovaCodegen.Emulator.Validation;

/// <summary>
/// Reads a request body into a JSON document, or says why it cannot: not UTF-8, not JSON, or holding a string
/// (value or property name) that does not decode. After this, every string in the document can be read without throwing.
/// </summary>
internal static class RequestBodyReader
{
    public static async Task<(JsonDocument? Document, RequestProblem? Problem)> ReadAsync(HttpContext context)
    {
        ReadOnlyMemory<byte> body;
        try
        {
            using var buffer = new MemoryStream(context.Request.ContentLength is { } length and > 0 and < 1 << 20 ? (int)length : 1024);
            await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
            body = buffer.GetBuffer().AsMemory(0, (int)buffer.Length); // the array outlives the stream: the document reads it
        }
        catch (BadHttpRequestException ex)
        {
            // Kestrel's own refusals (body over the size limit, a malformed chunked body) keep their status.
            return (null, new RequestProblem(ex.StatusCode, "invalid_request", "The request body could not be read: " + ex.Message));
        }

        if (!Utf8.IsValid(body.Span))
        {
            return (null, new RequestProblem(400, "invalid_json", $"The request body is not valid UTF-8 (first bad byte at offset {FirstInvalidUtf8Offset(body.Span)})."));
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException ex)
        {
            return (null, new RequestProblem(400, "invalid_json", "The request body is not valid JSON: " + ex.Message));
        }

        if (FirstUndecodableString(body.Span) is { } offset)
        {
            document.Dispose();
            return (null, new RequestProblem(400, "invalid_json", $"The string at byte offset {offset} is not valid Unicode (a lone surrogate escape)."));
        }

        return (document, null);
    }

    private static int FirstInvalidUtf8Offset(ReadOnlySpan<byte> body)
    {
        var offset = 0;
        while (offset < body.Length)
        {
            if (System.Text.Rune.DecodeFromUtf8(body[offset..], out _, out var consumed) != OperationStatus.Done)
            {
                return offset;
            }

            offset += consumed;
        }

        return offset;
    }

    /// <summary>
    /// The offset of the first string or property name that does not decode, or null. The bytes are valid UTF-8 by now,
    /// so only an escape (a lone <c>\ud800</c>) can fail, and only escaped strings are decoded: the common case allocates nothing.
    /// </summary>
    private static long? FirstUndecodableString(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        while (reader.Read())
        {
            if (reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName && reader.ValueIsEscaped)
            {
                try
                {
                    reader.GetString();
                }
                catch (InvalidOperationException)
                {
                    return reader.TokenStartIndex;
                }
            }
        }

        return null;
    }
}
