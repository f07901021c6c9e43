using Microsoft.EntityFrameworkCore;
using Omstilling.Calls.Events;
using Omstilling.Calls.Signalling;
using Omstilling.Policy.Model;
using Omstilling.Storage;
using Omstilling.Storage.Entities;

namespace Omstilling.History.CallLists;

/// <summary>
/// Today's calls for the switchboard's console: the calls it handled (an operator had them, or they
/// waited in a queue) and the callers of the main number nobody has answered yet. One query of the
/// local day's records by arrival (an index). Thread-safe.
/// </summary>
public sealed class SwitchboardCalls(OmstillingDatabase database, TimeProvider time)
{
    /// <summary>At most this many handled calls (the newest).</summary>
    public const int MaxCalls = 200;

    /// <summary>The local day now in <paramref name="zone"/>, so far; <paramref name="mainNumber"/> in any form ("54 73 10 00", "+4554731000").</summary>
    public async Task<SwitchboardDay> TodayAsync(TimeZoneInfo zone, string mainNumber, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(zone);
        ArgumentNullException.ThrowIfNull(mainNumber);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), zone).DateTime);
        var start = Reports.HistoryReports.StartOf(today, zone);
        await using var db = database.CreateContext();
        var records = await db.CallRecords.AsNoTracking()
            .Where(r => r.ArrivedAt >= start)
            .OrderByDescending(r => r.ArrivedAt)
            .ToListAsync(cancellationToken);
        var restarted = nameof(CallEndReason.PlatformRestarted);
        var calls = records
            .Where(r => r.Operator is not null || r.QueueId is not null)
            .Take(MaxCalls)
            .Select(r => new SwitchboardCall(r.CallId, r.ArrivedAt, r.Caller, r.MenuPath, r.AnsweredBy, r.TransferTarget, r.TransferOutcome, r.Recalls, r.Abandoned, r.VoicemailBox, r.MisroutedBy) { CutOffByRestart = r.EndReason == restarted })
            .ToList();
        // Calls back ("Ring op": from an operator, not from outside) that the number called answered.
        var answer = CallRecordBuilder.Answered;
        var reached = await (
                from r in db.CallRecords.AsNoTracking()
                where r.ArrivedAt >= start && !r.External && r.Operator != null
                join g in db.CallRings.AsNoTracking() on r.CallId equals g.CallId
                where g.Party == r.Dialled && g.Outcome == answer
                select new ReachedCaller(r.Dialled, g.StartedAt))
            .ToListAsync(cancellationToken);
        return new SwitchboardDay(today, calls, Unanswered(records, National(mainNumber), reached));
    }

    /// <summary>A number an operator called back and reached, and when.</summary>
    internal sealed record ReachedCaller(string Number, DateTimeOffset At);

    /// <summary>
    /// The callers of the main number whose calls today nobody answered (a voicemail left counts as
    /// served), less those answered on a later call (to any number) or reached by an operator's call
    /// back since: one per caller, their last call. A caller without a number (anonymous) cannot be
    /// called back and is left out.
    /// </summary>
    internal static List<UnansweredCaller> Unanswered(IReadOnlyList<CallRecord> newestFirst, string mainNumber, IReadOnlyList<ReachedCaller> reached)
    {
        var result = new List<UnansweredCaller>();
        foreach (var calls in newestFirst.Where(r => r.External && HasNumber(r.Caller)).GroupBy(r => r.Caller, StringComparer.Ordinal))
        {
            // Newest first: the caller's unanswered calls to the main number after their last answered call.
            var open = calls.TakeWhile(r => r.AnsweredAt is null).Where(r => r.VoicemailBox is null && National(r.Dialled) == mainNumber).ToList();
            if (open.Count == 0)
            {
                continue;
            }

            var last = open[0];
            if (reached.Any(r => National(r.Number) == National(last.Caller) && r.At > last.ArrivedAt))
            {
                continue;
            }

            result.Add(new UnansweredCaller(last.CallId, last.Caller, last.ArrivedAt, Waited(last), open.Count, last.Abandoned));
        }

        return [.. result.OrderByDescending(c => c.CalledAt)];
    }

    /// <summary>The queue wait when it was queued, else from the first ring (or the arrival) to the end.</summary>
    private static TimeSpan Waited(CallRecord r) =>
        r.QueueWaitMs is { } ms ? TimeSpan.FromMilliseconds(ms) : r.EndedAt - (r.FirstRingAt ?? r.ArrivedAt);

    private static bool HasNumber(string caller) => !WithheldNumber.Is(caller) && caller != HistoryRetention.Anonymised;

    private static string National(string number) => DanishNumber.TryParse(number, out var parsed) ? parsed.National : number;
}
