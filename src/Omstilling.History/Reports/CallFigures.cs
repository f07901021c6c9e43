using Omstilling.Storage.Entities;

namespace Omstilling.History.Reports;

/// <summary>
/// The figures beside the three goals (docs/kpis.md, "Beside the goals"), each defined here and
/// nowhere else: abandonment and how long callers waited before giving up, the service level, the
/// waiting-time distribution, calls per hour and weekday, menu choices, voicemails, recalls and
/// unanswered transfers per target. Pure.
/// </summary>
public static class CallFigures
{
    /// <summary>The upper bounds (included) of the waiting-time buckets; the last bucket has none.</summary>
    public static readonly IReadOnlyList<TimeSpan> WaitBucketBounds =
        [TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(120), TimeSpan.FromSeconds(300)];

    /// <param name="records">The calls of the report.</param>
    /// <param name="zone">The local time zone (hours and weekdays are local).</param>
    /// <param name="serviceLevelLimit">The wait within which an answer counts for the service level (the ring limit's time).</param>
    public static FurtherFigures Compute(IReadOnlyCollection<CallRecord> records, TimeZoneInfo zone, TimeSpan serviceLevelLimit)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(zone);
        var waited = records.Where(Waited).ToList();
        var gaveUp = waited.Where(IsAbandoned).Select(WaitingTime).ToList();
        var transfers = records.Where(Kpis.IsTransferToPerson).ToList();

        var perHour = new int[24];
        var perWeekday = new int[7];
        foreach (var record in records)
        {
            var local = TimeZoneInfo.ConvertTime(record.ArrivedAt, zone);
            perHour[local.Hour]++;
            perWeekday[WeekdayIndex(local.DayOfWeek)]++;
        }

        return new FurtherFigures(
            new KpiFigure(null, gaveUp.Count, waited.Count),
            gaveUp.Count == 0 ? null : TimeSpan.FromMilliseconds(gaveUp.Average(w => w.TotalMilliseconds)),
            gaveUp.Count == 0 ? null : gaveUp.Max(),
            new KpiFigure(null, waited.Count(r => WithinServiceLevel(r, serviceLevelLimit)), waited.Count),
            Buckets(waited),
            perHour,
            perWeekday,
            MenuChoices(records),
            new KpiFigure(null, records.Count(WentToVoicemail), records.Count),
            new KpiFigure(null, transfers.Count(WasRecalled), transfers.Count),
            [.. records.Where(IsUnansweredTransfer)
                .GroupBy(r => r.TransferTarget ?? "")
                .Select(g => new TargetCount(g.Key, g.Count()))
                .OrderByDescending(t => t.Calls).ThenBy(t => t.Target, StringComparer.Ordinal)]);
    }

    /// <summary>A call from outside that waited for a person: in a queue, or while phones rang.</summary>
    public static bool Waited(CallRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return record.External && (record.QueueId is not null || record.FirstRingAt is not null);
    }

    /// <summary>
    /// How long a caller who <see cref="Waited"/> waited: the queue wait (joining the queue to an
    /// answer or to leaving it) when the call was queued, else from the first ring to the answer or
    /// to the end.
    /// </summary>
    public static TimeSpan WaitingTime(CallRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (record.QueueWaitMs is { } queued)
        {
            return TimeSpan.FromMilliseconds(queued);
        }

        return record.FirstRingAt is { } rang ? Max((record.AnsweredAt ?? record.EndedAt) - rang) : TimeSpan.Zero;
    }

    /// <summary>Abandoned: a call from outside, waiting for a person, that reached no one and no voicemail and that the caller ended (docs/history.md).</summary>
    public static bool IsAbandoned(CallRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return record.External && record.Abandoned;
    }

    /// <summary>The service level's numerator: waited, and answered within <paramref name="limit"/> of starting to wait.</summary>
    public static bool WithinServiceLevel(CallRecord record, TimeSpan limit) =>
        Waited(record) && record.AnsweredAt is not null && WaitingTime(record) <= limit;

    public static bool WentToVoicemail(CallRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return record.VoicemailBox is not null;
    }

    /// <summary>A transfer to a person that came back to the switchboard at least once.</summary>
    public static bool WasRecalled(CallRecord record) => Kpis.IsTransferToPerson(record) && record.Recalls > 0;

    /// <summary>A transfer to a person that the person did not take (no answer, busy, refused, or the caller left first).</summary>
    public static bool IsUnansweredTransfer(CallRecord record) => Kpis.IsTransferToPerson(record) && record.TransferOutcome != CallRecordBuilder.Completed;

    /// <summary>The bucket a wait belongs to: the first whose upper bound it does not exceed (exactly 20 s is in "up to 20 s").</summary>
    public static int BucketOf(TimeSpan wait)
    {
        for (var i = 0; i < WaitBucketBounds.Count; i++)
        {
            if (wait <= WaitBucketBounds[i])
            {
                return i;
            }
        }

        return WaitBucketBounds.Count;
    }

    /// <summary>The menu choices of a menu path ("menu:option > menu:option"), in order.</summary>
    public static IEnumerable<(string Menu, string Option)> Choices(string? menuPath)
    {
        foreach (var step in (menuPath ?? "").Split(" > ", StringSplitOptions.RemoveEmptyEntries))
        {
            var colon = step.IndexOf(':', StringComparison.Ordinal);
            yield return colon < 0 ? (step, "") : (step[..colon], step[(colon + 1)..]);
        }
    }

    /// <summary>Monday = 0 … Sunday = 6 (the Danish week).</summary>
    public static int WeekdayIndex(DayOfWeek day) => ((int)day + 6) % 7;

    private static List<WaitBucket> Buckets(List<CallRecord> waited)
    {
        var buckets = Enumerable.Range(0, WaitBucketBounds.Count + 1)
            .Select(i => (From: i == 0 ? TimeSpan.Zero : WaitBucketBounds[i - 1], To: i < WaitBucketBounds.Count ? WaitBucketBounds[i] : (TimeSpan?)null, Calls: 0, Answered: 0, Abandoned: 0))
            .ToArray();
        foreach (var record in waited)
        {
            ref var bucket = ref buckets[BucketOf(WaitingTime(record))];
            bucket.Calls++;
            bucket.Answered += record.AnsweredAt is null ? 0 : 1;
            bucket.Abandoned += IsAbandoned(record) ? 1 : 0;
        }

        return [.. buckets.Select(b => new WaitBucket(b.From, b.To, b.Calls, b.Answered, b.Abandoned))];
    }

    private static List<MenuChoiceCount> MenuChoices(IEnumerable<CallRecord> records) =>
        [.. records.SelectMany(r => Choices(r.MenuPath))
            .GroupBy(c => c)
            .Select(g => new MenuChoiceCount(g.Key.Menu, g.Key.Option, g.Count()))
            .OrderBy(c => c.Menu, StringComparer.Ordinal).ThenBy(c => c.Option, StringComparer.Ordinal)];

    private static TimeSpan Max(TimeSpan span) => span < TimeSpan.Zero ? TimeSpan.Zero : span;
}
