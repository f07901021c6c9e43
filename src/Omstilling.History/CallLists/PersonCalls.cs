using Microsoft.EntityFrameworkCore;
using Omstilling.Calls.Events;
using Omstilling.Storage;
using Omstilling.Storage.Entities;

namespace Omstilling.History.CallLists;

/// <summary>
/// One person's own calls for their "Mine opkald" page, by the extension of their phone: the calls
/// that rang it and that they did not take, and the calls put through to them, over the last
/// <see cref="Period"/>. Each query starts from an index (calls by arrival, events by kind and time)
/// and reads one person's rows of a fortnight, never a year's. Thread-safe.
/// </summary>
public sealed class PersonCalls(OmstillingDatabase database, TimeProvider time)
{
    /// <summary>How far back the page looks.</summary>
    public static readonly TimeSpan Period = TimeSpan.FromDays(14);

    /// <summary>At most this many calls in each list (the newest).</summary>
    public const int MaxPerList = 200;

    public async Task<PersonCallList> ForExtensionAsync(string extension, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(extension);
        var since = time.GetUtcNow() - Period;
        await using var db = database.CreateContext();
        return new PersonCallList(await MissedAsync(db, extension, since, cancellationToken), await PutThroughAsync(db, extension, since, cancellationToken));
    }

    /// <summary>Whether <paramref name="callId"/> was put through to <paramref name="extension"/> in the period: what they may mark "fejlstillet".</summary>
    public async Task<bool> WasPutThroughToAsync(string extension, Guid callId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(extension);
        var since = time.GetUtcNow() - Period;
        await using var db = database.CreateContext();
        return await CallEventQueries.TransfersCompleted(db, since).AnyAsync(e => e.CallId == callId && e.Party == extension, cancellationToken);
    }

    /// <summary>
    /// The ended calls of the period that rang <paramref name="extension"/> and that no ring of it
    /// answered, one per call (its first ring), with what became of each.
    /// </summary>
    private static async Task<List<MissedCall>> MissedAsync(OmstillingDb db, string extension, DateTimeOffset since, CancellationToken cancellationToken)
    {
        var rows = await (
                from r in db.CallRecords.AsNoTracking()
                where r.ArrivedAt >= since
                join g in db.CallRings.AsNoTracking() on r.CallId equals g.CallId
                where g.Party == extension
                select new { Record = r, Ring = g })
            .ToListAsync(cancellationToken);
        return [.. rows
            .GroupBy(x => x.Record.CallId)
            .Where(call => call.All(x => x.Ring.Outcome != CallRecordBuilder.Answered))
            .Select(call =>
            {
                var record = call.First().Record;
                var first = call.MinBy(x => x.Ring.StartedAt)!.Ring;
                var rang = call.Aggregate(TimeSpan.Zero, (sum, x) => sum + (x.Ring.EndedAt - x.Ring.StartedAt));
                var (fate, takenBy) = FateOf(record, extension);
                return new MissedCall(record.CallId, first.StartedAt, rang, record.Caller, record.External, RingEndOf(call.MaxBy(x => x.Ring.StartedAt)!.Ring.Outcome), fate, takenBy);
            })
            .OrderByDescending(m => m.RangAt)
            .Take(MaxPerList)];
    }

    /// <summary>The transfers to <paramref name="extension"/> completed in the period, with any mark "fejlstillet" of their calls.</summary>
    private static async Task<List<PutThroughCall>> PutThroughAsync(OmstillingDb db, string extension, DateTimeOffset since, CancellationToken cancellationToken)
    {
        var marked = nameof(CallEventKind.MarkedMisrouted);
        var transfers = await CallEventQueries.TransfersCompleted(db, since).AsNoTracking()
            .Where(e => e.Party == extension)
            .OrderByDescending(e => e.At)
            .Take(MaxPerList)
            .Select(e => new { e.CallId, e.At, e.Caller, e.Operator })
            .ToListAsync(cancellationToken);
        var ids = transfers.Select(t => t.CallId).Distinct().ToList();
        var marks = await db.CallEvents.AsNoTracking()
            .Where(e => e.Kind == marked && e.At >= since && ids.Contains(e.CallId))
            .OrderBy(e => e.At)
            .Select(e => new { e.CallId, By = e.Operator ?? e.Party })
            .ToListAsync(cancellationToken);
        var ended = await db.CallRecords.AsNoTracking().Where(r => ids.Contains(r.CallId)).Select(r => r.CallId).ToListAsync(cancellationToken);
        var firstMark = marks.GroupBy(m => m.CallId).ToDictionary(m => m.Key, m => m.First().By);
        return [.. transfers
            .DistinctBy(t => t.CallId) // put through to the same person twice: the latest
            .Select(t => new PutThroughCall(t.CallId, t.At, t.Caller, t.Operator, firstMark.GetValueOrDefault(t.CallId), ended.Contains(t.CallId)))];
    }

    /// <summary>What became of a call <paramref name="extension"/> did not take, from its record.</summary>
    internal static (MissedCallFate Fate, string? TakenBy) FateOf(CallRecord record, string extension)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (record.TransferOutcome == CallRecordBuilder.Completed && record.TransferTarget is { } target && target != extension)
        {
            return (MissedCallFate.PutThroughToColleague, target);
        }

        if (record.VoicemailBox is not null)
        {
            return (MissedCallFate.Voicemail, null);
        }

        if (record.Abandoned)
        {
            return (MissedCallFate.CallerGaveUp, null);
        }

        if (record.AnsweredBy is { } answeredBy)
        {
            return answeredBy == record.Operator || record.Recalls > 0 ? (MissedCallFate.Switchboard, null) : (MissedCallFate.AnsweredByColleague, answeredBy);
        }

        return (MissedCallFate.NotAnswered, null);
    }

    private static RingEndReason? RingEndOf(string outcome) => Enum.TryParse<RingEndReason>(outcome, out var reason) ? reason : null;
}
