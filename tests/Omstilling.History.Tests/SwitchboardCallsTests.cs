using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Omstilling.Calls.Events;
using Omstilling.History.CallLists;
using Omstilling.Storage;
using Omstilling.Storage.Entities;
using Omstilling.Runtime;
using Omstilling.Storage.Tests;
using static Omstilling.Calls.Events.CallEventKind;

namespace Omstilling.History.Tests;

/// <summary>
/// The console's call history against SQLite and PostgreSQL: today's calls the switchboard handled,
/// newest first, and the callers of the main number nobody has answered since, one per caller.
/// </summary>
public sealed class SwitchboardCallsTests
{
    private static readonly TimeZoneInfo Copenhagen = TimeZoneInfo.FindSystemTimeZoneById("Europe/Copenhagen");

    // 12:00 in Copenhagen on 3 December: the local day began at 23:00 UTC the day before.
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 3, 11, 0, 0, TimeSpan.Zero));

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.PostgreSql)]
    public async Task Todays_switchboard_calls_newest_first_and_the_callers_nobody_has_answered_since(StorageProvider provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        var yesterday = Call("10101010", 22, 30, day: 2, with: r => (r.Operator, r.AnsweredBy, r.AnsweredAt) = ("100", "100", r.ArrivedAt));
        var transferred = Call("11111111", 9, 0, with: r => (r.Operator, r.AnsweredBy, r.AnsweredAt, r.TransferTarget, r.TransferOutcome, r.MenuPath) = ("100", "100", r.ArrivedAt.AddSeconds(5), "201", "Completed", "dag:1"));
        var gaveUp = Call("22222222", 9, 10, with: r => (r.QueueId, r.QueueWaitMs, r.Abandoned) = ("hovedomstilling", 45_000, true));
        var gaveUpThenAnswered = Call("33333333", 9, 20, with: r => (r.QueueId, r.QueueWaitMs, r.Abandoned) = ("hovedomstilling", 10_000, true));
        var calledAgain = Call("33333333", 9, 40, with: r => (r.QueueId, r.Operator, r.AnsweredBy, r.AnsweredAt) = ("hovedomstilling", "100", "100", r.ArrivedAt.AddSeconds(3)));
        var twiceFirst = Call("44444444", 9, 30, dialled: "+4554731000", with: r => (r.QueueId, r.QueueWaitMs, r.Abandoned) = ("hovedomstilling", 20_000, true));
        var twiceLast = Call("44444444", 9, 50, with: r => (r.QueueId, r.QueueWaitMs, r.Abandoned) = ("hovedomstilling", 30_000, true));
        var voicemail = Call("55555555", 9, 55, with: r => (r.QueueId, r.VoicemailBox) = ("hovedomstilling", "omstilling"));
        var direct = Call("66666666", 9, 56, dialled: "201", with: r => (r.FirstRingAt, r.Abandoned) = (r.ArrivedAt, true));
        var anonymous = Call("anonym", 9, 57, with: r => (r.QueueId, r.QueueWaitMs, r.Abandoned) = ("hovedomstilling", 5_000, true));
        var colleague = Call("201", 9, 58, with: r => (r.External, r.Abandoned, r.FirstRingAt) = (false, true, r.ArrivedAt));

        // An operator called 66 66 00 00 back after they gave up ("Ring op"), and they answered.
        var gaveUpThenCalledBack = Call("+4566660000", 9, 15, with: r => (r.QueueId, r.QueueWaitMs, r.Abandoned) = ("hovedomstilling", 15_000, true));
        var callBack = Call("100", 9, 45, dialled: "66660000", with: r =>
        {
            (r.External, r.Operator, r.AnsweredBy, r.AnsweredAt) = (false, "100", "100", r.ArrivedAt.AddSeconds(3));
            r.Rings.Add(new CallRingRecord { Party = "100", StartedAt = r.ArrivedAt, EndedAt = r.ArrivedAt.AddSeconds(3), Outcome = "Answered" });
            r.Rings.Add(new CallRingRecord { Party = "66660000", StartedAt = r.ArrivedAt.AddSeconds(3), EndedAt = r.ArrivedAt.AddSeconds(9), Outcome = "Answered" });
        });
        await using (var db = test.Database.CreateContext())
        {
            db.CallRecords.AddRange(yesterday, transferred, gaveUp, gaveUpThenAnswered, calledAgain, twiceFirst, twiceLast, voicemail, direct, anonymous, colleague, gaveUpThenCalledBack, callBack);
            await db.SaveChangesAsync();
        }

        var day = await new SwitchboardCalls(test.Database, _time).TodayAsync(Copenhagen, "54 73 10 00", CancellationToken.None);

        Assert.Equal(new DateOnly(2026, 12, 3), day.Day);
        Assert.Equal(
            [anonymous.CallId, voicemail.CallId, twiceLast.CallId, callBack.CallId, calledAgain.CallId, twiceFirst.CallId, gaveUpThenAnswered.CallId, gaveUpThenCalledBack.CallId, gaveUp.CallId, transferred.CallId],
            day.Calls.Select(c => c.CallId));
        var put = day.Calls[^1];
        Assert.Equal(("201", "Completed", "dag:1", "100", true), (put.TransferTarget, put.TransferOutcome, put.MenuPath, put.AnsweredBy, put.PutThrough));
        Assert.False(day.Calls[^2].PutThrough);
        Assert.DoesNotContain(day.Unanswered, u => u.CallId == gaveUpThenCalledBack.CallId);
        Assert.Equal(
            [(twiceLast.CallId, "44444444", TimeSpan.FromSeconds(30), 2, true), (gaveUp.CallId, "22222222", TimeSpan.FromSeconds(45), 1, true)],
            day.Unanswered.Select(u => (u.CallId, u.Caller, u.Waited, u.Calls, u.GaveUp)));
    }

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.PostgreSql)]
    public async Task A_caller_the_operator_called_back_and_reached_leaves_the_unanswered_list(StorageProvider provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        await using var writer = new HistoryWriter(test.Database, () => Script.Directory, new FaultMonitor(NullLoggerFactory.Instance, _time), _time, NullLogger<HistoryWriter>.Instance);
        writer.Start();

        // Script.Start is 09:00 UTC; both gave up in the queue.
        var reachedLater = new Script("+4520304050")
            .At(0, Started, e => e with { External = true })
            .At(1, Queued, e => e with { QueueId = "hovedomstilling", Position = 1 })
            .At(40, Ended, e => e with { EndReason = CallEndReason.CallerHungUp });
        var notReached = new Script("30405060")
            .At(10, Started, e => e with { External = true })
            .At(11, Queued, e => e with { QueueId = "hovedomstilling", Position = 1 })
            .At(50, Ended, e => e with { EndReason = CallEndReason.CallerHungUp });

        // "Ring op" as the engine tells it: the operator's phone, then the citizen's; and one the citizen did not answer.
        var callBack = new Script("100", "20304050")
            .At(300, Started, e => e with { External = false })
            .At(301, Ringing, e => e with { Party = "100" })
            .At(303, Answered, e => e with { AnsweredBy = "100", Operator = "100" })
            .At(304, Ringing, e => e with { Party = "20304050" })
            .At(310, Answered, e => e with { AnsweredBy = "20304050", Operator = "100" })
            .At(400, Ended, e => e with { EndReason = CallEndReason.CalleeHungUp });
        var unanswered = new Script("100", "30405060")
            .At(500, Started, e => e with { External = false })
            .At(501, Ringing, e => e with { Party = "100" })
            .At(503, Answered, e => e with { AnsweredBy = "100", Operator = "100" })
            .At(504, Ringing, e => e with { Party = "30405060" })
            .At(530, RingEnded, e => e with { Party = "30405060", RingEnd = RingEndReason.NoAnswer })
            .At(530, Ended, e => e with { EndReason = CallEndReason.NoAnswer });
        foreach (var e in new[] { reachedLater, notReached, callBack, unanswered }.SelectMany(s => s.Events))
        {
            writer.Post(e);
        }

        await writer.FlushedAsync();
        var day = await new SwitchboardCalls(test.Database, _time).TodayAsync(Copenhagen, "54731000", CancellationToken.None);

        Assert.Equal([notReached.CallId], day.Unanswered.Select(u => u.CallId));
    }

    private static CallRecord Call(string caller, int hour, int minute, string dialled = "54731000", int day = 3, Action<CallRecord>? with = null)
    {
        var arrived = new DateTimeOffset(2026, 12, day, hour, minute, 0, TimeSpan.Zero);
        var record = new CallRecord { CallId = Guid.NewGuid(), Caller = caller, Dialled = dialled, External = true, ArrivedAt = arrived, EndedAt = arrived.AddMinutes(1), EndReason = "CallerHungUp" };
        with?.Invoke(record);
        return record;
    }
}
