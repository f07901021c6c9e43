using Omstilling.Calls.Control;
using Omstilling.Calls.Events;
using Omstilling.Calls.Tests.Support;
using Omstilling.Sip.Messages;
using static Omstilling.Calls.Tests.Signalling.SwitchboardQueueTests;

namespace Omstilling.Calls.Tests.Signalling;

/// <summary>
/// "Fejlstillet" from the phone: the person a call was put through to dials *88 (from another line
/// during the call, or after it) and the call is marked, by them; the platform answers, says so in
/// Danish and hangs up. Without a call put through to them in the last 15 minutes nothing is marked.
/// </summary>
public sealed class MisroutedMarkTests
{
    [Fact]
    public async Task The_target_of_a_transfer_marks_it_misrouted_with_star_88_during_the_call()
    {
        await using var f = await B2buaFixture.StartAsync(B2buaFixture.BundledPolicy(), WorkingDay, "100", "2010");
        var callId = await TransferredToAnneAsync(f);
        var anotherLine = await f.PhoneAsync("2010", register: false);

        anotherLine.Call("*88");

        Assert.True(await f.RunAsync(TimeSpan.FromSeconds(10), () => anotherLine.ReceivedMethod(SipMethod.Bye)), Describe(f));
        Assert.Contains(200, anotherLine.Statuses);
        var mark = Assert.Single(f.EventsOf(CallEventKind.MarkedMisrouted));
        Assert.Equal((callId, "2010", "2002"), (mark.CallId, mark.Party, mark.Caller));
    }

    [Fact]
    public async Task The_mark_may_come_after_the_call_but_not_after_15_minutes()
    {
        await using var f = await B2buaFixture.StartAsync(B2buaFixture.BundledPolicy(), WorkingDay, "100", "2010");
        await TransferredToAnneAsync(f);
        f.Advance(TimeSpan.FromMinutes(15) + TimeSpan.FromSeconds(1));
        var anne = await f.PhoneAsync("2010", register: false);

        anne.Call("*88");

        Assert.True(await f.RunAsync(TimeSpan.FromSeconds(10), () => anne.ReceivedMethod(SipMethod.Bye)), Describe(f));
        Assert.Empty(f.EventsOf(CallEventKind.MarkedMisrouted));
    }

    [Fact]
    public async Task Someone_nothing_was_put_through_to_marks_nothing()
    {
        await using var f = await B2buaFixture.StartAsync(B2buaFixture.BundledPolicy(), WorkingDay, "100", "2010", "2011");
        await TransferredToAnneAsync(f);
        var bo = await f.PhoneAsync("2011", register: false);

        bo.Call("*88");

        Assert.True(await f.RunAsync(TimeSpan.FromSeconds(10), () => bo.ReceivedMethod(SipMethod.Bye)), Describe(f));
        Assert.Empty(f.EventsOf(CallEventKind.MarkedMisrouted));
    }

    [Fact]
    public async Task An_operator_marks_a_live_call_from_the_web_with_its_caller_and_number_dialled()
    {
        await using var f = await B2buaFixture.StartAsync(B2buaFixture.BundledPolicy(), WorkingDay, "100", "2010");
        var callId = await TransferredToAnneAsync(f);

        var result = f.Pbx.Marks.MarkMisrouted(callId, "100", byOperator: true);

        f.Delivered();
        Assert.Equal(CallControlResult.Done, result);
        var mark = Assert.Single(f.EventsOf(CallEventKind.MarkedMisrouted));
        Assert.Equal((callId, "100", (string?)null, "2002", "54731000"), (mark.CallId, mark.Operator, mark.Party, mark.Caller, mark.Dialled));
        var completed = Array.FindIndex(f.Events.ToArray(), e => e.Kind == CallEventKind.TransferCompleted);
        Assert.True(Array.FindIndex(f.Events.ToArray(), e => e.Kind == CallEventKind.MarkedMisrouted) > completed);
    }

    [Fact]
    public async Task The_target_marks_an_ended_call_from_the_web_and_the_history_fills_in_the_caller()
    {
        await using var f = await B2buaFixture.StartAsync(B2buaFixture.BundledPolicy(), WorkingDay, "100", "2010");
        var (callId, anne) = await TransferredToAnneWithPhoneAsync(f);
        anne.HangUp();
        Assert.True(await f.RunAsync(TimeSpan.FromSeconds(2), () => f.EventsOf(CallEventKind.Ended).Length == 1), Describe(f));
        f.Advance(TimeSpan.FromDays(3)); // long after the phone's 15 minutes: the web may still mark it

        var result = f.Pbx.Marks.MarkMisrouted(callId, "2010", byOperator: false);

        f.Delivered();
        Assert.Equal(CallControlResult.Done, result);
        var mark = Assert.Single(f.EventsOf(CallEventKind.MarkedMisrouted));
        Assert.Equal((callId, "2010", (string?)null, "", ""), (mark.CallId, mark.Party, mark.Operator, mark.Caller, mark.Dialled));
        Assert.Equal(WorkingDay.AddDays(3), mark.At, TimeSpan.FromMinutes(1));
    }

    [Fact]
    public async Task No_call_id_marks_nothing()
    {
        await using var f = await B2buaFixture.StartAsync(B2buaFixture.BundledPolicy(), WorkingDay, "100");

        var result = f.Pbx.Marks.MarkMisrouted(Guid.Empty, "100", byOperator: true);

        f.Delivered();
        Assert.Equal(CallControlResult.NoSuchCall, result);
        Assert.Empty(f.EventsOf(CallEventKind.MarkedMisrouted));
    }

    /// <summary>A citizen calls the main number, operator 100 answers and puts them through to Anne (2010), who answers.</summary>
    private static async Task<Guid> TransferredToAnneAsync(B2buaFixture f) => (await TransferredToAnneWithPhoneAsync(f)).CallId;

    private static async Task<(Guid CallId, TestPhone Anne)> TransferredToAnneWithPhoneAsync(B2buaFixture f)
    {
        var op = await f.PhoneAsync("100");
        var anne = await f.PhoneAsync("2010");
        var caller = await f.PhoneAsync("2002", register: false);
        caller.Call("54731000", authenticate: false);
        Assert.True(await f.RunAsync(TimeSpan.FromSeconds(10), () => op.InviteCount == 1), Describe(f));
        op.Answer();
        Assert.True(await f.RunAsync(TimeSpan.FromSeconds(1), () => f.Pbx.Switchboard.CallsInvolving("100").Any(c => c.AnsweredBy == "100")), Describe(f));
        var callId = Assert.Single(f.Pbx.Switchboard.CallsInvolving("100")).Id;
        await f.Pbx.Switchboard.BlindTransferAsync(callId, "100", "2010", "Anne Sørensen", announceName: false, CancellationToken.None);
        Assert.True(await f.RunAsync(TimeSpan.FromSeconds(2), () => anne.InviteCount == 1), Describe(f));
        anne.Answer();
        Assert.True(await f.RunAsync(TimeSpan.FromSeconds(2), () => f.EventsOf(CallEventKind.TransferCompleted).Length == 1), Describe(f));
        return (callId, anne);
    }
}
