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
        byte[] body;
        try
        {
            using var buffer = new MemoryStream();
            await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
            body = buffer.ToArray();
        }
        catch (BadHttpRequestException ex)
        {
            // Kestrel's own refusals (body over the size limit, a malformed chunked body) keep their status.
            return (null, new RequestProblem(ex.StatusCode, "invalid_request", "The request body could not be read: " + ex.Message));
        }

        if (!Utf8.IsValid(body))
        {
            return (null, new RequestProblem(400, "invalid_json", $"The request body is not valid UTF-8 (first bad byte at offset {FirstInvalidUtf8Offset(body)})."));
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

        if (FirstUndecodableString(document.RootElement, "") is { } path)
        {
            document.Dispose();
            return (null, new RequestProblem(400, "invalid_json", $"The string at '{path}' is not valid Unicode (a lone surrogate escape).", path));
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

    /// <summary>The path of the first string or property name that does not decode (escaped lone surrogates), or null.</summary>
    private static string? FirstUndecodableString(JsonElement element, string path)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                return Decodes(() => element.GetString()) ? null : Display(path);
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    if (FirstUndecodableString(item, $"{path}[{index++}]") is { } found)
                    {
                        return found;
                    }
                }

                return null;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    string name;
                    try
                    {
                        name = property.Name;
                    }
                    catch (InvalidOperationException)
                    {
                        return Display(path) + " (a property name)";
                    }

                    if (FirstUndecodableString(property.Value, path.Length == 0 ? name : path + "." + name) is { } found)
                    {
                        return found;
                    }
                }

                return null;
            default:
                return null;
        }
    }

    private static bool Decodes(Func<string?> read)
    {
        try
        {
            read();
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static string Display(string path) => path.Length == 0 ? "$" : path;
}
