using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Omstilling.Calls.Control;
using Omstilling.Calls.Events;
using Omstilling.History.CallLists;
using Omstilling.Runtime;
using Omstilling.Storage;
using Omstilling.Storage.Entities;
using Omstilling.Storage.Tests;
using static Omstilling.Calls.Events.CallEventKind;

namespace Omstilling.History.Tests;

/// <summary>
/// "Mine opkald" against SQLite and PostgreSQL: the calls that rang Anne's phone (201) and that she
/// did not take, with what became of each, and the calls put through to her with any mark
/// "fejlstillet"; nobody else's calls and nothing older than 14 days.
/// </summary>
public sealed class PersonCallsTests
{
    private readonly FakeTimeProvider _time = new(Script.Start.AddHours(2));

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.PostgreSql)]
    public async Task Anne_sees_her_missed_calls_and_the_calls_put_through_to_her_newest_first(StorageProvider provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        var calls = await WriteAsync(test);
        var list = await new PersonCalls(test.Database, _time).ForExtensionAsync("201", CancellationToken.None);

        Assert.Equal(
            [(calls.ColleagueAnswered, MissedCallFate.AnsweredByColleague, "202", "55556666"), (calls.GaveUp, MissedCallFate.CallerGaveUp, null, "11112222"), (calls.CameBack, MissedCallFate.Switchboard, null, "20304050")],
            list.Missed.Select(m => (m.CallId, m.Fate, m.TakenBy, m.Caller)));
        var cameBack = list.Missed[^1];
        Assert.Equal((Script.Start.AddSeconds(40), TimeSpan.FromSeconds(20), (RingEndReason?)RingEndReason.Cancelled, true), (cameBack.RangAt, cameBack.RangFor, cameBack.RingEnd, cameBack.External));
        Assert.Equal(
            [(calls.Live, (string?)null, false, "77778888"), (calls.PutThrough, "201", true, "33334444")],
            list.PutThrough.Select(p => (p.CallId, p.MisroutedBy, p.Ended, p.Caller)));
        Assert.Equal("100", list.PutThrough[1].Operator);
    }

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.PostgreSql)]
    public async Task Only_the_person_a_call_was_put_through_to_may_mark_it(StorageProvider provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        var calls = await WriteAsync(test);
        var personCalls = new PersonCalls(test.Database, _time);

        Assert.True(await personCalls.WasPutThroughToAsync("201", calls.PutThrough, CancellationToken.None));
        Assert.False(await personCalls.WasPutThroughToAsync("202", calls.PutThrough, CancellationToken.None));
        Assert.False(await personCalls.WasPutThroughToAsync("201", calls.CameBack, CancellationToken.None));
        Assert.Empty((await personCalls.ForExtensionAsync("203", CancellationToken.None)).Missed);
    }

    [Fact]
    public void What_became_of_a_missed_call_is_read_from_its_record()
    {
        static CallRecord Record(Action<CallRecord> with)
        {
            var record = new CallRecord { Caller = "20304050", Dialled = "54731000", EndReason = "CalleeHungUp" };
            with(record);
            return record;
        }

        var cameBackThenPutThrough = Record(r => (r.AnsweredBy, r.Operator, r.Recalls, r.TransferTarget, r.TransferOutcome) = ("100", "100", 1, "202", "Completed"));
        var cameBack = Record(r => (r.AnsweredBy, r.Operator, r.Recalls, r.TransferTarget, r.TransferOutcome) = ("100", "100", 1, "201", "NoAnswer"));
        var voicemail = Record(r => r.VoicemailBox = "201");

        Assert.Equal((MissedCallFate.PutThroughToColleague, "202"), PersonCalls.FateOf(cameBackThenPutThrough, "201"));
        Assert.Equal((MissedCallFate.Switchboard, (string?)null), PersonCalls.FateOf(cameBack, "201"));
        Assert.Equal((MissedCallFate.Voicemail, (string?)null), PersonCalls.FateOf(voicemail, "201"));
        Assert.Equal((MissedCallFate.NotAnswered, (string?)null), PersonCalls.FateOf(Record(_ => { }), "201"));
    }

    internal sealed record Calls(Guid CameBack, Guid GaveUp, Guid PutThrough, Guid ColleagueAnswered, Guid Live);

    /// <summary>Seven calls through the history writer; Anne (201) missed three of them, two were put through to her.</summary>
    private async Task<Calls> WriteAsync(TestDatabase test)
    {
        await using var writer = new HistoryWriter(test.Database, () => Script.Directory, new FaultMonitor(NullLoggerFactory.Instance, _time), _time, NullLogger<HistoryWriter>.Instance);
        writer.Start();

        // The switchboard puts a citizen through to Anne, who does not answer; the call comes back.
        var cameBack = new Script()
            .At(0, Started, e => e with { External = true })
            .At(1, Queued, e => e with { QueueId = "hovedomstilling", Position = 1 })
            .At(2, Answered, e => e with { AnsweredBy = "100", Operator = "100" })
            .At(30, TransferStarted, e => e with { Party = "201", Operator = "100", Transfer = TransferKind.Blind })
            .At(40, Ringing, e => e with { Party = "201" })
            .At(60, RingEnded, e => e with { Party = "201", RingEnd = RingEndReason.Cancelled })
            .At(60, TransferFailed, e => e with { Party = "201", Outcome = RingOutcome.NoAnswer })
            .At(61, Recalled, e => e with { Operator = "100" })
            .At(120, Ended, e => e with { EndReason = CallEndReason.CalleeHungUp });

        // A direct call to Anne; the caller gives up while it rings.
        var gaveUp = new Script("11112222", "201")
            .At(600, Started, e => e with { External = true })
            .At(601, Ringing, e => e with { Party = "201" })
            .At(620, RingEnded, e => e with { Party = "201", RingEnd = RingEndReason.Cancelled })
            .At(620, Ended, e => e with { EndReason = CallEndReason.CallerHungUp });

        // Put through to Anne, who takes it; she marks it "fejlstillet" after it ended.
        var putThrough = new Script("33334444")
            .At(1200, Started, e => e with { External = true })
            .At(1202, Answered, e => e with { AnsweredBy = "100", Operator = "100" })
            .At(1230, TransferStarted, e => e with { Party = "201", Operator = "100", Transfer = TransferKind.Blind })
            .At(1231, Ringing, e => e with { Party = "201" })
            .At(1235, Answered, e => e with { AnsweredBy = "201" })
            .At(1235, TransferCompleted, e => e with { Party = "201", Operator = "100" })
            .At(1300, Ended, e => e with { EndReason = CallEndReason.CalleeHungUp });

        // Anne's and Bo's phones ring together; Bo answers.
        var colleagueAnswered = new Script("55556666", "201")
            .At(1800, Started, e => e with { External = true })
            .At(1801, Ringing, e => e with { Party = "201" })
            .At(1801, Ringing, e => e with { Party = "202" })
            .At(1805, Answered, e => e with { AnsweredBy = "202" })
            .At(1805, RingEnded, e => e with { Party = "201", RingEnd = RingEndReason.AnsweredElsewhere })
            .At(1900, Ended, e => e with { EndReason = CallEndReason.CalleeHungUp });

        // Not Anne's: older than 14 days, and a call that rang only Bo.
        var old = new Script("99990000", "201")
            .At(-16 * 86400, Started, e => e with { External = true })
            .At(-16 * 86400 + 1, Ringing, e => e with { Party = "201" })
            .At(-16 * 86400 + 20, RingEnded, e => e with { Party = "201", RingEnd = RingEndReason.NoAnswer })
            .At(-16 * 86400 + 20, Ended, e => e with { EndReason = CallEndReason.CallerHungUp });
        var bos = new Script("12121212", "202")
            .At(2400, Started, e => e with { External = true })
            .At(2401, Ringing, e => e with { Party = "202" })
            .At(2420, RingEnded, e => e with { Party = "202", RingEnd = RingEndReason.NoAnswer })
            .At(2420, Ended, e => e with { EndReason = CallEndReason.CallerHungUp });

        // Put through to Anne and still going on.
        var live = new Script("77778888")
            .At(3000, Started, e => e with { External = true })
            .At(3002, Answered, e => e with { AnsweredBy = "100", Operator = "100" })
            .At(3030, TransferStarted, e => e with { Party = "201", Operator = "100", Transfer = TransferKind.Blind })
            .At(3035, Answered, e => e with { AnsweredBy = "201" })
            .At(3035, TransferCompleted, e => e with { Party = "201", Operator = "100" });

        foreach (var e in new[] { cameBack, gaveUp, putThrough, colleagueAnswered, old, bos, live }.SelectMany(s => s.Events))
        {
            writer.Post(e);
        }

        await writer.FlushedAsync();
        writer.Post(new CallEvent(putThrough.CallId, MarkedMisrouted, Script.Start.AddSeconds(1400), "", "") { Party = "201" });
        await writer.FlushedAsync();
        return new Calls(cameBack.CallId, gaveUp.CallId, putThrough.CallId, colleagueAnswered.CallId, live.CallId);
    }
}
