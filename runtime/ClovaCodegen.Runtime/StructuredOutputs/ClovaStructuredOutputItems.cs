using System;
using System.Buffers;
using System.Collections.Generic;
using System.ComponentModel;
#if NET8_0_OR_GREATER
using System.Runtime.InteropServices;
#endif

namespace ClovaCodegen;

/// <summary>
/// Collects a JSON array's elements in a pooled buffer while generated readers read them, so the list or array handed
/// back is allocated once, at its final size, instead of growing (and copying) as a <see cref="List{T}"/> does. Not for
/// direct use; a local of this type is used once: <see cref="Add"/> each element, then <see cref="ToList"/> or
/// <see cref="ToArray"/>.
/// </summary>
/// <typeparam name="T">The element type.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
#pragma warning disable CA1815 // Never compared: a local builder, like ValueListBuilder in the BCL.
public struct ClovaStructuredOutputItems<T>
#pragma warning restore CA1815
{
    private T[]? _buffer;
    private int _count;

    /// <summary>How many elements were added (the index of the next one).</summary>
    public readonly int Count => _count;

    /// <summary>Adds an element.</summary>
    public void Add(T item)
    {
        if (_buffer is null || _count == _buffer.Length)
        {
            Grow();
        }

        _buffer![_count++] = item;
    }

    /// <summary>The elements as a list of exactly their count; the buffer goes back to the pool.</summary>
    public List<T> ToList()
    {
        var list = new List<T>(_count);
#if NET8_0_OR_GREATER
        CollectionsMarshal.SetCount(list, _count);
        Items.CopyTo(CollectionsMarshal.AsSpan(list));
#else
        for (var i = 0; i < _count; i++)
        {
            list.Add(_buffer![i]);
        }
#endif
        Release();
        _count = 0;
        return list;
    }

    /// <summary>The elements as an array; the buffer goes back to the pool.</summary>
    public T[] ToArray()
    {
        var array = _count == 0 ? Array.Empty<T>() : Items.ToArray();
        Release();
        _count = 0;
        return array;
    }

    private readonly Span<T> Items => _buffer is null ? default : new Span<T>(_buffer, 0, _count);

    private void Grow()
    {
        var larger = ArrayPool<T>.Shared.Rent(_buffer is null ? 16 : _buffer.Length * 2);
        if (_buffer is not null)
        {
            Items.CopyTo(larger);
            Release();
        }

        _buffer = larger;
    }

    // Cleared first so the pool holds no references to the caller's values.
    private void Release()
    {
        if (_buffer is not null)
        {
            Items.Clear();
            ArrayPool<T>.Shared.Return(_buffer);
            _buffer = null;
        }
    }
}
