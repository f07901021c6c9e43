using System.Globalization;
using Omstilling.History.Reports;

namespace Omstilling.Host.Cli;

/// <summary>
/// A report as JSON. The names scripts rely on (<c>calls</c>, and <c>answeredWithinRingLimit</c>,
/// <c>correctlyTransferred</c>, <c>satisfied</c> each with <c>target</c>, <c>value</c>,
/// <c>numerator</c>, <c>denominator</c>) stay; the figures beside the goals and the staffing view
/// are added after them.
/// </summary>
internal sealed record ReportJson(
    string From,
    string To,
    string? Department,
    int Calls,
    ReportJson.Goal AnsweredWithinRingLimit,
    ReportJson.Goal CorrectlyTransferred,
    ReportJson.Goal Satisfied,
    int Abandoned,
    double? AverageQueueWaitSeconds,
    ReportJson.Goal Abandonment,
    double? AverageWaitBeforeGivingUpSeconds,
    double? LongestWaitBeforeGivingUpSeconds,
    ReportJson.Goal ServiceLevel,
    IReadOnlyList<ReportJson.Bucket> WaitingTimes,
    IReadOnlyList<int> CallsPerHour,
    IReadOnlyList<int> CallsPerWeekday,
    IReadOnlyList<MenuChoiceCount> MenuChoices,
    ReportJson.Goal Voicemails,
    ReportJson.Goal Recalled,
    IReadOnlyList<TargetCount> UnansweredTransfers,
    IReadOnlyList<ReportJson.Hour> Staffing)
{
    public static ReportJson Of(Report report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var (r, f) = (report.Goals, report.Further);
        return new(
            r.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            r.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            r.DepartmentId,
            r.Calls,
            Goal.Of(r.AnsweredWithinRingLimit),
            Goal.Of(r.CorrectlyTransferred),
            Goal.Of(r.Satisfied),
            r.Abandoned,
            Seconds(r.AverageQueueWait),
            Goal.Of(f.Abandonment),
            Seconds(f.AverageWaitBeforeGivingUp),
            Seconds(f.LongestWaitBeforeGivingUp),
            Goal.Of(f.ServiceLevel),
            [.. f.WaitingTimes.Select(b => new Bucket(b.From.TotalSeconds, b.To?.TotalSeconds, b.Calls, b.Answered, b.Abandoned))],
            f.CallsPerHour,
            f.CallsPerWeekday,
            f.MenuChoices,
            Goal.Of(f.Voicemails),
            Goal.Of(f.Recalled),
            f.UnansweredTransfers,
            [.. report.Staffing.Select(h => new Hour(h.Hour, h.ArrivalsPerDay, Seconds(h.AverageHandling), h.TrafficErlangs, h.OperatorsNeeded, h.OperatorsAnswering))]);
    }

    private static double? Seconds(TimeSpan? span) => span is { } s ? Math.Round(s.TotalSeconds, 1) : null;

    /// <summary>One goal or share: <c>target</c> (null beside the goals), <c>value</c> (percent, null with nothing to measure), <c>numerator</c>, <c>denominator</c>, <c>met</c>.</summary>
    internal sealed record Goal(double? Target, double? Value, int Numerator, int Denominator, bool? Met)
    {
        public static Goal Of(KpiFigure f) => new(f.Target, f.Value, f.Numerator, f.Denominator, f.Met);
    }

    /// <summary>Waits over <c>fromSeconds</c> up to <c>toSeconds</c> (included; null: no upper bound).</summary>
    internal sealed record Bucket(double FromSeconds, double? ToSeconds, int Calls, int Answered, int Abandoned);

    /// <summary>One local hour of the staffing view (Erlang C).</summary>
    internal sealed record Hour(int Of, double ArrivalsPerDay, double? AverageHandlingSeconds, double TrafficErlangs, int? OperatorsNeeded, double OperatorsAnswering);
}
