using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Omstilling.Calls.Events;
using Omstilling.Directory;
using Omstilling.Storage;
using Omstilling.Storage.Bulk;
using Omstilling.Storage.Entities;

namespace Omstilling.History;

/// <summary>
/// Closes, at start, the calls a previous process left open in the history: calls that were up
/// when it died (a crash, <c>kill -9</c>, a power cut) have a <c>Started</c> event and no record.
/// Each gets an <c>Ended</c> event with <see cref="CallEndReason.PlatformRestarted"/> at the time of
/// its last stored event (when it was last known to be up; the time it really ended is lost with
/// the process), and its record, built from its events as the writer would have built it, in one
/// transaction. Run before the history writer starts and before SIP answers, so no call of this
/// process can be taken for one of the last.
/// </summary>
public sealed partial class UnfinishedCalls(OmstillingDatabase database, Func<StaffDirectory> directory, ILogger<UnfinishedCalls> logger)
{
    /// <summary>Calls closed in one transaction at most (a crash under heavy load leaves a few hundred).</summary>
    private const int BatchSize = 500;

    /// <summary>Closes every unfinished call; returns how many.</summary>
    public async Task<int> CloseAsync(CancellationToken cancellationToken)
    {
        var closed = 0;
        while (true)
        {
            await using var db = database.CreateContext();
            var open = await CallEventQueries.Started(db).AsNoTracking()
                .Where(e => !db.CallRecords.Any(r => r.CallId == e.CallId))
                .OrderBy(e => e.Id)
                .Select(e => e.CallId)
                .Take(BatchSize)
                .ToListAsync(cancellationToken);
            if (open.Count == 0)
            {
                break;
            }

            var rows = await db.CallEvents.AsNoTracking()
                .Where(e => open.Contains(e.CallId))
                .OrderBy(e => e.CallId).ThenBy(e => e.Sequence)
                .ToListAsync(cancellationToken);
            var resolve = PartyInfo.Resolver(directory());
            var ends = new List<CallEventRecord>(open.Count);
            var records = new List<CallRecord>(open.Count);
            foreach (var call in rows.GroupBy(r => r.CallId))
            {
                var events = call.Select(CallEventRows.ToEvent).OfType<CallEvent>().ToList();
                var last = call.Last();
                var first = events[0];
                var end = new CallEvent(call.Key, CallEventKind.Ended, last.At, first.Caller, first.Dialled) { EndReason = CallEndReason.PlatformRestarted };
                events.Add(end);
                ends.Add(CallEventRows.From(end, last.Sequence + 1, null));
                records.Add(CallRecordBuilder.Build(events, resolve));
            }

            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await BulkInsert.InsertAsync(db, ends, cancellationToken);
            await BulkInsert.InsertAsync(db, records, cancellationToken);
            await BulkInsert.InsertAsync(db, records.SelectMany(r => r.Rings).ToList(), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            closed += records.Count;
        }

        if (closed > 0)
        {
            LogClosed(closed);
        }

        return closed;
    }

    [LoggerMessage(EventId = 8003, Level = LogLevel.Warning, Message = "{Count} call(s) were up when the platform last stopped without a shutdown; their history is closed as ended by the restart")]
    private partial void LogClosed(int count);
}
