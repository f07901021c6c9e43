using System.Threading.Channels;
using Microsoft.Extensions.Time.Testing;

namespace Omstilling.Calendars.Tests;

/// <summary>A fake clock that tells when a timer is set, so a test advances it only once the code waits.</summary>
internal sealed class SignallingClock(DateTimeOffset start) : FakeTimeProvider(start)
{
    private readonly Channel<TimeSpan> _timers = Channel.CreateUnbounded<TimeSpan>();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        _timers.Writer.TryWrite(dueTime);
        return timer;
    }

    /// <summary>Waits (on the real clock, at most 10 s) until a timer of <paramref name="due"/> is set.</summary>
    public async Task TimerSetAsync(TimeSpan due)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (await _timers.Reader.ReadAsync(timeout.Token) != due)
        {
        }
    }
}
