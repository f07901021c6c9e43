using System.Diagnostics.Metrics;

namespace Omstilling.History;

/// <summary>
/// The call history writer's instruments on the meter <see cref="MeterName"/> (docs/metrics.md),
/// read from <see cref="HistoryWriter.Status"/> when scraped: the writer does no work for them.
/// </summary>
public static class HistoryMetrics
{
    /// <summary>The meter every history instrument is on.</summary>
    public const string MeterName = "Omstilling.History";

    internal static void Observe(IMeterFactory meters, Func<HistoryWriterStatus> status)
    {
        var meter = meters.Create(MeterName);
        meter.CreateObservableUpDownCounter("omstilling.history.backlog", () => status().Backlog, "{event}", "Call events waiting to be written to the history.");
        meter.CreateObservableCounter("omstilling.history.written", () => status().Written, "{event}", "Call events written to the history.");
        meter.CreateObservableCounter("omstilling.history.records", () => status().Records, "{record}", "Call records written to the history (one per ended call).");
        meter.CreateObservableCounter("omstilling.history.dropped", () => status().Dropped, "{event}", "Call events dropped because the writer's buffer was full.");
        meter.CreateObservableCounter("omstilling.history.lost", () => status().Lost, "{event}", "Call events lost in batches the database refused.");
    }
}
