using Omstilling.Policy.Model;
using Omstilling.Storage.Entities;

namespace Omstilling.History.Reports;

/// <summary>
/// The KPIs, each computed here and nowhere else, from call records (docs/kpis.md has the
/// definitions and a worked example of each). Pure: records and the policy's targets in, figures out.
/// </summary>
public static class Kpis
{
    /// <summary>The top of the survey's 1–5 scale: these answers count as satisfied.</summary>
    public const int SatisfiedFrom = 4;

    /// <param name="records">The calls that arrived in the period (already limited to a department, if any).</param>
    /// <param name="laterCallsToMainNumber">Calls from outside to the main number that arrived in the period or up to the called-again window after it.</param>
    /// <param name="ringLimit">The time the policy's rings take (4 rings at the Danish cadence = 20 s).</param>
    public static KpiReport Compute(DateOnly from, DateOnly to, string? departmentId, IReadOnlyCollection<CallRecord> records, IReadOnlyCollection<CallRecord> laterCallsToMainNumber, PolicyTargets targets, TimeSpan ringLimit)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(laterCallsToMainNumber);
        ArgumentNullException.ThrowIfNull(targets);

        var rang = records.Where(r => r.External && r.FirstRingAt is not null).ToList();
        var answeredInTime = rang.Count(r => r.AnsweredAt is { } answered && answered - r.FirstRingAt!.Value <= ringLimit);

        var transferred = records.Where(IsTransferToPerson).ToList();
        var correct = transferred.Count(r => IsCorrectTransfer(r, laterCallsToMainNumber, targets.CalledAgainWithin));

        var surveyed = records.Where(r => r.SurveyAnswer is not null).ToList();
        var satisfied = surveyed.Count(r => r.SurveyAnswer >= SatisfiedFrom);

        var waited = records.Where(r => r.QueueWaitMs is not null).ToList();
        return new KpiReport(
            from,
            to,
            departmentId,
            records.Count,
            new KpiFigure(targets.AnsweredWithinRingsPercent, answeredInTime, rang.Count),
            new KpiFigure(targets.CorrectTransfersPercent, correct, transferred.Count),
            new KpiFigure(targets.SatisfiedCallersPercent, satisfied, surveyed.Count),
            records.Count(r => r.External && r.Abandoned),
            waited.Count == 0 ? null : TimeSpan.FromMilliseconds(waited.Average(r => (double)r.QueueWaitMs!.Value)));
    }

    /// <summary>A transfer counts when an operator put the caller through to a person (not to voicemail).</summary>
    public static bool IsTransferToPerson(CallRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return record.Transfers > 0 && record.TransferOutcome != CallRecordBuilder.Voicemail;
    }

    /// <summary>
    /// Taken by the target and stayed taken: completed, not sent back to the switchboard (no recall),
    /// and the caller did not call the main number again within <paramref name="window"/> of the call's end.
    /// </summary>
    public static bool IsCorrectTransfer(CallRecord record, IEnumerable<CallRecord> laterCallsToMainNumber, TimeSpan window)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(laterCallsToMainNumber);
        return record.TransferOutcome == CallRecordBuilder.Completed
            && record.Recalls == 0
            && !laterCallsToMainNumber.Any(again => again.CallId != record.CallId
                && again.Caller == record.Caller
                && record.Caller != HistoryRetention.Anonymised
                && again.ArrivedAt >= record.EndedAt
                && again.ArrivedAt <= record.EndedAt + window);
    }
}
