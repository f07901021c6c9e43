namespace Omstilling.Sip.Timing;

/// <summary>
/// A pending timer of <see cref="SipScheduler"/>. Cancel is cheap (the entry is skipped when it
/// comes due); exactly one of "fires" and "is cancelled" happens. Thread-safe.
/// </summary>
public sealed class ScheduledTimer
{
    private int _state; // 0 pending, 1 fired, 2 cancelled

    internal ScheduledTimer(Action<object?> callback, object? state)
    {
        Callback = callback;
        State = state;
    }

    internal Action<object?> Callback { get; }

    internal object? State { get; }

    public bool IsPending => Volatile.Read(ref _state) == 0;

    /// <summary>Stops the timer; false when it already fired or was cancelled.</summary>
    public bool Cancel() => Interlocked.CompareExchange(ref _state, 2, 0) == 0;

    internal bool TryClaim() => Interlocked.CompareExchange(ref _state, 1, 0) == 0;
}
