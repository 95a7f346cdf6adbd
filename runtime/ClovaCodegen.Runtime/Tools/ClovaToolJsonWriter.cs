using System;
using System.Buffers;
using System.ComponentModel;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace ClovaCodegen;

/// <summary>
/// Writes one JSON value to a string: a tool's result for the model (generated code:
/// <c>var result = ClovaToolJsonWriter.Start(); var writer = result.Json; ...; return result.Finish();</c>), or a tool
/// call's arguments. The writer and its buffer are kept per thread and reused, so the text costs its string and nothing
/// else; text outside ASCII (Korean) is not escaped.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class ClovaToolJsonWriter
{
    // A value bigger than this is rare; its buffer is not kept for the thread's lifetime.
    private const int MaxKeptCapacity = 64 * 1024;

    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    // Taken out while a value is written and put back by Finish: a value written inside another (a property getter that
    // dispatches a tool) or one whose writing threw never shares a buffer with another.
    [ThreadStatic]
    private static ClovaToolJsonWriter? t_idle;

    private readonly GrowingBuffer _buffer = new();

    private ClovaToolJsonWriter()
    {
        Json = new Utf8JsonWriter(_buffer, Options);
    }

    /// <summary>The writer to write the one JSON value into.</summary>
    public Utf8JsonWriter Json { get; }

    /// <summary>A writer at the start of an empty buffer; end with <see cref="Finish"/>.</summary>
    public static ClovaToolJsonWriter Start()
    {
        var result = t_idle;
        if (result is null)
        {
            return new ClovaToolJsonWriter();
        }

        t_idle = null;
        return result;
    }

    /// <summary>The text written; the writer is reset for the thread's next value.</summary>
    public string Finish()
    {
        Json.Flush();
        var text = Encoding.UTF8.GetString(_buffer.Bytes, 0, _buffer.Written);
        _buffer.Clear();
        Json.Reset(_buffer);
        if (_buffer.Bytes.Length <= MaxKeptCapacity)
        {
            t_idle = this;
        }

        return text;
    }

    /// <summary>A growable byte buffer (netstandard2.0 has no ArrayBufferWriter).</summary>
    private sealed class GrowingBuffer : IBufferWriter<byte>
    {
        public byte[] Bytes { get; private set; } = new byte[512];

        public int Written { get; private set; }

        public void Clear() => Written = 0;

        public void Advance(int count) => Written += count;

        public Memory<byte> GetMemory(int sizeHint = 0)
        {
            Grow(sizeHint);
            return Bytes.AsMemory(Written);
        }

        public Span<byte> GetSpan(int sizeHint = 0)
        {
            Grow(sizeHint);
            return Bytes.AsSpan(Written);
        }

        private void Grow(int sizeHint)
        {
            var needed = Written + Math.Max(sizeHint, 1);
            if (needed > Bytes.Length)
            {
                var bytes = Bytes;
                Array.Resize(ref bytes, Math.Max(needed, bytes.Length * 2));
                Bytes = bytes;
            }
        }
    }
}
