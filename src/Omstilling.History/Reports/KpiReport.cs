namespace Omstilling.History.Reports;

/// <summary>The policy's three goals and the figures beside them over a period (docs/kpis.md defines each).</summary>
/// <param name="From">The first local day of the period.</param>
/// <param name="To">The last local day of the period (included).</param>
/// <param name="DepartmentId">The department the report is limited to, or null for all.</param>
/// <param name="Calls">Calls that arrived in the period (from outside and internal).</param>
/// <param name="AnsweredWithinRingLimit">Calls from outside that rang someone, answered within the policy's rings.</param>
/// <param name="CorrectlyTransferred">Transfers to a person that the person took and that stayed taken.</param>
/// <param name="Satisfied">Survey answers at the top of the scale.</param>
/// <param name="Abandoned">Calls from outside whose caller gave up while waiting.</param>
/// <param name="AverageQueueWait">The average wait in a queue before an answer or giving up, of calls that waited; null when none did.</param>
public sealed record KpiReport(
    DateOnly From,
    DateOnly To,
    string? DepartmentId,
    int Calls,
    KpiFigure AnsweredWithinRingLimit,
    KpiFigure CorrectlyTransferred,
    KpiFigure Satisfied,
    int Abandoned,
    TimeSpan? AverageQueueWait);
