using Omstilling.Storage.Entities;

namespace Omstilling.History.Reports;

/// <summary>A whole report from the calls read for it (<see cref="HistoryReports"/> reads them). Pure.</summary>
public static class ReportBuilder
{
    /// <param name="records">The calls of the period, already limited to the query's area, department and person (not yet to its hour).</param>
    /// <param name="laterCallsToMainNumber">Calls from outside to the main number in the period and up to the called-again window after it.</param>
    /// <param name="operatorReleasedAt">When an operator let go of each transferred call (see <see cref="Staffing.HandlingTime"/>).</param>
    public static Report Build(ReportQuery query, IEnumerable<CallRecord> records, IEnumerable<CallRecord> laterCallsToMainNumber, IReadOnlyDictionary<Guid, DateTimeOffset> operatorReleasedAt, ReportContext context)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(context);
        var calls = records
            .Where(r => query.Hour is not { } hour || LocalHour(r, context.Zone) == hour)
            .OrderBy(r => r.ArrivedAt)
            .ToList();
        context = context with { CallsAgain = new CallsAgain(laterCallsToMainNumber) };
        return new Report(
            query,
            Goals(query.From, query.To, query.DepartmentId, calls, context),
            CallFigures.Compute(calls, context.Zone, context.RingLimit),
            Breakdown(query, calls, context),
            Days(query, calls, context),
            Staffing.Compute(calls, operatorReleasedAt, context.Zone, context.RingLimit, context.Targets.AnsweredWithinRingsPercent),
            calls,
            context);
    }

    /// <summary>The local hour a call arrived in.</summary>
    public static int LocalHour(CallRecord record, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(record);
        return TimeZoneInfo.ConvertTime(record.ArrivedAt, zone).Hour;
    }

    /// <summary>The local day a call arrived on.</summary>
    public static DateOnly LocalDay(CallRecord record, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(record);
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(record.ArrivedAt, zone).DateTime);
    }

    /// <summary>The key a call is broken down by ("" when the call has none: a call that concerned no one in the directory).</summary>
    public static string KeyOf(CallRecord record, ReportBreakdown by, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(record);
        return by switch
        {
            ReportBreakdown.None => "",
            ReportBreakdown.Area => record.AreaId ?? "",
            ReportBreakdown.Department => record.DepartmentId ?? "",
            ReportBreakdown.Person => record.PersonId ?? "",
            ReportBreakdown.Hour => LocalHour(record, zone).ToString("00", System.Globalization.CultureInfo.InvariantCulture),
            _ => throw new System.Diagnostics.UnreachableException($"ReportBreakdown {by}"),
        };
    }

    private static KpiReport Goals(DateOnly from, DateOnly to, string? departmentId, IReadOnlyCollection<CallRecord> calls, ReportContext context) =>
        Kpis.Compute(from, to, departmentId, calls, context.CallsAgain, context.Targets, context.RingLimit, context.SatisfiedFrom);

    private static List<BreakdownRow> Breakdown(ReportQuery query, List<CallRecord> calls, ReportContext context) =>
        query.By == ReportBreakdown.None ? [] :
        [.. calls.GroupBy(r => KeyOf(r, query.By, context.Zone), StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new BreakdownRow(g.Key, Goals(query.From, query.To, query.DepartmentId, [.. g], context)))];

    private static List<KpiReport> Days(ReportQuery query, List<CallRecord> calls, ReportContext context)
    {
        var byDay = calls.ToLookup(r => LocalDay(r, context.Zone));
        var days = new List<KpiReport>();
        for (var day = query.From; day <= query.To; day = day.AddDays(1))
        {
            days.Add(Goals(day, day, query.DepartmentId, [.. byDay[day]], context));
        }

        return days;
    }
}
