using Omstilling.Policy.Model;
using Omstilling.Storage.Entities;

namespace Omstilling.History.Reports;

/// <summary>
/// The policy's three goals, each defined here and nowhere else, from call records (docs/kpis.md has
/// the definitions and a worked example of each). Each goal is a pair of predicates, its
/// denominator and its numerator, that both the figures and the drill-down to the calls behind
/// them use. Pure: records and the policy's targets in, figures out.
/// </summary>
public static class Kpis
{
    /// <summary>The top of the survey's 1–5 scale without a policy's <c>survey: satisfied-from</c>: these answers count as satisfied.</summary>
    public const int SatisfiedFrom = 4;

    /// <param name="records">The calls that arrived in the period (already limited to a department, if any).</param>
    /// <param name="laterCallsToMainNumber">Calls from outside to the main number that arrived in the period or up to the called-again window after it.</param>
    /// <param name="ringLimit">The time the policy's rings take (4 rings at the Danish cadence = 20 s).</param>
    /// <param name="satisfiedFrom">The lowest survey answer that counts as satisfied (the policy's <c>survey: satisfied-from</c>).</param>
    public static KpiReport Compute(DateOnly from, DateOnly to, string? departmentId, IReadOnlyCollection<CallRecord> records, IReadOnlyCollection<CallRecord> laterCallsToMainNumber, PolicyTargets targets, TimeSpan ringLimit, int satisfiedFrom = SatisfiedFrom)
    {
        ArgumentNullException.ThrowIfNull(laterCallsToMainNumber);
        return Compute(from, to, departmentId, records, new CallsAgain(laterCallsToMainNumber), targets, ringLimit, satisfiedFrom);
    }

    /// <summary>As above, with the calls again already indexed (a breakdown computes many reports over the same calls).</summary>
    public static KpiReport Compute(DateOnly from, DateOnly to, string? departmentId, IReadOnlyCollection<CallRecord> records, CallsAgain callsAgain, PolicyTargets targets, TimeSpan ringLimit, int satisfiedFrom = SatisfiedFrom)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(callsAgain);
        ArgumentNullException.ThrowIfNull(targets);

        var rang = records.Where(RangSomeone).ToList();
        var transferred = records.Where(IsTransferToPerson).ToList();
        var surveyed = records.Where(AnsweredSurvey).ToList();
        var waited = records.Where(r => r.QueueWaitMs is not null).ToList();
        return new KpiReport(
            from,
            to,
            departmentId,
            records.Count,
            new KpiFigure(targets.AnsweredWithinRingsPercent, rang.Count(r => AnsweredWithinRingLimit(r, ringLimit)), rang.Count),
            new KpiFigure(targets.CorrectTransfersPercent, transferred.Count(r => IsCorrectTransfer(r, callsAgain, targets.CalledAgainWithin)), transferred.Count),
            new KpiFigure(targets.SatisfiedCallersPercent, surveyed.Count(r => IsSatisfied(r, satisfiedFrom)), surveyed.Count),
            records.Count(CallFigures.IsAbandoned),
            waited.Count == 0 ? null : TimeSpan.FromMilliseconds(waited.Average(r => (double)r.QueueWaitMs!.Value)));
    }

    /// <summary>The ring limit's denominator: a call from outside that rang someone (a person's phones, or an offer to an operator).</summary>
    public static bool RangSomeone(CallRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return record.External && record.FirstRingAt is not null;
    }

    /// <summary>The ring limit's numerator: rang someone, and answered no later than <paramref name="ringLimit"/> after the first ring.</summary>
    public static bool AnsweredWithinRingLimit(CallRecord record, TimeSpan ringLimit) =>
        RangSomeone(record) && record.AnsweredAt is { } answered && answered - record.FirstRingAt!.Value <= ringLimit;

    /// <summary>A transfer counts when an operator put the caller through to a person (not to voicemail).</summary>
    public static bool IsTransferToPerson(CallRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return record.Transfers > 0 && record.TransferOutcome != CallRecordBuilder.Voicemail;
    }

    /// <summary>
    /// Taken by the target and stayed taken: completed, not sent back to the switchboard (no recall),
    /// not marked "fejlstillet" by the target or an operator, and the caller did not call the main
    /// number again within <paramref name="window"/> of the call's end.
    /// </summary>
    public static bool IsCorrectTransfer(CallRecord record, IEnumerable<CallRecord> laterCallsToMainNumber, TimeSpan window) =>
        IsCorrectTransfer(record, new CallsAgain(laterCallsToMainNumber), window);

    /// <inheritdoc cref="IsCorrectTransfer(CallRecord, IEnumerable{CallRecord}, TimeSpan)"/>
    public static bool IsCorrectTransfer(CallRecord record, CallsAgain callsAgain, TimeSpan window)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(callsAgain);
        return IsTransferToPerson(record)
            && record.TransferOutcome == CallRecordBuilder.Completed
            && record.Recalls == 0
            && record.MisroutedBy is null
            && !callsAgain.CalledAgain(record, window);
    }

    /// <summary>Satisfaction's denominator: the caller answered the survey.</summary>
    public static bool AnsweredSurvey(CallRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return record.SurveyAnswer is not null;
    }

    /// <summary>Satisfaction's numerator: an answer at the top of the scale, from <paramref name="satisfiedFrom"/> up.</summary>
    public static bool IsSatisfied(CallRecord record, int satisfiedFrom = SatisfiedFrom) => AnsweredSurvey(record) && record.SurveyAnswer >= satisfiedFrom;
}
