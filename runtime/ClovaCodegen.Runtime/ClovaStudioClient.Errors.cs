using System;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace ClovaCodegen;

/// <summary>How an error answer becomes a <see cref="ClovaStudioException"/>: a bounded read of its body and a short message.</summary>
public sealed partial class ClovaStudioClient
{
    /// <summary>How much of an error body is read for its message: enough for CLOVA's JSON, never a whole HTML page.</summary>
    private const int MaxErrorBodyBytes = 16 * 1024;

    /// <summary>
    /// Reads an error response's body, within bounds, into the exception to throw: CLOVA's error code and message when the
    /// body is its JSON, else a page's title or first line; the request id; never the API key.
    /// </summary>
    private async Task<ClovaStudioException> ReadErrorAsync(HttpResponseMessage response, long deadline, CancellationToken cancellationToken)
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
        var message = $"CLOVA Studio answered {status} ({response.ReasonPhrase}){(code is null ? "" : " " + code)}: {detail}{RequestIdSuffix(response)}";
        return new ClovaStudioException(message.Replace(_apiKey, "***"), status, code, requestId);
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

    private static string? RequestIdOf(HttpResponseMessage response) =>
        response.Headers.TryGetValues(RequestIdHeader, out var values) ? values.FirstOrDefault() : null;
}
