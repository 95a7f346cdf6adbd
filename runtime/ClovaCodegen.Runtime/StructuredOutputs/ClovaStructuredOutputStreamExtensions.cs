using System;
using System.Collections.Generic;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace ClovaCodegen;

/// <summary>Reads a streamed chat answer as a structured-output type, once the stream has finished.</summary>
public static class ClovaStructuredOutputStreamExtensions
{
    /// <summary>
    /// Reads the streamed chunks to the end, joins the first choice's text and reads it as <typeparamref name="T"/>.
    /// A partial JSON text is not read: a structured answer is only whole when the stream is, and a stream that ends
    /// early or stalls throws <see cref="ClovaStudioException"/> from <c>StreamChatAsync</c> as it does without this method.
    /// </summary>
    /// <exception cref="ClovaStructuredOutputException">The joined text is not JSON or does not fit <typeparamref name="T"/>, or no text came; the exception carries the text.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled; the stream is disposed.</exception>
    public static async Task<T> ReadAsAsync<T>(this IAsyncEnumerable<ClovaChatCompletionChunk> chunks, ClovaStructuredOutput<T> format, CancellationToken cancellationToken = default)
    {
        if (chunks is null)
        {
            throw new ArgumentNullException(nameof(chunks));
        }

        if (format is null)
        {
            throw new ArgumentNullException(nameof(format));
        }

        var text = new StringBuilder();
        var hasText = false;
        string? finishReason = null;
        await foreach (var chunk in chunks.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            cancellationToken.ThrowIfCancellationRequested();
            foreach (var choice in chunk.Choices)
            {
                if (choice.Index != 0)
                {
                    continue;
                }

                if (choice.Delta.Content is { } piece)
                {
                    text.Append(piece);
                    hasText = true;
                }

                finishReason = choice.FinishReason ?? finishReason;
            }
        }

        var raw = text.ToString();
        if (!hasText)
        {
            throw new ClovaStructuredOutputException($"The streamed answer cannot be read as {typeof(T).Name}: it carried no text content (a tool call?).", typeof(T).FullName ?? typeof(T).Name, raw);
        }

        try
        {
            return format.Read(raw);
        }
        catch (ClovaStructuredOutputException ex) when (finishReason == "length")
        {
            // The model stopped at its token limit: say so, since that, not the model's JSON, is what to fix.
            throw new ClovaStructuredOutputException(ex.Message + " The answer stopped at the token limit (finish_reason \"length\").", ex.TargetType, ex.RawText, ex.JsonPath, ex.InnerException);
        }
    }
}
