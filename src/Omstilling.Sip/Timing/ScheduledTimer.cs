namespace Omstilling.Sip.Timing;

/// <summary>
/// A pending timer of <see cref="SipScheduler"/>. Cancel is cheap: the entry stays queued until it
/// comes due, but lets go of its callback and state at once, so a cancelled 32-second timer does
/// not keep a finished transaction and its messages alive. Exactly one of "fires" and "is
/// cancelled" happens. Thread-safe.
/// </summary>
public sealed class ScheduledTimer
{
    private Action<object?>? _callback;
    private object? _state;
    private int _status; // 0 pending, 1 fired, 2 cancelled

    internal ScheduledTimer(Action<object?> callback, object? state)
    {
        _callback = callback;
        _state = state;
    }

    public bool IsPending => Volatile.Read(ref _status) == 0;

    /// <summary>Stops the timer; false when it already fired or was cancelled.</summary>
    public bool Cancel()
    {
        if (Interlocked.CompareExchange(ref _status, 2, 0) != 0)
        {
            return false;
        }

        _callback = null;
        _state = null;
        return true;
    }

    /// <summary>Claims the right to fire; then runs the callback once.</summary>
    internal void Fire()
    {
        if (Interlocked.CompareExchange(ref _status, 1, 0) != 0)
        {
            return;
        }

        var callback = _callback;
        var state = _state;
        _callback = null;
        _state = null;
        callback?.Invoke(state);
    }
}
