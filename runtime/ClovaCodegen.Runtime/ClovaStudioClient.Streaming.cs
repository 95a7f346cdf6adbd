using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading;

namespace ClovaCodegen;

/// <summary>The streamed chat completion: server-sent events read chunk by chunk, with an idle timeout.</summary>
public sealed partial class ClovaStudioClient
{
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
}
