namespace Omstilling.Host.Cli;

/// <summary>
/// The system clock moved to start at a chosen moment and then run on (<c>omstilling run --at</c>):
/// wall-clock time is shifted, while timestamps and timers (SIP retransmissions, the media clock)
/// keep the real monotonic clock, so everything but the date behaves as in production.
/// </summary>
internal sealed class ShiftedTimeProvider(TimeSpan offset) : TimeProvider
{
    public TimeSpan Offset { get; } = offset;

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Offset;

    public override TimeZoneInfo LocalTimeZone => System.LocalTimeZone;

    public override long GetTimestamp() => System.GetTimestamp();

    public override long TimestampFrequency => System.TimestampFrequency;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        System.CreateTimer(callback, state, dueTime, period);

    /// <summary>A clock that reads <paramref name="start"/> now.</summary>
    public static ShiftedTimeProvider StartingAt(DateTimeOffset start) => new(start - System.GetUtcNow());
}
