using Omstilling.Policy.Model;
using Omstilling.Storage.Entities;

namespace Omstilling.History.Reports;

/// <summary>
/// A whole report: the goals, the figures beside them, the goals broken down and per day, and the
/// staffing view, with the calls they were computed from (for the drill-down). Immutable.
/// </summary>
public sealed record Report(
    ReportQuery Query,
    KpiReport Goals,
    FurtherFigures Further,
    IReadOnlyList<BreakdownRow> Breakdown,
    IReadOnlyList<KpiReport> Days,
    IReadOnlyList<StaffingHour> Staffing,
    IReadOnlyList<CallRecord> Calls,
    ReportContext Context)
{
    /// <summary>The calls behind a figure, in the order they arrived.</summary>
    public IReadOnlyList<CallRecord> CallsBehind(FigureSet set) => Figures.CallsBehind(this, set);
}

/// <summary>The goals of the calls that share a key (an area, a department, a person, an hour; "" for calls without one).</summary>
public sealed record BreakdownRow(string Key, KpiReport Goals);

/// <summary>What a report's figures were computed against: the targets, the ring limit's time, the calls again, the local zone, the lowest satisfied answer.</summary>
public sealed record ReportContext(PolicyTargets Targets, TimeSpan RingLimit, CallsAgain CallsAgain, TimeZoneInfo Zone)
{
    public int SatisfiedFrom { get; init; } = Kpis.SatisfiedFrom;
}
