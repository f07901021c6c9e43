using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Omstilling.Calls.Events;
using Omstilling.Runtime;
using Omstilling.Web.Live;

namespace Omstilling.Web.Tests.Live;

/// <summary>
/// The one reading of the history that every open console (or wallboard) shares: nothing is read
/// while nobody listens; two listeners cost one query; a call's end, a mark and the 30 s timer each
/// bring a fresh reading, two seconds later.
/// </summary>
public sealed class HistoryFeedTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 3, 8, 0, 0, TimeSpan.Zero));
    private readonly FakeCallEvents _events = new();
    private int _queries;

    [Fact]
    public async Task Listeners_share_one_query_and_each_end_mark_or_half_minute_brings_one_more()
    {
        await using var feed = new HistoryFeed<string>(_ => Task.FromResult($"reading {Interlocked.Increment(ref _queries)}"), _events, _time, new FaultMonitor(NullLoggerFactory.Instance, _time).Boundary("test"), "a test reading");
        feed.Start();

        _events.Raise(CallEventKind.Ended);
        await PassAsync(TimeSpan.FromSeconds(3));
        Assert.Equal(0, Volatile.Read(ref _queries));

        var first = new List<string>();
        var second = new List<string>();
        feed.Changed += v => { lock (first) { first.Add(v); } };
        feed.Changed += v => { lock (second) { second.Add(v); } };
        Assert.True(await UntilAsync(() => Count(second) == 1));
        Assert.Equal((1, "reading 1"), (Volatile.Read(ref _queries), feed.Current));
        Assert.Equal(["reading 1"], first);

        _events.Raise(CallEventKind.Ringing);
        await PassAsync(TimeSpan.FromSeconds(3));
        Assert.Equal(1, Volatile.Read(ref _queries));

        _events.Raise(CallEventKind.Ended);
        Assert.True(await UntilAsync(() => Count(first) == 2));
        _events.Raise(CallEventKind.MarkedMisrouted);
        Assert.True(await UntilAsync(() => Count(first) == 3));
        Assert.True(await UntilAsync(() => Count(first) == 4, step: TimeSpan.FromSeconds(5)));
        Assert.Equal(4, Volatile.Read(ref _queries));
        Assert.Equal(first, second);
    }

    private static int Count(List<string> seen)
    {
        lock (seen)
        {
            return seen.Count;
        }
    }

    /// <summary>Moves the fake clock on in steps, giving the feed's loop a moment of real time after each.</summary>
    private async Task PassAsync(TimeSpan span)
    {
        for (var t = TimeSpan.Zero; t < span; t += TimeSpan.FromMilliseconds(500))
        {
            _time.Advance(TimeSpan.FromMilliseconds(500));
            await Task.Delay(20);
        }
    }

    private async Task<bool> UntilAsync(Func<bool> condition, TimeSpan? step = null)
    {
        for (var i = 0; i < 200 && !condition(); i++)
        {
            _time.Advance(step ?? TimeSpan.FromMilliseconds(500));
            await Task.Delay(20);
        }

        return condition();
    }

    private sealed class FakeCallEvents : ICallEvents
    {
        private Action<CallEvent>? _consumer;

        public IDisposable Subscribe(string name, Action<CallEvent> consumer)
        {
            _consumer = consumer;
            return new Unsubscribe(() => _consumer = null);
        }

        public void Raise(CallEventKind kind) =>
            _consumer?.Invoke(new CallEvent(Guid.NewGuid(), kind, DateTimeOffset.UnixEpoch, "20304050", "54731000"));

        private sealed class Unsubscribe(Action dispose) : IDisposable
        {
            public void Dispose() => dispose();
        }
    }
}
