using System;
using System.Text;
using System.Text.Json;

namespace ClovaCodegen;

/// <summary>Reads one value of <typeparamref name="T"/> from a reader positioned on its first token (generated code).</summary>
public delegate T ClovaStructuredOutputReader<T>(ref Utf8JsonReader reader);

/// <summary>
/// A structured-output shape the generator wrote for a <see cref="ClovaStructuredOutputAttribute"/> type: its JSON Schema,
/// the <c>response_format</c> that asks for it, and its reader. Generated code creates these; users get them from
/// <c>ClovaStructuredOutputs.For&lt;T&gt;()</c>.
/// </summary>
/// <typeparam name="T">The marked type.</typeparam>
public sealed class ClovaStructuredOutput<T>
{
    private readonly ClovaStructuredOutputReader<T> _reader;
    private readonly byte[] _responseFormatUtf8;

    /// <summary>Creates the shape (generated code calls this with compile-time constants).</summary>
    /// <param name="name">The <c>json_schema.name</c>.</param>
    /// <param name="schemaJson">The JSON Schema.</param>
    /// <param name="responseFormatJson">The whole <c>response_format</c> value.</param>
    /// <param name="responseFormatUtf8">The same, pre-encoded as UTF-8.</param>
    /// <param name="reader">Reads one value.</param>
    public ClovaStructuredOutput(string name, string schemaJson, string responseFormatJson, byte[] responseFormatUtf8, ClovaStructuredOutputReader<T> reader)
    {
        Name = name ?? throw new ArgumentNullException(nameof(name));
        SchemaJson = schemaJson ?? throw new ArgumentNullException(nameof(schemaJson));
        ResponseFormatJson = responseFormatJson ?? throw new ArgumentNullException(nameof(responseFormatJson));
        _responseFormatUtf8 = responseFormatUtf8 ?? throw new ArgumentNullException(nameof(responseFormatUtf8));
        _reader = reader ?? throw new ArgumentNullException(nameof(reader));
    }

    /// <summary>The <c>json_schema.name</c>.</summary>
    public string Name { get; }

    /// <summary>The JSON Schema of <typeparamref name="T"/>.</summary>
    public string SchemaJson { get; }

    /// <summary><c>{"type":"json_schema","json_schema":{"name":...,"strict":true,"schema":...}}</c>.</summary>
    public string ResponseFormatJson { get; }

    /// <summary><see cref="ResponseFormatJson"/> as UTF-8, encoded at compile time.</summary>
    public ReadOnlyMemory<byte> ResponseFormatUtf8 => _responseFormatUtf8;

    /// <summary>Reads a JSON text as <typeparamref name="T"/>.</summary>
    /// <exception cref="ClovaStructuredOutputException">The text is not JSON, or its JSON does not fit <typeparamref name="T"/>; the exception carries the text.</exception>
    public T Read(string json)
    {
        if (json is null)
        {
            throw new ArgumentNullException(nameof(json));
        }

        return Read(Encoding.UTF8.GetBytes(json), json);
    }

    /// <summary>Reads UTF-8 JSON as <typeparamref name="T"/>.</summary>
    /// <exception cref="ClovaStructuredOutputException">The bytes are not JSON, or their JSON does not fit <typeparamref name="T"/>; the exception carries the text.</exception>
    public T Read(ReadOnlySpan<byte> utf8Json) => Read(utf8Json, null);

    private T Read(ReadOnlySpan<byte> utf8Json, string? text)
    {
        var reader = new Utf8JsonReader(utf8Json, new JsonReaderOptions { MaxDepth = 64 });
        try
        {
            if (!reader.Read())
            {
                throw new JsonException("The answer is empty.");
            }

            var value = _reader(ref reader);
            if (reader.Read())
            {
                throw new JsonException($"More JSON follows the value ({reader.TokenType}).");
            }

            return value;
        }
        catch (Exception ex) when (ex is JsonException or FormatException or InvalidOperationException or OverflowException)
        {
            var raw = text ?? Encoding.UTF8.GetString(utf8Json.ToArray());
            var path = (ex as JsonException)?.Path;
            throw new ClovaStructuredOutputException(
                $"The answer does not fit {typeof(T).Name} ('{Name}'){(string.IsNullOrEmpty(path) ? "" : " at " + path)}: {ex.Message}",
                typeof(T).FullName ?? typeof(T).Name,
                raw,
                path,
                ex);
        }
    }
}
