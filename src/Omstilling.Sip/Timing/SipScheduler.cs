using Omstilling.Runtime;

namespace Omstilling.Sip.Timing;

/// <summary>
/// The one timer service of the SIP stack: every transaction, dialog and registration timer is
/// an entry in one priority queue, and one <see cref="ITimer"/> from the injected
/// <see cref="TimeProvider"/> is armed for the earliest entry. No thread or Task.Delay per timer;
/// tests advance a fake clock and the due callbacks run synchronously.
/// Thread-safe. Callbacks run outside the scheduler's lock, on the timer's thread, in due order.
/// </summary>
public sealed class SipScheduler : IDisposable
{
    private readonly TimeProvider _time;
    private readonly FaultBoundary _faults;
    private readonly Lock _lock = new();
    private readonly PriorityQueue<ScheduledTimer, (long Due, long Sequence)> _queue = new();
    private readonly ITimer _timer;
    private long _sequence;
    private long _armedFor = long.MaxValue;
    private bool _disposed;

    /// <param name="faults">Where a failing callback is contained (boundary <c>sip.timer</c>): it must not stop every other timer of the stack.</param>
    public SipScheduler(TimeProvider time, FaultMonitor faults)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(faults);
        _time = time;
        _faults = faults.Boundary("sip.timer");
        _timer = time.CreateTimer(_ => Fire(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    public TimeProvider Time => _time;

    /// <summary>Entries waiting, including cancelled ones not yet reached.</summary>
    public int Pending
    {
        get
        {
            lock (_lock)
            {
                return _queue.Count;
            }
        }
    }

    /// <summary>Runs <paramref name="callback"/> once after <paramref name="delay"/>, unless cancelled first.</summary>
    public ScheduledTimer Schedule(TimeSpan delay, Action<object?> callback, object? state = null)
    {
        ArgumentNullException.ThrowIfNull(callback);
        // Due times are rounded up to the next 10 ms: SIP timers are hundreds of milliseconds long,
        // and timers falling in the same slot then fire in one wake-up instead of one each.
        var quantum = _time.TimestampFrequency / 100;
        var exact = _time.GetTimestamp() + (long)(Math.Max(0, delay.TotalSeconds) * _time.TimestampFrequency);
        var due = (exact + quantum - 1) / quantum * quantum;
        var entry = new ScheduledTimer(callback, state);
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _queue.Enqueue(entry, (due, _sequence++));

            // Armed under the lock so two racing Schedule calls cannot leave the timer set for the later one.
            if (due < _armedFor)
            {
                _armedFor = due;
                Arm(due);
            }
        }

        return entry;
    }

    public void Dispose()
    {
        lock (_lock)
        {
            _disposed = true;
            _queue.Clear();
        }

        _timer.Dispose();
    }

    private void Arm(long due)
    {
        var delay = TimeSpan.FromSeconds(Math.Max(0, due - _time.GetTimestamp()) / (double)_time.TimestampFrequency);
        try
        {
            _timer.Change(delay, Timeout.InfiniteTimeSpan);
        }
        catch (ObjectDisposedException)
        {
            // Disposed concurrently: nothing left to fire.
        }
    }

    private void Fire()
    {
        while (true)
        {
            ScheduledTimer? entry;
            lock (_lock)
            {
                if (_disposed)
                {
                    return;
                }

                var now = _time.GetTimestamp();
                if (!_queue.TryPeek(out entry, out var key) || key.Due > now)
                {
                    _armedFor = _queue.Count == 0 ? long.MaxValue : key.Due;
                    if (_queue.Count > 0)
                    {
                        Arm(key.Due);
                    }

                    return;
                }

                _queue.Dequeue();
            }

            _faults.Run(entry.Fire, null, "a timer's callback");
        }
    }
}
