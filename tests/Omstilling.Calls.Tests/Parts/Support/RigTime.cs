using Microsoft.Extensions.Time.Testing;

namespace Omstilling.Calls.Tests.Parts.Support;

/// <summary>
/// The rig's clock: a <see cref="FakeTimeProvider"/> runs the timers, and only <see cref="Advance"/>
/// (on the test's thread) moves time and fires them. Reading the time has no side effects here:
/// a FakeTimeProvider wakes its timers on every reading, so a reading on another thread (the
/// queue's offers are worked out on the thread pool) could hold them back while the test advances,
/// and a timer due at the last step of an advance would then not fire within it.
/// </summary>
internal sealed class RigTime(DateTimeOffset start) : TimeProvider
{
    private readonly FakeTimeProvider _timers = new(start);
    private long _ticks = start.UtcTicks;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _ticks), TimeSpan.Zero);

    public override long GetTimestamp() => Interlocked.Read(ref _ticks);

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        _timers.CreateTimer(callback, state, dueTime, period);

    /// <summary>Moves time on and fires the timers now due, in order, on this thread.</summary>
    public void Advance(TimeSpan by)
    {
        Interlocked.Add(ref _ticks, by.Ticks);
        _timers.Advance(by);
    }
}
