using System.Diagnostics.Metrics;

namespace Omstilling.Media.Metrics;

/// <summary>
/// The media plane's instruments on the meter <see cref="MeterName"/> (docs/metrics.md). All are
/// observed when scraped from counts the media plane keeps anyway, so the 20 ms tick and the RTP
/// receive path do no extra work for them. Thread-safe.
/// </summary>
public static class MediaMetrics
{
    /// <summary>The meter every media instrument is on.</summary>
    public const string MeterName = "Omstilling.Media";

    /// <summary>RTP streams open now (one per leg with media), on <see cref="MediaServer"/>'s behalf.</summary>
    internal static void ObserveStreams(IMeterFactory meters, Func<int> streams) =>
        meters.Create(MeterName).CreateObservableUpDownCounter("omstilling.rtp.streams", streams, "{stream}", "RTP streams open now.");

    /// <summary>The media clock's senders and late slots, on <see cref="Clock.MediaClock"/>'s behalf.</summary>
    internal static void ObserveClock(IMeterFactory meters, Func<int> senders, Func<long> lateTicks)
    {
        var meter = meters.Create(MeterName);
        meter.CreateObservableUpDownCounter("omstilling.media.clock.senders", senders, "{sender}", "Senders on the 20 ms media clock now (streams playing or relaying).");
        meter.CreateObservableCounter("omstilling.media.clock.late_ticks", lateTicks, "{tick}", "Media clock slots that came more than a slot (2 ms) late: the machine was overloaded.");
    }
}
