using System;
using System.Diagnostics;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace ClovaCodegen;

/// <summary>
/// A response body whose every read gives up when no byte arrives within the idle timeout, or when the deadline (the
/// attempt's <c>HttpClient.Timeout</c>, for bodies it would have covered) passes. The caller's token is honoured
/// throughout. Giving up throws <see cref="TimeoutException"/>; a cancellation by the caller stays an
/// <see cref="OperationCanceledException"/>. One timer serves all reads: it is armed before a read and disarmed after, so
/// time the consumer spends between reads does not count.
/// </summary>
internal sealed class TimedReadStream : Stream
{
    private readonly Stream _inner;
    private readonly CancellationToken _caller;
    private readonly CancellationTokenSource _timer;
    private readonly TimeSpan _idle;
    private readonly long _deadline;

    /// <param name="inner">The body.</param>
    /// <param name="idle">The longest wait for the next bytes; <see cref="Timeout.InfiniteTimeSpan"/> for none.</param>
    /// <param name="deadline">A <see cref="Stopwatch"/> timestamp after which no read starts or continues; 0 for none.</param>
    /// <param name="cancellationToken">The caller's token.</param>
    public TimedReadStream(Stream inner, TimeSpan idle, long deadline, CancellationToken cancellationToken)
    {
        _inner = inner;
        _idle = idle;
        _deadline = deadline;
        _caller = cancellationToken;
        _timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
    }

    /// <summary>A deadline <paramref name="timeout"/> from now, or 0 (none) for an infinite one.</summary>
    public static long DeadlineAfter(TimeSpan timeout) =>
        timeout == Timeout.InfiniteTimeSpan || timeout <= TimeSpan.Zero ? 0 : Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);

#if NET
    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        using var extra = Link(cancellationToken);
        var wait = Arm();
        try
        {
            return await _inner.ReadAsync(buffer, extra?.Token ?? _timer.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (TimedOut(ex, cancellationToken))
        {
            throw Expired(wait, ex);
        }
        finally
        {
            Disarm(wait);
        }
    }
#endif

    public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        using var extra = Link(cancellationToken);
        var wait = Arm();
        try
        {
            return await _inner.ReadAsync(buffer, offset, count, extra?.Token ?? _timer.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (TimedOut(ex, cancellationToken))
        {
            throw Expired(wait, ex);
        }
        finally
        {
            Disarm(wait);
        }
    }

    /// <summary>A token other than the caller's (rare: the SSE parser passes the caller's) is honoured through a link of its own.</summary>
    private CancellationTokenSource? Link(CancellationToken cancellationToken) =>
        cancellationToken.CanBeCanceled && cancellationToken != _caller ? CancellationTokenSource.CreateLinkedTokenSource(_timer.Token, cancellationToken) : null;

    /// <summary>Starts the timer for one read: the idle timeout, cut short by the deadline. Throws when the deadline has passed.</summary>
    private TimeSpan Arm()
    {
        var wait = _idle;
        if (_deadline != 0)
        {
            var left = TimeSpan.FromSeconds((double)(_deadline - Stopwatch.GetTimestamp()) / Stopwatch.Frequency);
            if (left <= TimeSpan.Zero)
            {
                throw new TimeoutException("The response did not arrive in full within the HttpClient's timeout.");
            }

            wait = wait == Timeout.InfiniteTimeSpan || left < wait ? left : wait;
        }

        if (wait != Timeout.InfiniteTimeSpan)
        {
            _timer.CancelAfter(wait);
        }

        return wait;
    }

    private void Disarm(TimeSpan wait)
    {
        if (wait != Timeout.InfiniteTimeSpan && !_timer.IsCancellationRequested)
        {
            _timer.CancelAfter(Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>The timer fired (the read may surface it as a cancellation or as an aborted connection), not the caller.</summary>
    private bool TimedOut(Exception ex, CancellationToken cancellationToken) =>
        _timer.IsCancellationRequested && !_caller.IsCancellationRequested && !cancellationToken.IsCancellationRequested
        && ex is OperationCanceledException or IOException or System.Net.Http.HttpRequestException;

    private TimeoutException Expired(TimeSpan wait, Exception inner) => wait == _idle
        ? new TimeoutException($"No data arrived for {Describe(_idle)}.", inner)
        : new TimeoutException("The response did not arrive in full within the HttpClient's timeout.", inner);

    internal static string Describe(TimeSpan time) => time.TotalSeconds >= 1 ? $"{time.TotalSeconds:0.#} s" : $"{time.TotalMilliseconds:0} ms";

    public override int Read(byte[] buffer, int offset, int count) => _inner.Read(buffer, offset, count);

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
            _timer.Dispose();
        }

        base.Dispose(disposing);
    }
}
