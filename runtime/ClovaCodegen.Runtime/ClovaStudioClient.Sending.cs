using System;
using System.IO;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;

namespace ClovaCodegen;

/// <summary>The transport: request bodies and messages, retries, and reads of the answer bounded by token and timeouts.</summary>
public sealed partial class ClovaStudioClient
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static byte[] Serialize(Action<Utf8JsonWriter> writeBody)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writeBody(writer);
        }

        return buffer.ToArray();
    }

    /// <summary>A new message per attempt: an HttpRequestMessage can be sent only once.</summary>
    private HttpRequestMessage CreatePost(string path, byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        var message = new HttpRequestMessage(HttpMethod.Post, new Uri(_baseUrl, path)) { Content = content };
        Authorize(message);
        return message;
    }

    private void Authorize(HttpRequestMessage message) => message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _apiKey);

    /// <summary>
    /// Sends a request (through the retry pipeline) and returns a successful response with the deadline its body must
    /// arrive by (the last attempt's <c>HttpClient.Timeout</c>); an error response is read, within bounds, and thrown.
    /// </summary>
    private async Task<(HttpResponseMessage Response, long Deadline)> SendAsync(Func<HttpRequestMessage> createMessage, HttpCompletionOption completion, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        long deadline = 0;
        try
        {
            response = await _retry.ExecuteAsync(
                async token =>
                {
                    using var message = createMessage();
                    deadline = TimedReadStream.DeadlineAfter(_http.Timeout);
                    return await _http.SendAsync(message, completion, token).ConfigureAwait(false);
                },
                cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException ex) when (ClovaRetryPolicy.IsRetriable(ex))
        {
            throw new ClovaStudioException($"Could not reach {_baseUrl.Host}: {ex.Message}", errorCode: "connection_failed", innerException: ex);
        }
        catch (HttpRequestException ex)
        {
            // The request may have reached CLOVA Studio (and been processed) before the connection failed: not retried.
            throw new ClovaStudioException($"The connection to {_baseUrl.Host} failed before an answer arrived (the request may have been processed, so it was not retried): {ex.Message}", errorCode: "connection_lost", innerException: ex);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            // Not the caller's cancellation: HttpClient.Timeout passed before the headers arrived.
            throw new ClovaStudioException($"CLOVA Studio did not answer within the HttpClient's timeout ({TimedReadStream.Describe(_http.Timeout)}).", errorCode: "timeout", innerException: ex) { TimedOut = true };
        }

        if (response.IsSuccessStatusCode)
        {
            return (response, deadline);
        }

        using (response)
        {
            throw await ReadErrorAsync(response, deadline, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Sends a request for a whole answer and reads it. The headers are awaited first (so a body cut afterwards still
    /// reports its status and request id, and is never mistaken for a failure to connect), then the body is read under the
    /// caller's token, the attempt's <c>HttpClient.Timeout</c> (as <see cref="HttpCompletionOption.ResponseContentRead"/>
    /// would have applied it) and the idle timeout; then one synchronous pass of the source-generated metadata over its bytes.
    /// </summary>
    private async Task<T> CallAsync<T>(Func<HttpRequestMessage> createMessage, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
    {
        var (response, deadline) = await SendAsync(createMessage, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        using (response)
        {
            var status = (int)response.StatusCode;
            var bytes = await ReadBodyAsync(response, deadline, cancellationToken).ConfigureAwait(false);
            ReadOnlySpan<byte> json = bytes;
            if (json.StartsWith(Utf8Bom))
            {
                json = json.Slice(Utf8Bom.Length);
            }

            try
            {
                return JsonSerializer.Deserialize(json, typeInfo)
                    ?? throw new ClovaStudioException("CLOVA Studio answered with an empty body.", status, requestId: RequestIdOf(response));
            }
            catch (JsonException ex)
            {
                throw new ClovaStudioException("CLOVA Studio's answer is not the expected JSON: " + ex.Message, status, "invalid_response", RequestIdOf(response), ex);
            }
        }
    }

    /// <summary>Reads a successful answer's whole body (exactly sized when <c>Content-Length</c> is known).</summary>
    private async Task<byte[]> ReadBodyAsync(HttpResponseMessage response, long deadline, CancellationToken cancellationToken)
    {
        try
        {
            using var body = await OpenBodyAsync(response, deadline, cancellationToken).ConfigureAwait(false);
            if (response.Content.Headers.ContentLength is { } length and <= int.MaxValue)
            {
                var bytes = new byte[length];
                var filled = 0;
                int read;
                while (filled < bytes.Length && (read = await body.ReadAsync(bytes, filled, bytes.Length - filled, cancellationToken).ConfigureAwait(false)) > 0)
                {
                    filled += read;
                }

                return filled == bytes.Length ? bytes : throw new IOException($"The body ended after {filled} of its {length} bytes.");
            }

            using var buffer = new MemoryStream();
            await body.CopyToAsync(buffer, 16 * 1024, cancellationToken).ConfigureAwait(false);
            return buffer.ToArray();
        }
        catch (TimeoutException ex)
        {
            throw new ClovaStudioException($"CLOVA Studio's answer did not arrive in full: {ex.Message}{RequestIdSuffix(response)}", (int)response.StatusCode, "timeout", RequestIdOf(response), ex) { TimedOut = true };
        }
        catch (Exception ex) when (ex is IOException or HttpRequestException)
        {
            throw new ClovaStudioException($"CLOVA Studio's answer was cut before it was complete: {ex.Message}{RequestIdSuffix(response)}", (int)response.StatusCode, "response_cut", RequestIdOf(response), ex);
        }
    }

    /// <summary>A response's body whose every read honours the caller's token, the idle timeout and <paramref name="deadline"/>.</summary>
    private async Task<TimedReadStream> OpenBodyAsync(HttpResponseMessage response, long deadline, CancellationToken cancellationToken)
    {
#if NET
        var raw = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
#else
        var raw = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
#endif
        return new TimedReadStream(raw, _idleTimeout, deadline, cancellationToken);
    }

    private static ReadOnlySpan<byte> Utf8Bom => new byte[] { 0xEF, 0xBB, 0xBF };
}
