using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace ClovaCodegen.Emulator;

/// <summary>
/// One request the emulator received: the body exactly as it came over the wire, each field with the spec's verdict, and
/// what the emulator answered. The API key is never recorded.
/// </summary>
public sealed class RecordedRequest
{
    internal RecordedRequest(
        long sequence,
        string method,
        string path,
        string? endpoint,
        string body,
        JsonElement? json,
        IReadOnlyList<RecordedField> fields,
        IReadOnlyList<string> problems,
        int statusCode,
        string responseText)
    {
        Sequence = sequence;
        Method = method;
        Path = path;
        Endpoint = endpoint;
        Body = body;
        Json = json;
        Fields = fields;
        Problems = problems;
        StatusCode = statusCode;
        ResponseText = responseText;
        (ErrorCode, ErrorMessage) = ReadError(statusCode, responseText);
    }

    /// <summary>Arrival order, from 1 (counted per emulator).</summary>
    public long Sequence { get; }

    /// <summary>HTTP method, e.g. <c>POST</c>.</summary>
    public string Method { get; }

    /// <summary>Request path, e.g. <c>/v1/openai/chat/completions</c>.</summary>
    public string Path { get; }

    /// <summary>The spec's endpoint id (<c>chat.completions</c>, <c>embeddings</c>, <c>models</c>); null for any other path.</summary>
    public string? Endpoint { get; }

    /// <summary>The request body as sent (empty when there was none).</summary>
    public string Body { get; }

    /// <summary>The body parsed as JSON; null when it is empty or not JSON.</summary>
    public JsonElement? Json { get; }

    /// <summary>The body's top-level fields in wire order, each with the spec's verdict.</summary>
    public IReadOnlyList<RecordedField> Fields { get; }

    /// <summary>Every reason CLOVA Studio would reject this request according to the spec (empty when it would accept it).</summary>
    public IReadOnlyList<string> Problems { get; }

    /// <summary>Whether the spec accepts every field and value of the request.</summary>
    public bool SpecAccepted => Problems.Count == 0;

    /// <summary>The status the emulator answered with.</summary>
    public int StatusCode { get; }

    /// <summary>The answer's text (at most the first 64 KiB; for streams, the server-sent events as written).</summary>
    public string ResponseText { get; }

    /// <summary><c>error.code</c> of an error answer, e.g. <c>unsupported_field</c>.</summary>
    public string? ErrorCode { get; }

    /// <summary><c>error.message</c> of an error answer.</summary>
    public string? ErrorMessage { get; }

    /// <summary>The <c>model</c> the request named, if any.</summary>
    public string? Model => StringField("model");

    /// <summary>Whether the request asked for a stream (<c>"stream": true</c>).</summary>
    public bool Stream => Field("stream")?.Value.ValueKind == JsonValueKind.True;

    /// <summary>The names of the top-level fields sent.</summary>
    public IEnumerable<string> FieldNames => Fields.Select(f => f.Name);

    /// <summary>The field of that name, or null when the request did not send it.</summary>
    public RecordedField? Field(string name) => Fields.FirstOrDefault(f => f.Name == name);

    /// <summary>Whether the request sent a field of that name.</summary>
    public bool Sent(string name) => Field(name) is not null;

    /// <summary>A string field's value, or null when it was not sent or is not a string.</summary>
    public string? StringField(string name) => Field(name) is { Value.ValueKind: JsonValueKind.String } field ? field.Value.GetString() : null;

    /// <inheritdoc/>
    public override string ToString() =>
        $"#{Sequence} {Method} {Path} -> {StatusCode}{(ErrorCode is null ? "" : " " + ErrorCode)}: {{{string.Join(", ", Fields.Select(f => f.Name))}}}"
        + (Problems.Count == 0 ? "" : " [" + string.Join("; ", Problems) + "]");

    private static (string? Code, string? Message) ReadError(int statusCode, string responseText)
    {
        if (statusCode < 400 || responseText.Length == 0)
        {
            return (null, null);
        }

        try
        {
            using var document = JsonDocument.Parse(responseText);
            if (document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object)
            {
                return (Text(error, "code"), Text(error, "message"));
            }
        }
        catch (JsonException)
        {
            // An error answer that is not JSON (a cut or foreign answer) has no code to read.
        }

        return (null, null);

        static string? Text(JsonElement error, string name) =>
            error.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
    }
}
