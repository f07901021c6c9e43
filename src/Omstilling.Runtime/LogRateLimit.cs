namespace Omstilling.Runtime;

/// <summary>
/// At most so many log lines per window for things a sender controls (malformed datagrams): a
/// flood must not fill the log, nor stall the receive thread behind a full console queue. What
/// was held back is counted and reported with the next line let through. Thread-safe.
/// </summary>
public sealed class LogRateLimit(TimeProvider time, int perWindow, TimeSpan window)
{
    private readonly Lock _sync = new();
    private long _windowStart = long.MinValue;
    private int _inWindow;
    private long _suppressed;

    /// <summary>True when this one may be logged; <paramref name="suppressed"/> is how many were held back before it.</summary>
    public bool TryTake(out long suppressed)
    {
        var now = time.GetTimestamp();
        lock (_sync)
        {
            if (_windowStart == long.MinValue || time.GetElapsedTime(_windowStart, now) >= window)
            {
                _windowStart = now;
                _inWindow = 0;
            }

            if (_inWindow < perWindow)
            {
                _inWindow++;
                suppressed = _suppressed;
                _suppressed = 0;
                return true;
            }

            _suppressed++;
            suppressed = 0;
            return false;
        }
    }
}
