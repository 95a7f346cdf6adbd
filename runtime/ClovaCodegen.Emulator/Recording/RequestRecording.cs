using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using ClovaCodegen.Spec.Model;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ClovaCodegen.Emulator;

/// <summary>
/// The first middleware of the emulator: it reads the body as it came over the wire (then rewinds it for the routes), lets
/// the emulator answer through a stream that keeps a copy of the answer's start, and records both once the answer is done,
/// whatever the outcome (rejected, faulted, cut, or aborted by the client).
/// </summary>
/// <remarks>
/// "Done" must come before the client can see the end of the answer: a client that retries a 429 after reading only its
/// headers, or that sees a reset, may otherwise send its next request (and a test may read <c>Requests</c>) while this
/// request's record is still unwritten. Complete answers and deliberate aborts therefore commit the record first
/// (<see cref="SendCompleteAnswerAsync"/>, <see cref="AbortAfterRecording"/>); everything else commits when the routes return.
/// </remarks>
internal static class RequestRecording
{
    private const string Prefix = "/v1/openai/";
    private const int MaxRecordedResponseBytes = 64 * 1024;

    public static void Use(WebApplication app, RequestLog log, CompatSpec spec)
    {
        app.Use(async (context, next) =>
        {
            var sequence = log.NextSequence();
            context.Request.EnableBuffering();
            string body;
            using (var reader = new StreamReader(context.Request.Body, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, bufferSize: 4096, leaveOpen: true))
            {
                body = await reader.ReadToEndAsync(context.RequestAborted);
            }

            context.Request.Body.Position = 0;
            var answer = context.Response.Body;
            var copy = new ResponseCopyStream(answer, MaxRecordedResponseBytes);
            var pending = new PendingRecord(log, spec, context, sequence, body, copy);
            context.Items[PendingRecordKey] = pending;
            context.Response.Body = copy;
            try
            {
                await next(context);
            }
            finally
            {
                context.Response.Body = answer;
                pending.Commit();
            }
        });
    }

    /// <summary>
    /// Sends a whole answer in one write, recording it first: once any byte is out, the client may act on the answer.
    /// </summary>
    public static Task SendCompleteAnswerAsync(HttpContext context, byte[] answer)
    {
        context.Response.ContentLength = answer.Length;
        if (context.Items[PendingRecordKey] is PendingRecord pending)
        {
            pending.Copy.Keep(answer);
            pending.Copy.StopKeeping();
            pending.Commit();
        }

        return context.Response.Body.WriteAsync(answer, 0, answer.Length, context.RequestAborted);
    }

    /// <summary>Records what was sent so far, then drops the connection (a reset, or a body cut in half).</summary>
    public static void AbortAfterRecording(HttpContext context)
    {
        (context.Items[PendingRecordKey] as PendingRecord)?.Commit();
        context.Abort();
    }

    private static readonly object PendingRecordKey = new();

    /// <summary>One request's record, added to the log exactly once, by whichever of the paths above comes first.</summary>
    private sealed class PendingRecord(RequestLog log, CompatSpec spec, HttpContext context, long sequence, string body, ResponseCopyStream copy)
    {
        private int _committed;

        public ResponseCopyStream Copy => copy;

        public void Commit()
        {
            if (Interlocked.Exchange(ref _committed, 1) == 0)
            {
                log.Add(Record(sequence, context.Request, body, context.Response.StatusCode, copy.Text, spec));
            }
        }
    }

    private static RecordedRequest Record(long sequence, HttpRequest request, string body, int statusCode, string responseText, CompatSpec spec)
    {
        var path = request.Path.Value ?? "";
        var endpoint = path.StartsWith(Prefix, StringComparison.Ordinal)
            ? spec.Endpoints.FirstOrDefault(e => string.Equals(e.Method, request.Method, StringComparison.OrdinalIgnoreCase) && Prefix + e.Path == path)
            : null;
        JsonElement? json = null;
        if (body.Length > 0)
        {
            try
            {
                using var document = JsonDocument.Parse(body);
                json = document.RootElement.Clone();
            }
            catch (JsonException)
            {
                // Not JSON: Body keeps the text, Problems says why CLOVA Studio would refuse it.
            }
        }

        IReadOnlyList<RecordedField> fields;
        IReadOnlyList<string> problems;
        try
        {
            (fields, problems) = SpecVerdict.Judge(endpoint, json);
        }
        catch (InvalidOperationException)
        {
            // A lone surrogate escape ("\udc00") is valid JSON but no .NET string can hold it: reading a name or value
            // throws. The emulator answers such a body 400 (invalid_json); the record says why instead of failing the answer.
            fields = new List<RecordedField>();
            problems = new List<string> { "the body holds a lone surrogate escape, which is not valid text" };
        }

        if (json is null && body.Length > 0 && endpoint is not null)
        {
            problems = problems.Append("the body is not valid JSON").ToList();
        }

        return new RecordedRequest(sequence, request.Method, path, endpoint?.Id, body, json, fields, problems, statusCode, responseText);
    }

    /// <summary>Passes every write through and keeps the first bytes of the answer for the record.</summary>
    private sealed class ResponseCopyStream : Stream
    {
        private readonly Stream _inner;
        private readonly MemoryStream _copy = new();
        private readonly int _limit;
        private bool _stopped;

        public ResponseCopyStream(Stream inner, int limit)
        {
            _inner = inner;
            _limit = limit;
        }

        public string Text => Encoding.UTF8.GetString(_copy.GetBuffer(), 0, (int)_copy.Length);

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush() => _inner.Flush();

        public override Task FlushAsync(CancellationToken cancellationToken) => _inner.FlushAsync(cancellationToken);

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count)
        {
            Keep(buffer.AsSpan(offset, count));
            _inner.Write(buffer, offset, count);
        }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Keep(buffer.Span);
            return _inner.WriteAsync(buffer, cancellationToken);
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        /// <summary>After a complete answer was recorded, its own write must not be kept twice.</summary>
        public void StopKeeping() => _stopped = true;

        public void Keep(ReadOnlySpan<byte> bytes)
        {
            if (_stopped)
            {
                return;
            }

            var room = _limit - (int)_copy.Length;
            if (room > 0)
            {
                _copy.Write(bytes.Length <= room ? bytes : bytes.Slice(0, room));
            }
        }
    }
}
