using Omstilling.Storage.Entities;

namespace Omstilling.History.Reports;

/// <summary>
/// How many operators each hour of the day needs (Erlang C, <see cref="ErlangC"/>) to answer the
/// ring limit's share of calls within the ring limit, from the arrivals and handling times the
/// history measured, beside how many operators answered calls in that hour (docs/kpis.md,
/// "Staffing"). Pure.
/// </summary>
public static class Staffing
{
    /// <summary>A call the switchboard's operators served or should have: from outside, through a queue.</summary>
    public static bool IsSwitchboardCall(CallRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return record.External && record.QueueId is not null;
    }

    /// <param name="records">The report's calls.</param>
    /// <param name="operatorReleasedAt">When an operator let go of a call they transferred (the blind transfer's start, or the transfer's completion); calls not in it were handled to their end.</param>
    /// <param name="zone">The local time zone.</param>
    /// <param name="ringLimit">The ring limit's time: the wait the target share must not exceed.</param>
    /// <param name="targetPercent">The ring limit's target share in percent; null when the policy names none (nothing is computed then).</param>
    public static IReadOnlyList<StaffingHour> Compute(IReadOnlyCollection<CallRecord> records, IReadOnlyDictionary<Guid, DateTimeOffset> operatorReleasedAt, TimeZoneInfo zone, TimeSpan ringLimit, double? targetPercent)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(operatorReleasedAt);
        ArgumentNullException.ThrowIfNull(zone);
        var calls = records.Where(IsSwitchboardCall)
            .Select(r => (Record: r, Local: TimeZoneInfo.ConvertTime(r.ArrivedAt, zone)))
            .ToList();
        var days = calls.Select(c => DateOnly.FromDateTime(c.Local.DateTime)).Distinct().Count();
        var hours = new List<StaffingHour>(24);
        for (var hour = 0; hour < 24; hour++)
        {
            var inHour = calls.Where(c => c.Local.Hour == hour).ToList();
            var handled = inHour.Where(c => c.Record.AnsweredAt is not null)
                .Select(c => HandlingTime(c.Record, operatorReleasedAt))
                .ToList();
            var arrivals = days == 0 ? 0 : (double)inHour.Count / days;
            TimeSpan? handling = handled.Count == 0 ? null : TimeSpan.FromSeconds(handled.Average(h => h.TotalSeconds));
            var traffic = handling is { } h ? ErlangC.Traffic(arrivals, h) : 0;
            int? needed = targetPercent is { } target
                ? (handling is { } mean ? ErlangC.OperatorsNeeded(arrivals, mean, ringLimit, target / 100) : 0)
                : null;
            var answering = inHour.Where(c => c.Record.AnsweredAt is not null)
                .Select(c => (Day: DateOnly.FromDateTime(c.Local.DateTime), Who: c.Record.Operator ?? c.Record.AnsweredBy))
                .Distinct()
                .Count();
            hours.Add(new StaffingHour(hour, Math.Round(arrivals, 2), handling, Math.Round(traffic, 2), needed, days == 0 ? 0 : Math.Round((double)answering / days, 1)));
        }

        return hours;
    }

    /// <summary>From the operator's answer to their letting go: the transfer, or the call's end.</summary>
    public static TimeSpan HandlingTime(CallRecord record, IReadOnlyDictionary<Guid, DateTimeOffset> operatorReleasedAt)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(operatorReleasedAt);
        if (record.AnsweredAt is not { } answered)
        {
            return TimeSpan.Zero;
        }

        var released = operatorReleasedAt.TryGetValue(record.CallId, out var at) && at >= answered ? at : record.EndedAt;
        return released > answered ? released - answered : TimeSpan.Zero;
    }
}
