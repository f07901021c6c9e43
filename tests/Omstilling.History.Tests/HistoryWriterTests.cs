using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Omstilling.Calls.Events;
using Omstilling.Runtime;
using Omstilling.Storage;
using Omstilling.Storage.Tests;
using static Omstilling.Calls.Events.CallEventKind;

namespace Omstilling.History.Tests;

public sealed class HistoryWriterTests
{
    private readonly FakeTimeProvider _time = new(Script.Start);

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.PostgreSql)]
    public async Task Every_event_is_written_in_order_and_an_ended_call_gets_its_record(StorageProvider provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        var faults = new FaultMonitor(NullLoggerFactory.Instance, _time);
        await using var writer = new HistoryWriter(test.Database, () => Script.Directory, faults, _time, NullLogger<HistoryWriter>.Instance);
        writer.Start();
        var answered = new Script()
            .At(0, Started, e => e with { External = true })
            .At(1, Ringing, e => e with { Party = "201" })
            .At(6, Answered, e => e with { AnsweredBy = "201" })
            .At(60, Ended, e => e with { EndReason = CallEndReason.CalleeHungUp });
        var stillGoing = new Script("30405060").At(0.5, Started).At(2, Queued, e => e with { QueueId = "omstilling", Position = 1 });

        // Two calls' events interleaved, as the dispatcher delivers them.
        foreach (var e in answered.Events.Concat(stillGoing.Events).OrderBy(e => e.At))
        {
            writer.Post(e);
        }

        await writer.FlushedAsync();

        await using var db = test.Database.CreateContext();
        var rows = await db.CallEvents.Where(e => e.CallId == answered.CallId).OrderBy(e => e.Sequence).ToListAsync();
        Assert.Equal(["Started", "Ringing", "Answered", "Ended"], rows.Select(r => r.Kind));
        Assert.Equal([0, 1, 2, 3], rows.Select(r => r.Sequence));
        Assert.Equal(("201", "anne", "borgerservice", "borger"), (rows[1].Party, rows[1].PersonId, rows[1].DepartmentId, rows[1].AreaId));
        Assert.Equal("CalleeHungUp", rows[3].EndReason);
        Assert.Equal(2, await db.CallEvents.CountAsync(e => e.CallId == stillGoing.CallId));

        var record = await db.CallRecords.Include(r => r.Rings).SingleAsync();
        Assert.Equal((answered.CallId, "20304050", true, "201", "anne"), (record.CallId, record.Caller, record.External, record.AnsweredBy, record.PersonId));
        Assert.Equal(Script.Start.AddSeconds(6), record.AnsweredAt);
        Assert.Equal("Answered", Assert.Single(record.Rings).Outcome);
        Assert.Equal((Script.Start.AddSeconds(1), answered.CallId), (record.Rings[0].StartedAt, record.Rings[0].CallId));
        Assert.Null(record.QueueWaitMs);
        Assert.Equal(new HistoryWriterStatus(6, 1, 0, 0, 0), writer.Status);

        // Written without EF's change tracking, the rows still compare and sort in queries as EF's own do.
        Assert.Equal(5, await db.CallEvents.CountAsync(e => e.At > Script.Start && e.At <= Script.Start.AddSeconds(60))); // 1, 6 and 60 s; 0.5 and 2 s
        Assert.Equal([answered.CallId], await db.CallRecords.Where(r => r.AnsweredAt >= Script.Start.AddSeconds(6) && r.External).Select(r => r.CallId).ToListAsync());
        Assert.Equal(rows.Select(r => r.At), await db.CallEvents.Where(e => e.CallId == answered.CallId).OrderBy(e => e.At).Select(e => e.At).ToListAsync());
    }

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.PostgreSql)]
    public async Task A_mark_after_the_call_ended_joins_its_events_and_its_record(StorageProvider provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        await using var writer = new HistoryWriter(test.Database, () => Script.Directory, new FaultMonitor(NullLoggerFactory.Instance, _time), _time, NullLogger<HistoryWriter>.Instance);
        writer.Start();
        var call = new Script()
            .At(0, Started, e => e with { External = true })
            .At(5, TransferCompleted, e => e with { Party = "201", Operator = "100" })
            .At(60, Ended, e => e with { EndReason = CallEndReason.CallerHungUp });
        foreach (var e in call.Events)
        {
            writer.Post(e);
        }

        await writer.FlushedAsync();
        writer.Post(new CallEvent(call.CallId, MarkedMisrouted, Script.Start.AddMinutes(3), "", "") { Party = "201" });
        writer.Post(new CallEvent(Guid.NewGuid(), MarkedMisrouted, Script.Start.AddMinutes(3), "", "") { Party = "201" }); // a call the history does not hold
        await writer.FlushedAsync();

        await using var db = test.Database.CreateContext();
        Assert.Equal("201", (await db.CallRecords.SingleAsync()).MisroutedBy);
        var mark = await db.CallEvents.Where(e => e.CallId == call.CallId).OrderBy(e => e.Sequence).LastAsync();
        Assert.Equal(("MarkedMisrouted", 3, "20304050", "54731000", "anne"), (mark.Kind, mark.Sequence, mark.Caller, mark.Dialled, mark.PersonId));
        Assert.Equal((4L, 1L), (writer.Status.Written, writer.Status.Lost));
    }

    [Fact]
    public async Task Events_gather_for_the_linger_time_before_a_batch_is_written_unless_someone_flushes()
    {
        await using var test = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        await using var writer = new HistoryWriter(test.Database, () => Script.Directory, new FaultMonitor(NullLoggerFactory.Instance, _time), _time, NullLogger<HistoryWriter>.Instance);
        writer.Start();
        var s = new Script().At(0, Started).At(1, Ended);
        foreach (var e in s.Events)
        {
            writer.Post(e);
        }

        await Task.Delay(300); // real time: the writer has had its chance to write too early
        Assert.Equal(0, writer.Status.Written);
        _time.Advance(HistoryWriter.Linger);
        for (var i = 0; i < 200 && writer.Status.Written < 2; i++)
        {
            await Task.Delay(25);
        }

        Assert.Equal(2, writer.Status.Written);
        writer.Post(new Script().At(5, Started).Events[0]);
        await writer.FlushedAsync(); // no linger for whoever waits: the fake clock is not moved
        Assert.Equal(3, writer.Status.Written);
    }

    [Fact]
    public async Task A_full_buffer_drops_and_counts_instead_of_waiting()
    {
        await using var test = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        await using var writer = new HistoryWriter(test.Database, () => Script.Directory, new FaultMonitor(NullLoggerFactory.Instance, _time), _time, NullLogger<HistoryWriter>.Instance, capacity: 3);
        var s = new Script().At(0, Started).At(1, Ringing, e => e with { Party = "201" }).At(2, RingEnded, e => e with { Party = "201" }).At(3, Ringing, e => e with { Party = "201" }).At(4, Ended);

        foreach (var e in s.Events)
        {
            writer.Post(e); // not started: nothing is taken out of the buffer
        }

        Assert.Equal(2, writer.Status.Dropped);
        writer.Start();
        await writer.FlushedAsync();
        Assert.Equal(3, writer.Status.Written);
        Assert.Equal(3, await test.CountAsync(db => db.CallEvents));
    }

    [Fact]
    public async Task A_batch_the_database_refuses_is_counted_as_lost_and_the_next_is_written()
    {
        var folder = System.IO.Directory.CreateTempSubdirectory("omstilling-history-").FullName;
        try
        {
            // A database without its tables: the first batch fails, then the schema is made and the next succeeds.
            var database = new OmstillingDatabase(DatabaseOptions.Parse(Path.Combine(folder, "h.db")));
            var faults = new FaultMonitor(NullLoggerFactory.Instance, _time);
            await using var writer = new HistoryWriter(database, () => Script.Directory, faults, _time, NullLogger<HistoryWriter>.Instance);
            writer.Start();
            var first = new Script().At(0, Started).At(1, Ended);
            foreach (var e in first.Events)
            {
                writer.Post(e);
            }

            await writer.FlushedAsync();
            Assert.Equal((0, 2), (writer.Status.Written, writer.Status.Lost));
            Assert.Equal(1, faults.Counts().Single(c => c.Key == "history.write").Value);

            await database.MigrateAsync(CancellationToken.None);
            var second = new Script().At(5, Started).At(6, Ended);
            foreach (var e in second.Events)
            {
                writer.Post(e);
            }

            await writer.FlushedAsync();
            Assert.Equal((2, 1, 2), (writer.Status.Written, writer.Status.Records, writer.Status.Lost));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            System.IO.Directory.Delete(folder, recursive: true);
        }
    }
}
