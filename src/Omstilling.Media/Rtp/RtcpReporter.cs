using Omstilling.Media.Clock;
using Omstilling.Runtime;

namespace Omstilling.Media.Rtp;

/// <summary>
/// Sends every stream's RTCP report once per report interval, on the media clock: the streams are
/// dealt over the interval's 20 ms ticks, so each tick reports a few of them. A timer that reported
/// every stream at once ran on an ordinary thread-pool thread and took each stream's send lock in
/// turn. Whenever the real-time media threads pre-empted it while it held one, the thread relaying
/// into that stream waited for it (Linux locks lend no priority: it could wait until the real-time
/// threads left a core free), and a thousand calls' reports left as one burst.
/// On the clock the reports are made on a real-time thread like the media they describe. A report
/// whose stream is busy sending at that instant waits for the next tick rather than for the stream
/// (<see cref="RtpStream.TrySendReport"/>). On the clock only while streams exist. Thread-safe:
/// streams are added and removed under a lock, and the ticking thread reads copy-on-write arrays
/// without taking it.
/// </summary>
internal sealed class RtcpReporter : IMediaTicker
{
    private readonly IMediaClock _clock;
    private readonly TimeProvider _time;
    private readonly FaultBoundary _faults;
    private readonly Lock _lock = new();
    private readonly RtpStream[][] _ticks;
    private readonly Dictionary<RtpStream, int> _tickOf = new(ReferenceEqualityComparer.Instance);
    private long _tick;

    // Reports put off because their stream was busy, for the next tick; only the ticking thread uses these.
    private List<RtpStream> _putOff = [];
    private List<RtpStream> _retrying = [];

    /// <param name="interval">How often each stream reports; rounded to whole 20 ms ticks, at least one.</param>
    /// <param name="faults">Where one stream's failing report is contained, so the others' still go.</param>
    public RtcpReporter(IMediaClock clock, TimeProvider time, TimeSpan interval, FaultBoundary faults)
    {
        _clock = clock;
        _time = time;
        _faults = faults;
        var ticks = (int)Math.Clamp(Math.Round(interval / TimeSpan.FromMilliseconds(20)), 1, 60_000);
        _ticks = [.. Enumerable.Range(0, ticks).Select(_ => Array.Empty<RtpStream>())];
    }

    public void Add(RtpStream stream)
    {
        lock (_lock)
        {
            // The emptiest tick, so streams that come and go leave no tick with most of the reports.
            var tick = 0;
            for (var i = 1; i < _ticks.Length; i++)
            {
                if (_ticks[i].Length < _ticks[tick].Length)
                {
                    tick = i;
                }
            }

            _tickOf[stream] = tick;
            Volatile.Write(ref _ticks[tick], [.. _ticks[tick], stream]);
            if (_tickOf.Count == 1)
            {
                _clock.Add(this);
            }
        }
    }

    public void Remove(RtpStream stream)
    {
        lock (_lock)
        {
            if (!_tickOf.Remove(stream, out var tick))
            {
                return;
            }

            Volatile.Write(ref _ticks[tick], [.. _ticks[tick].Where(s => !ReferenceEquals(s, stream))]);
            if (_tickOf.Count == 0)
            {
                _clock.Remove(this);
            }
        }
    }

    /// <summary>Stops reporting (the media server is being disposed).</summary>
    public void Stop() => _clock.Remove(this);

    public void OnTick()
    {
        // One clock thread ticks a sender, so the counter and the put-off lists need no lock.
        var streams = Volatile.Read(ref _ticks[_tick++ % _ticks.Length]);
        (_retrying, _putOff) = (_putOff, _retrying);
        if (streams.Length == 0 && _retrying.Count == 0)
        {
            return;
        }

        var now = _time.GetUtcNow();
        foreach (var stream in _retrying)
        {
            Report(stream, now);
        }

        _retrying.Clear();
        foreach (var stream in streams)
        {
            Report(stream, now);
        }
    }

    private void Report(RtpStream stream, DateTimeOffset now)
    {
        try
        {
            if (!stream.TrySendReport(now))
            {
                _putOff.Add(stream);
            }
        }
#pragma warning disable CA1031 // One stream's report must not stop the others'.
        catch (Exception e)
#pragma warning restore CA1031
        {
            _faults.Contain(e, stream.Remote, $"the RTCP report of the stream on port {stream.LocalEndPoint.Port}");
        }
    }
}
