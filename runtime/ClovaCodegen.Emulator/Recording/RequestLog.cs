using System.Collections.Generic;
using System.Threading;

namespace ClovaCodegen.Emulator;

/// <summary>
/// The requests one emulator received, oldest first. Thread-safe: requests are recorded as their answers complete, while a
/// test reads. Bounded (<see cref="EmulatorOptions.RecordedRequestLimit"/>) so a long-running emulator does not grow without end.
/// </summary>
internal sealed class RequestLog
{
    private readonly object _gate = new();
    private readonly Queue<RecordedRequest> _requests = new();
    private readonly int _limit;
    private long _sequence;

    public RequestLog(int limit) => _limit = limit;

    public long NextSequence() => Interlocked.Increment(ref _sequence);

    public void Add(RecordedRequest request)
    {
        lock (_gate)
        {
            _requests.Enqueue(request);
            while (_requests.Count > _limit)
            {
                _requests.Dequeue();
            }
        }
    }

    public IReadOnlyList<RecordedRequest> Snapshot()
    {
        lock (_gate)
        {
            var snapshot = new List<RecordedRequest>(_requests);
            snapshot.Sort(static (a, b) => a.Sequence.CompareTo(b.Sequence));
            return snapshot;
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _requests.Clear();
        }
    }
}
