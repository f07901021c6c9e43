using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using Omstilling.Runtime;

namespace Omstilling.Media.Clock;

/// <summary>
/// The one media clock of the process: every sender is ticked exactly every 20 ms on an absolute
/// schedule (so errors never accumulate; each lane keeps its own). Senders are spread over a few
/// lanes, one real-time thread each (one per core by default), and within a lane over ten 2 ms
/// slots, each sender to the emptiest. The packets of thousands
/// of streams thus leave in small bursts instead of one large one: a burst beyond the kernel's
/// 300-packet softirq budget is deferred to ksoftirqd and arrives late (measured: 2,000 streams in
/// 4 slots had a p99 deviation of 3.3 ms, in 10 slots 0.8-1.8 ms). With a lane per core, one
/// thread's share of a slot is sent in a fraction of the time, and a core that stalls (a virtual
/// CPU pre-empted by its host) holds back only its lane. Lanes sleep to each slot with an absolute
/// high-resolution sleep (no spinning), and wait without waking at all while nothing plays.
/// Thread-safe: tickers may be added and removed from any thread (copy-on-write lists).
/// </summary>
public sealed partial class MediaClock : IMediaClock, IDisposable
{
    private const int Slots = 10;
    private static readonly TimeSpan Period = TimeSpan.FromMilliseconds(20);

    private readonly Lock _lock = new();
    private readonly Lane[] _lanes;
    private readonly Dictionary<IMediaTicker, (Lane Lane, int Slot)> _placeOf = new(ReferenceEqualityComparer.Instance);
    private readonly ILogger<MediaClock> _logger;
    private readonly FaultBoundary _faults;
    private volatile bool _stopping;

    /// <param name="logger">Where scheduling is reported.</param>
    /// <param name="faults">Where a failing sender is contained (boundary <c>media.clock</c>): it is taken off the clock, every other sender goes on.</param>
    /// <param name="lanes">Sending threads (at least one); the media plane's default is one per core, 2 to 4.</param>
    /// <param name="meters">Where the clock's senders and late ticks are observed (docs/metrics.md); none without one.</param>
    public MediaClock(ILogger<MediaClock> logger, FaultMonitor faults, int lanes = 1, IMeterFactory? meters = null)
    {
        ArgumentNullException.ThrowIfNull(logger);
        ArgumentNullException.ThrowIfNull(faults);
        _logger = logger;
        _faults = faults.Boundary("media.clock");
        _lanes = [.. Enumerable.Range(0, Math.Max(1, lanes)).Select(i => new Lane(this, i))];
        if (meters is not null)
        {
            Metrics.MediaMetrics.ObserveClock(meters, () => Count, () => LateTicks);
        }
    }

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _placeOf.Count;
            }
        }
    }

    /// <summary>Slots that came more than a slot late (the machine was overloaded), since start, over all lanes.</summary>
    public long LateTicks => _lanes.Sum(l => Interlocked.Read(ref l.Late));

    public void Start()
    {
        foreach (var lane in _lanes)
        {
            lane.Thread.Start();
        }
    }

    public void Add(IMediaTicker ticker)
    {
        ArgumentNullException.ThrowIfNull(ticker);
        lock (_lock)
        {
            if (_placeOf.ContainsKey(ticker))
            {
                return;
            }

            // The lane with the fewest senders and its emptiest slot, so calls that end cannot leave
            // one lane or slot with most of those that remain.
            var lane = _lanes.MinBy(l => l.Count)!;
            var slot = Enumerable.Range(0, Slots).MinBy(i => lane.Slots[i].Length);
            _placeOf[ticker] = (lane, slot);
            lane.Slots[slot] = [.. lane.Slots[slot], ticker];
            lane.Busy.Set();
        }
    }

    public void Remove(IMediaTicker ticker)
    {
        ArgumentNullException.ThrowIfNull(ticker);
        lock (_lock)
        {
            if (_placeOf.Remove(ticker, out var place))
            {
                var (lane, slot) = place;
                lane.Slots[slot] = lane.Slots[slot].Where(t => !ReferenceEquals(t, ticker)).ToArray();
                if (lane.Count == 0)
                {
                    lane.Busy.Reset();
                }
            }
        }
    }

    public void Dispose()
    {
        _stopping = true;
        foreach (var lane in _lanes)
        {
            lane.Busy.Set();
            if (!lane.Thread.IsAlive || lane.Thread.Join(TimeSpan.FromSeconds(2)))
            {
                lane.Dispose(); // a thread that did not leave in time may still read its event
            }
        }
    }

    private void Run(Lane lane)
    {
        LogScheduling(lane.Index + 1, RealTimePriority.TryRaiseCurrentThread());
        var start = Stopwatch.GetTimestamp();
        var slotTicks = Stopwatch.Frequency * Period.Ticks / TimeSpan.TicksPerSecond / Slots;
        long n = 0;
        while (!_stopping)
        {
            if (!lane.Busy.IsSet)
            {
                // Nothing plays in this lane: sleep until a sender arrives, then start a fresh schedule.
                lane.Busy.Wait();
                start = Stopwatch.GetTimestamp();
                n = 0;
            }

            var due = start + (n * slotTicks);
            PreciseSleep.Until(due);
            var lateBy = Stopwatch.GetTimestamp() - due;
            if (lateBy > slotTicks)
            {
                Interlocked.Increment(ref lane.Late);
                if (lateBy > 20 * slotTicks)
                {
                    // Suspended or badly overloaded for 100 ms or more: resynchronise rather than burst.
                    LogResync(Stopwatch.GetElapsedTime(due));
                    start = Stopwatch.GetTimestamp() - (n * slotTicks);
                }
            }

            foreach (var ticker in Volatile.Read(ref lane.Slots[n % Slots]))
            {
                try
                {
                    ticker.OnTick();
                }
#pragma warning disable CA1031 // One failing stream must not stop the clock for every other call.
                catch (Exception e)
#pragma warning restore CA1031
                {
                    _faults.Contain(e, ticker, "the sender (taken off the clock)");
                    Remove(ticker);
                }
            }

            n++;
        }
    }

    /// <summary>One sending thread and the senders dealt to it, by slot.</summary>
    private sealed class Lane : IDisposable
    {
        public readonly IMediaTicker[][] Slots = [.. Enumerable.Range(0, MediaClock.Slots).Select(_ => Array.Empty<IMediaTicker>())];
        public readonly ManualResetEventSlim Busy = new(false);
        public long Late;

        public Lane(MediaClock clock, int index)
        {
            Index = index;
            Thread = new Thread(() => clock.Run(this)) { IsBackground = true, Name = $"Media clock {index + 1}", Priority = ThreadPriority.Highest };
        }

        public int Index { get; }

        public Thread Thread { get; }

        /// <summary>Senders in this lane; read under the clock's lock.</summary>
        public int Count => Slots.Sum(s => s.Length);

        public void Dispose() => Busy.Dispose();
    }

    [LoggerMessage(EventId = 3003, Level = LogLevel.Information, Message = "Media clock lane {Lane} started; real-time scheduling: {RealTime}")]
    private partial void LogScheduling(int lane, bool realTime);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Warning, Message = "The media clock was {Late} late and resynchronised")]
    private partial void LogResync(TimeSpan late);
}
