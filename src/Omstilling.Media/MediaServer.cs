using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.Logging;
using Omstilling.Media.Clock;
using Omstilling.Media.Rtp;

namespace Omstilling.Media;

/// <summary>
/// Makes RTP streams from the configured port range and keeps their RTCP reports going with one
/// timer for all of them. Thread-safe.
/// </summary>
public sealed partial class MediaServer : IAsyncDisposable
{
    private readonly ConcurrentDictionary<RtpStream, byte> _streams = new(ReferenceEqualityComparer.Instance);
    private readonly RtpPortPool _ports;
    private readonly ILoggerFactory _loggers;
    private readonly TimeProvider _time;
    private readonly ITimer _reports;
    private readonly string _cname;
    private readonly ILogger<MediaServer> _logger;
    private readonly EpollReceiver? _receiver;

    public MediaServer(MediaOptions options, IMediaClock clock, TimeProvider time, ILoggerFactory loggers)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(loggers);
        Options = options;
        Clock = clock;
        _time = time;
        _loggers = loggers;
        _logger = loggers.CreateLogger<MediaServer>();
        _ports = new RtpPortPool(options.Address, options.FirstPort, options.LastPort);
        _cname = $"omstilling@{options.AdvertisedAddress ?? options.Address}";
        _reports = time.CreateTimer(_ => SendReports(), null, options.ReportInterval, options.ReportInterval);
        _receiver = EpollReceiver.TryCreate(_logger, options.Threads);
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
        var stream = new RtpStream(rtp, rtcp, _cname, Released, _loggers.CreateLogger<RtpStream>(), _receiver);
        _streams[stream] = 0;
        return stream;
    }

    public async ValueTask DisposeAsync()
    {
        await _reports.DisposeAsync();
        foreach (var stream in _streams.Keys)
        {
            await stream.DisposeAsync();
        }

        _receiver?.Dispose();
    }

    private void Released(RtpStream stream)
    {
        _streams.TryRemove(stream, out _);
        _ports.Release(stream.LocalEndPoint.Port);
    }

    private void SendReports()
    {
        var now = _time.GetUtcNow();
        foreach (var stream in _streams.Keys)
        {
            try
            {
                stream.SendReport(now);
            }
#pragma warning disable CA1031 // A timer callback that throws ends the process; one stream's report must not.
            catch (Exception e)
#pragma warning restore CA1031
            {
                LogReportFailed(_logger, e);
            }
        }
    }

    [LoggerMessage(EventId = 3201, Level = LogLevel.Error, Message = "Sending an RTCP report failed")]
    private static partial void LogReportFailed(ILogger logger, Exception exception);
}
