using Microsoft.Extensions.Logging.Abstractions;
using Omstilling.Media.Clock;
using Omstilling.Media.Tests.Support;
using Omstilling.Runtime;

namespace Omstilling.Media.Tests.Clock;

/// <summary>The real media clock with two lanes (sending threads), as on a two-core server.</summary>
public sealed class MediaClockTests
{
    [Fact]
    public async Task Senders_are_dealt_over_the_lanes_and_each_keeps_its_thread()
    {
        using var clock = new MediaClock(NullLogger<MediaClock>.Instance, new FaultMonitor(NullLoggerFactory.Instance, TimeProvider.System), lanes: 2);
        var senders = Enumerable.Range(0, 12).Select(_ => new CountingSender(null)).ToList();
        senders.ForEach(clock.Add);
        clock.Start();

        Assert.True(await Eventually.ReachedAsync(() => senders.All(s => s.Ticks >= 5)), "every sender is ticked");

        Assert.All(senders, s => Assert.Single(s.Threads));
        Assert.Equal(2, senders.Select(s => s.Threads.Single()).Distinct().Count());
    }

    [Fact]
    public async Task A_stuck_sender_holds_back_only_its_own_lane()
    {
        using var stuck = new ManualResetEventSlim(false);
        using var clock = new MediaClock(NullLogger<MediaClock>.Instance, new FaultMonitor(NullLoggerFactory.Instance, TimeProvider.System), lanes: 2);
        var senders = Enumerable.Range(0, 6).Select(i => new CountingSender(i == 0 ? stuck : null)).ToList();
        senders.ForEach(clock.Add);
        clock.Start();
        try
        {
            // Each sender goes to the emptiest lane (the first of equals): senders 1, 3 and 5 share the other lane.
            var otherLane = new[] { senders[1], senders[3], senders[5] };
            Assert.True(await Eventually.ReachedAsync(() => otherLane.All(s => s.Ticks >= 10)), "the other lane keeps ticking");
            Assert.Equal(1, senders[0].Ticks);
            Assert.True(senders[2].Ticks <= 1 && senders[4].Ticks <= 1, "the stuck sender's lane waits for it");
        }
        finally
        {
            stuck.Set();
        }

        Assert.True(await Eventually.ReachedAsync(() => senders.All(s => s.Ticks >= 3)), "the lane goes on once the sender returns");
    }

    [Fact]
    public async Task A_sender_that_throws_is_contained_and_taken_off_the_clock_and_the_others_go_on()
    {
        var faults = new FaultMonitor(NullLoggerFactory.Instance, TimeProvider.System);
        using var clock = new MediaClock(NullLogger<MediaClock>.Instance, faults, lanes: 2);
        var others = Enumerable.Range(0, 4).Select(_ => new CountingSender(null)).ToList();
        clock.Add(new ThrowingSender());
        others.ForEach(clock.Add);
        clock.Start();

        Assert.True(await Eventually.ReachedAsync(() => others.All(s => s.Ticks >= 10)), "the other senders keep ticking");
        Assert.Equal(1, faults.Boundary("media.clock").Count);
        Assert.Equal(4, clock.Count);
    }

    private sealed class ThrowingSender : IMediaTicker
    {
        public void OnTick() => throw new InvalidOperationException("a player's bug");
    }

    private sealed class CountingSender(ManualResetEventSlim? blockFirst) : IMediaTicker
    {
        private int _ticks;

        public int Ticks => Volatile.Read(ref _ticks);

        public HashSet<int> Threads { get; } = [];

        public void OnTick()
        {
            lock (Threads)
            {
                Threads.Add(Environment.CurrentManagedThreadId);
            }

            if (Interlocked.Increment(ref _ticks) == 1 && blockFirst is not null)
            {
                blockFirst.Wait(TimeSpan.FromSeconds(10));
            }
        }
    }
}
