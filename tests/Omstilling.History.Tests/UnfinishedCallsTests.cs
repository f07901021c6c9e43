using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Omstilling.Calls.Events;
using Omstilling.History.CallLists;
using Omstilling.Runtime;
using Omstilling.Storage;
using Omstilling.Storage.Tests;
using static Omstilling.Calls.Events.CallEventKind;

namespace Omstilling.History.Tests;

/// <summary>Calls that were up when the process died are closed at the next start, as cut off by the restart.</summary>
public sealed class UnfinishedCallsTests
{
    private readonly FakeTimeProvider _time = new(Script.Start);

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.PostgreSql)]
    public async Task Calls_without_an_end_get_an_Ended_event_and_a_record_saying_the_restart_ended_them_once(StorageProvider provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        var finished = new Script()
            .At(0, Started, e => e with { External = true })
            .At(30, Ended, e => e with { EndReason = CallEndReason.CallerHungUp });
        var queued = new Script("30405060")
            .At(1, Started, e => e with { External = true })
            .At(3, Queued, e => e with { QueueId = "omstilling", Position = 1 });
        var talking = new Script("201", "202")
            .At(2, Started, e => e with { External = false })
            .At(3, Ringing, e => e with { Party = "202" })
            .At(5, Ringing, e => e with { Party = "201" })
            .At(8, Answered, e => e with { AnsweredBy = "201" });
        await using (var writer = new HistoryWriter(test.Database, () => Script.Directory, new FaultMonitor(NullLoggerFactory.Instance, _time), _time, NullLogger<HistoryWriter>.Instance))
        {
            writer.Start();
            foreach (var e in finished.Events.Concat(queued.Events).Concat(talking.Events).OrderBy(e => e.At))
            {
                writer.Post(e);
            }

            await writer.FlushedAsync();
        } // the process "dies" here: two calls have no end

        var unfinished = new UnfinishedCalls(test.Database, () => Script.Directory, NullLogger<UnfinishedCalls>.Instance);
        Assert.Equal(2, await unfinished.CloseAsync(CancellationToken.None));
        Assert.Equal(0, await unfinished.CloseAsync(CancellationToken.None)); // a second start finds nothing more to close

        await using var db = test.Database.CreateContext();
        var records = await db.CallRecords.Include(r => r.Rings).ToDictionaryAsync(r => r.CallId);
        Assert.Equal(3, records.Count);
        Assert.Equal("CallerHungUp", records[finished.CallId].EndReason);

        var wasQueued = records[queued.CallId];
        Assert.Equal(("PlatformRestarted", true, "omstilling", Script.Start.AddSeconds(3)), (wasQueued.EndReason, wasQueued.External, wasQueued.QueueId, wasQueued.EndedAt));
        Assert.False(wasQueued.Abandoned); // the caller did not hang up: the platform stopped

        var wasTalking = records[talking.CallId];
        Assert.Equal(("PlatformRestarted", false, "201", "anne"), (wasTalking.EndReason, wasTalking.External, wasTalking.AnsweredBy, wasTalking.PersonId));
        Assert.Equal([("202", "CallEnded"), ("201", "Answered")], wasTalking.Rings.OrderBy(r => r.StartedAt).Select(r => (r.Party, r.Outcome)).ToArray());

        var rows = await db.CallEvents.Where(e => e.CallId == talking.CallId).OrderBy(e => e.Sequence).ToListAsync();
        Assert.Equal(["Started", "Ringing", "Ringing", "Answered", "Ended"], rows.Select(r => r.Kind));
        Assert.Equal((4, "PlatformRestarted", Script.Start.AddSeconds(8)), (rows[^1].Sequence, rows[^1].EndReason, rows[^1].At));

        // The console's history says so in Danish (CallHistoryText); the list marks it.
        var day = await new SwitchboardCalls(test.Database, new FakeTimeProvider(Script.Start.AddHours(2))).TodayAsync(TimeZoneInfo.FindSystemTimeZoneById("Europe/Copenhagen"), "54 73 10 00", CancellationToken.None);
        Assert.True(day.Calls.Single(c => c.CallId == queued.CallId).CutOffByRestart);
    }
}
