using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Net;
using Microsoft.Extensions.Logging;
using Omstilling.Media.Clock;
using Omstilling.Media.Rtp;
using Omstilling.Runtime;

namespace Omstilling.Media;

/// <summary>
/// Makes RTP streams from the configured port range and keeps their RTCP reports going, on the
/// media clock (<see cref="RtcpReporter"/>). What a packet or a report throws is contained at the
/// boundaries <c>media.receive</c> and <c>media.rtcp</c>: that packet or report is dropped, the
/// stream and every other stream go on. Thread-safe.
/// </summary>
public sealed class MediaServer : IAsyncDisposable
{
    private readonly ConcurrentDictionary<RtpStream, byte> _streams = new(ReferenceEqualityComparer.Instance);
    private readonly RtpPortPool _ports;
    private readonly ILoggerFactory _loggers;
    private readonly RtcpReporter _reports;
    private readonly string _cname;
    private readonly ILogger<MediaServer> _logger;
    private readonly EpollReceiver? _receiver;
    private readonly FaultBoundary _receiveFaults;

    /// <param name="meters">Where the open streams are observed (docs/metrics.md); none without one.</param>
    public MediaServer(MediaOptions options, IMediaClock clock, TimeProvider time, ILoggerFactory loggers, FaultMonitor faults, IMeterFactory? meters = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(loggers);
        ArgumentNullException.ThrowIfNull(faults);
        Options = options;
        Clock = clock;
        _loggers = loggers;
        _logger = loggers.CreateLogger<MediaServer>();
        _ports = new RtpPortPool(options.Address, options.FirstPort, options.LastPort);
        _cname = $"omstilling@{options.AdvertisedAddress ?? options.Address}";
        _reports = new RtcpReporter(clock, time, options.ReportInterval, faults.Boundary("media.rtcp"));
        _receiveFaults = faults.Boundary("media.receive");
        _receiver = EpollReceiver.TryCreate(_logger, _receiveFaults, options.Threads);
        if (meters is not null)
        {
            Metrics.MediaMetrics.ObserveStreams(meters, () => StreamCount);
        }
    }

    public MediaOptions Options { get; }

    public IMediaClock Clock { get; }

    public int StreamCount => _streams.Count;

    /// <summary>The address to put in SDP for a stream.</summary>
    public IPEndPoint Advertised(RtpStream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        return new IPEndPoint(Options.AdvertisedAddress ?? Options.Address, stream.LocalEndPoint.Port);
    }

    public RtpStream CreateStream()
    {
        var (rtp, rtcp) = _ports.Allocate();
        var stream = new RtpStream(rtp, rtcp, _cname, Released, _loggers.CreateLogger<RtpStream>(), _receiver, _receiveFaults);
        _streams[stream] = 0;
        _reports.Add(stream);
        return stream;
    }

    public async ValueTask DisposeAsync()
    {
        _reports.Stop();
        foreach (var stream in _streams.Keys)
        {
            await stream.DisposeAsync();
        }

        _receiver?.Dispose();
    }

    private void Released(RtpStream stream)
    {
        _streams.TryRemove(stream, out _);
        _reports.Remove(stream);
        _ports.Release(stream.LocalEndPoint.Port);
    }
}
