using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;
using Polly;

namespace ClovaCodegen;

/// <summary>
/// Calls CLOVA Studio's OpenAI-compatible API: chat completions (whole or streamed), embeddings and the model list.
/// Request bodies come from the generated builders (or any <see cref="IClovaChatCompletionRequest"/>); responses are
/// read with source-generated System.Text.Json metadata, so the client is trimming and Native AOT safe.
/// </summary>
public sealed class ClovaStudioClient : IDisposable
{
    /// <summary>The header CLOVA Studio answers with, naming the request for support.</summary>
    public const string RequestIdHeader = "X-NCP-CLOVASTUDIO-REQUEST-ID";

    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private readonly HttpClient _http;
    private readonly bool _ownsHttp;
    private readonly Uri _baseUrl;
    private readonly string _apiKey;
    private readonly ResiliencePipeline<HttpResponseMessage> _retry;
    private readonly TimeSpan _idleTimeout;

    /// <summary>How much of an error body is read for its message: enough for CLOVA's JSON, never a whole HTML page.</summary>
    private const int MaxErrorBodyBytes = 16 * 1024;

    /// <summary>Creates a client. <paramref name="httpClient"/> is used as given (e.g. from IHttpClientFactory) and not disposed.</summary>
    /// <exception cref="ArgumentException">No API key, or an <c>http</c> endpoint that is not loopback.</exception>
    public ClovaStudioClient(ClovaStudioClientOptions options, HttpClient? httpClient = null)
        : this(options, httpClient, retriesInHttpPipeline: false)
    {
    }

    /// <summary>
    /// Creates a client whose <paramref name="httpClient"/> may own the retries: with <paramref name="retriesInHttpPipeline"/>
    /// (the dependency-injection path, where the HttpClient's resilience handler applies <see cref="ClovaRetryPolicy"/>),
    /// the client's own retries stand down, so one layer retries.
    /// </summary>
    internal ClovaStudioClient(ClovaStudioClientOptions options, HttpClient? httpClient, bool retriesInHttpPipeline)
    {
        if (options is null)
        {
            throw new ArgumentNullException(nameof(options));
        }

        if (string.IsNullOrWhiteSpace(options.ApiKey))
        {
            throw new ArgumentException("An API key is required (CLOVA Studio test or service key, usually from CLOVA_STUDIO_API_KEY).", nameof(options));
        }

        var endpoint = options.Endpoint ?? throw new ArgumentException("Endpoint is required.", nameof(options));
        if (!endpoint.IsAbsoluteUri || (endpoint.Scheme != Uri.UriSchemeHttps && !(endpoint.Scheme == Uri.UriSchemeHttp && endpoint.IsLoopback)))
        {
            throw new ArgumentException($"Endpoint {endpoint} must be https (http only for loopback, e.g. the local emulator).", nameof(options));
        }

        _baseUrl = endpoint.AbsoluteUri.EndsWith("/", StringComparison.Ordinal) ? endpoint : new Uri(endpoint.AbsoluteUri + "/");
        _apiKey = options.ApiKey!;
        _http = httpClient ?? new HttpClient();
        _ownsHttp = httpClient is null;
        _retry = retriesInHttpPipeline ? ResiliencePipeline<HttpResponseMessage>.Empty : CreateRetryPipeline(options);
        _idleTimeout = options.IdleTimeout <= TimeSpan.Zero ? Timeout.InfiniteTimeSpan : options.IdleTimeout;
    }

    private static ResiliencePipeline<HttpResponseMessage> CreateRetryPipeline(ClovaStudioClientOptions options) =>
        options.MaxRetries <= 0
            ? ResiliencePipeline<HttpResponseMessage>.Empty
            : new ResiliencePipelineBuilder<HttpResponseMessage>().AddRetry(ClovaRetryPolicy.CreateRetryOptions(options)).Build();

    /// <summary>The base URL requests go to.</summary>
    public Uri BaseUrl => _baseUrl;

    /// <summary>Sends a chat completion request and returns the whole answer.</summary>
    public async Task<ClovaChatCompletion> CompleteChatAsync(IClovaChatCompletionRequest request, CancellationToken cancellationToken = default)
    {
        if (request is null)
        {
            throw new ArgumentNullException(nameof(request));
        }

        var body = Serialize(writer => request.WriteJson(writer, stream: false));
        return await CallAsync(() => CreatePost("chat/completions", body), ClovaResponseJsonContext.Default.ClovaChatCompletion, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Sends a chat completion request with <c>"stream": true</c> and yields chunks as they arrive. A stream that ends
    /// before <c>data: [DONE]</c> throws <see cref="ClovaStudioException"/> rather than returning a silently short answer, and
    /// so does one that goes quiet for <see cref="ClovaStudioClientOptions.IdleTimeout"/> (<c>ErrorCode = "stream_stalled"</c>,
    /// with the request id and <see cref="ClovaStudioException.ChunksReceived"/>).
    /// </summary>
    public async IAsyncEnumerable<ClovaChatCompletionChunk> StreamChatAsync(IClovaChatCompletionRequest request, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (request is null)
        {
            throw new ArgumentNullException(nameof(request));
        }

        var requestBody = Serialize(writer => request.WriteJson(writer, stream: true));
        HttpRequestMessage CreateStreamingPost()
        {
            var message = CreatePost("chat/completions", requestBody);
            message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
            return message;
        }

        using var response = (await SendAsync(CreateStreamingPost, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false)).Response;
        var requestId = RequestIdOf(response);

        // A stream may last minutes (HttpClient.Timeout does not cover it), but not go quiet for longer than the idle timeout.
        using var body = await OpenBodyAsync(response, deadline: 0, cancellationToken).ConfigureAwait(false);
        var done = false;
        var received = 0;
        var chunkReader = new ChunkReader();
        await using var items = SseParser.Create(body, (_, data) => ParseChunk(chunkReader, data)).EnumerateAsync(cancellationToken).GetAsyncEnumerator(cancellationToken);
        while (true)
        {
            ClovaChatCompletionChunk? chunk;
            try
            {
                if (!await items.MoveNextAsync().ConfigureAwait(false))
                {
                    break;
                }

                chunk = items.Current.Data;
            }
            catch (TimeoutException ex)
            {
                throw new ClovaStudioException(
                    $"The chat stream stalled: nothing arrived for {TimedReadStream.Describe(_idleTimeout)} after {received} chunk(s) (IdleTimeout); the answer is incomplete.",
                    (int)response.StatusCode,
                    "stream_stalled",
                    requestId,
                    ex)
                { ChunksReceived = received, TimedOut = true };
            }
            catch (Exception ex) when (ex is IOException or HttpRequestException)
            {
                throw new ClovaStudioException("The chat stream was cut before it finished: " + ex.Message, (int)response.StatusCode, "stream_cut", requestId, ex) { ChunksReceived = received };
            }
            catch (JsonException ex)
            {
                throw new ClovaStudioException("A chat stream chunk is not valid JSON: " + ex.Message, (int)response.StatusCode, "invalid_chunk", requestId, ex);
            }

            if (ReferenceEquals(chunk, DoneSentinel))
            {
                done = true;
                break;
            }

            if (chunk is not null)
            {
                received++;
                yield return chunk;
            }
        }

        if (!done)
        {
            throw new ClovaStudioException("The chat stream ended early, without 'data: [DONE]'; the answer is incomplete.", (int)response.StatusCode, "stream_ended_early", requestId) { ChunksReceived = received };
        }
    }

    /// <summary>Stands for <c>data: [DONE]</c> in the parsed stream; never handed to callers.</summary>
    private static readonly ClovaChatCompletionChunk DoneSentinel = new();

    /// <summary>
    /// Parses one SSE event straight from its UTF-8 bytes: no string per event, <c>[DONE]</c> recognised by comparing bytes,
    /// the chunk read from the span by <see cref="ChunkReader"/>. A malformed chunk throws <see cref="JsonException"/>.
    /// </summary>
    internal static ClovaChatCompletionChunk? ParseChunk(ChunkReader reader, ReadOnlySpan<byte> data)
    {
        var trimmed = TrimWhitespace(data);
        if (trimmed.SequenceEqual("[DONE]"u8))
        {
            return DoneSentinel;
        }

        return trimmed.IsEmpty ? null : reader.Read(trimmed);
    }

    private static ReadOnlySpan<byte> TrimWhitespace(ReadOnlySpan<byte> data)
    {
        var start = 0;
        var end = data.Length;
        while (start < end && IsWhitespace(data[start]))
        {
            start++;
        }

        while (end > start && IsWhitespace(data[end - 1]))
        {
            end--;
        }

        return data.Slice(start, end - start);

        static bool IsWhitespace(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n';
    }

    /// <summary>Sends an embeddings request (always <c>"encoding_format": "float"</c> with the generated builder).</summary>
    public async Task<ClovaEmbeddingResponse> CreateEmbeddingsAsync(IClovaEmbeddingRequest request, CancellationToken cancellationToken = default)
    {
        if (request is null)
        {
            throw new ArgumentNullException(nameof(request));
        }

        var body = Serialize(request.WriteJson);
        return await CallAsync(() => CreatePost("embeddings", body), ClovaResponseJsonContext.Default.ClovaEmbeddingResponse, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Lists the models the service offers (<c>GET models</c>).</summary>
    public async Task<IReadOnlyList<ClovaModel>> ListModelsAsync(CancellationToken cancellationToken = default)
    {
        HttpRequestMessage CreateGet()
        {
            var message = new HttpRequestMessage(HttpMethod.Get, new Uri(_baseUrl, "models"));
            Authorize(message);
            return message;
        }

        var list = await CallAsync(CreateGet, ClovaResponseJsonContext.Default.ModelList, cancellationToken).ConfigureAwait(false);
        return list.Data;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        if (_ownsHttp)
        {
            _http.Dispose();
        }
    }

    /// <summary>Describes the client without its key.</summary>
    public override string ToString() => $"ClovaStudioClient {{ BaseUrl = {_baseUrl} }}";

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
            var requestId = RequestIdOf(response);
            var (text, cutShort) = await ReadErrorBodyAsync(response, deadline, cancellationToken).ConfigureAwait(false);
            string? code = null;
            string? detail = null;
            try
            {
                var envelope = JsonSerializer.Deserialize(text, ClovaResponseJsonContext.Default.ErrorEnvelope);
                code = envelope?.Error?.Code;
                detail = envelope?.Error?.Message;
            }
            catch (JsonException)
            {
            }

            // Not CLOVA's JSON (a gateway's HTML page, plain text): its title or first line only, never the whole page.
            detail ??= FirstLine(text);

            if (cutShort is not null)
            {
                detail = $"{detail} ({cutShort})";
            }

            var status = (int)response.StatusCode;
            var message2 = $"CLOVA Studio answered {status} ({response.ReasonPhrase}){(code is null ? "" : " " + code)}: {detail}{RequestIdSuffix(response)}";
            throw new ClovaStudioException(message2.Replace(_apiKey, "***"), status, code, requestId);
        }
    }

    /// <summary>
    /// Reads at most <see cref="MaxErrorBodyBytes"/> of an error body, each read bounded by the idle timeout and the
    /// attempt's deadline, under the caller's token. A body that stalls or is cut gives what arrived and says why it stopped;
    /// a cancellation by the caller propagates.
    /// </summary>
    private async Task<(string Text, string? CutShort)> ReadErrorBodyAsync(HttpResponseMessage response, long deadline, CancellationToken cancellationToken)
    {
        var buffer = new byte[MaxErrorBodyBytes];
        var length = 0;
        string? cutShort = null;
        try
        {
            using var body = await OpenBodyAsync(response, deadline, cancellationToken).ConfigureAwait(false);
            int read;
            while (length < buffer.Length && (read = await body.ReadAsync(buffer, length, buffer.Length - length, cancellationToken).ConfigureAwait(false)) > 0)
            {
                length += read;
            }
        }
        catch (TimeoutException ex)
        {
            cutShort = "the rest of the error body did not arrive: " + ex.Message;
        }
        catch (Exception ex) when (ex is IOException or HttpRequestException)
        {
            cutShort = "the error body was cut: " + ex.Message;
        }

        return (System.Text.Encoding.UTF8.GetString(buffer, 0, length), cutShort);
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

    /// <summary>An HTML page's title, else the first non-blank line of a body; at most 200 characters.</summary>
    private static string FirstLine(string text)
    {
        var titleStart = text.IndexOf("<title>", StringComparison.OrdinalIgnoreCase);
        var titleEnd = titleStart < 0 ? -1 : text.IndexOf("</title>", titleStart, StringComparison.OrdinalIgnoreCase);
        if (titleEnd > titleStart && text.Substring(titleStart + 7, titleEnd - titleStart - 7).Trim() is { Length: > 0 and <= 200 } title)
        {
            return title;
        }

        foreach (var line in text.Split('\n'))
        {
            var trimmed = line.Trim();
            if (trimmed.Length > 0)
            {
                return trimmed.Length > 200 ? trimmed.Substring(0, 200) + "…" : trimmed;
            }
        }

        return "(no body)";
    }

    private static string RequestIdSuffix(HttpResponseMessage response) => RequestIdOf(response) is { } id ? $" [request id {id}]" : "";

    private static ReadOnlySpan<byte> Utf8Bom => new byte[] { 0xEF, 0xBB, 0xBF };

    private static string? RequestIdOf(HttpResponseMessage response) =>
        response.Headers.TryGetValues(RequestIdHeader, out var values) ? values.FirstOrDefault() : null;
}
