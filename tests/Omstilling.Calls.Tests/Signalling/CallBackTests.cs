using Omstilling.Calls.Control;
using Omstilling.Calls.Events;
using Omstilling.Calls.Queues;
using Omstilling.Calls.Tests.Support;
using Omstilling.Sip.Messages;
using static Omstilling.Calls.Tests.Signalling.SwitchboardQueueTests;

namespace Omstilling.Calls.Tests.Signalling;

/// <summary>
/// "Ring op": the platform rings the operator's phone (showing the number to be called), then, once
/// the operator answers, the citizen's; the two talk until either hangs up, and the other is hung
/// up. Nobody answering, a busy operator, a citizen who declines: each ends it cleanly, and the
/// events tell the history what happened.
/// </summary>
public sealed class CallBackTests
{
    [Fact]
    public async Task The_operator_answers_then_the_citizen_and_the_citizen_hangs_up()
    {
        await using var f = await B2buaFixture.StartAsync(B2buaFixture.BundledPolicy(), WorkingDay, "100", "2010");
        var op = await f.PhoneAsync("100");
        var anne = await f.PhoneAsync("2010");

        Assert.Equal(CallControlResult.Done, f.Pbx.Switchboard.CallBack("100", "2010"));

        Assert.True(await f.RunAsync(TimeSpan.FromSeconds(2), () => op.InviteCount == 1), Describe(f));
        var invite = op.Received.First(r => r.Method == SipMethod.Invite);
        Assert.Equal(("2010", "Ring op"), (invite.From.Uri.User, invite.From.DisplayName));
        Assert.Equal(0, anne.InviteCount);
        op.Answer();
        Assert.True(await f.RunAsync(TimeSpan.FromSeconds(2), () => anne.InviteCount == 1), Describe(f));
        Assert.True(op.ReceivedMethod(SipMethod.Ack));
        Assert.Equal("100", anne.Received.First(r => r.Method == SipMethod.Invite).From.Uri.User);
        anne.Answer();
        Assert.True(await f.RunAsync(TimeSpan.FromSeconds(2), () => f.EventsOf(CallEventKind.Answered).Length == 2), Describe(f));
        Assert.Equal(PhoneState.Busy, f.Pbx.Presence.StateOf("100"));

        anne.HangUp();

        Assert.True(await f.RunAsync(TimeSpan.FromSeconds(2), () => op.ReceivedMethod(SipMethod.Bye)), Describe(f));
        var events = f.Events;
        Assert.Equal(
            [CallEventKind.Started, CallEventKind.Ringing, CallEventKind.Answered, CallEventKind.Ringing, CallEventKind.Answered, CallEventKind.Ended],
            events.Select(e => e.Kind));
        Assert.Single(events.Select(e => e.CallId).Distinct());
        var started = events[0];
        Assert.Equal(("100", "2010", (bool?)false), (started.Caller, started.Dialled, started.External));
        Assert.Equal(["100", "2010"], events.Where(e => e.Kind == CallEventKind.Answered).Select(e => e.AnsweredBy));
        Assert.Equal(["100", "2010"], events.Where(e => e.Kind == CallEventKind.Ringing).Select(e => e.Party));
        Assert.Equal(CallEndReason.CalleeHungUp, events[^1].EndReason);
        Assert.Equal(0, f.Pbx.Calls.ActiveCalls);
    }

    [Fact]
    public async Task The_operator_hanging_up_while_the_citizen_rings_cancels_the_citizens_phone()
    {
        await using var f = await B2buaFixture.StartAsync(B2buaFixture.BundledPolicy(), WorkingDay, "100", "2010");
        var op = await f.PhoneAsync("100");
        var anne = await f.PhoneAsync("2010");
        f.Pbx.Switchboard.CallBack("100", "2010");
        Assert.True(await f.RunAsync(TimeSpan.FromSeconds(2), () => op.InviteCount == 1), Describe(f));
        op.Answer();
        Assert.True(await f.RunAsync(TimeSpan.FromSeconds(2), () => anne.InviteCount == 1), Describe(f));

        op.HangUp();

        Assert.True(await f.RunAsync(TimeSpan.FromSeconds(2), () => anne.ReceivedMethod(SipMethod.Cancel)), Describe(f));
        var ended = Assert.Single(f.EventsOf(CallEventKind.Ended));
        Assert.Equal(CallEndReason.CallerHungUp, ended.EndReason);
        Assert.Single(f.EventsOf(CallEventKind.Answered));
        Assert.Equal(0, f.Pbx.Calls.ActiveCalls);
    }

    [Fact]
    public async Task An_operator_who_does_not_answer_never_rings_the_citizen()
    {
        await using var f = await B2buaFixture.StartAsync(B2buaFixture.BundledPolicy(), WorkingDay, "100", "2010");
        var op = await f.PhoneAsync("100");
        op.Behaviour = PhoneBehaviour.RingForever;
        var anne = await f.PhoneAsync("2010");
        f.Pbx.Switchboard.CallBack("100", "2010");
        Assert.True(await f.RunAsync(TimeSpan.FromSeconds(2), () => op.InviteCount == 1), Describe(f));

        Assert.True(await f.RunAsync(TimeSpan.FromSeconds(40), () => f.EventsOf(CallEventKind.Ended).Length == 1), Describe(f));

        Assert.Equal(CallEndReason.NoAnswer, f.EventsOf(CallEventKind.Ended)[0].EndReason);
        Assert.Equal(RingEndReason.NoAnswer, Assert.Single(f.EventsOf(CallEventKind.RingEnded)).RingEnd);
        Assert.True(op.ReceivedMethod(SipMethod.Cancel));
        Assert.Equal(0, anne.InviteCount);
    }

    [Fact]
    public async Task A_citizen_who_declines_ends_the_call_back_and_the_operator_is_hung_up()
    {
        await using var f = await B2buaFixture.StartAsync(B2buaFixture.BundledPolicy(), WorkingDay, "100", "2010");
        var op = await f.PhoneAsync("100");
        var anne = await f.PhoneAsync("2010");
        anne.Behaviour = PhoneBehaviour.Decline;
        f.Pbx.Switchboard.CallBack("100", "2010");
        Assert.True(await f.RunAsync(TimeSpan.FromSeconds(2), () => op.InviteCount == 1), Describe(f));

        op.Answer();

        Assert.True(await f.RunAsync(TimeSpan.FromSeconds(2), () => op.ReceivedMethod(SipMethod.Bye)), Describe(f));
        Assert.Equal(CallEndReason.Rejected, Assert.Single(f.EventsOf(CallEventKind.Ended)).EndReason);
        Assert.Equal(0, f.Pbx.Calls.ActiveCalls);
    }

    [Fact]
    public async Task What_cannot_be_called_back_is_refused_before_anything_rings()
    {
        await using var f = await B2buaFixture.StartAsync(B2buaFixture.BundledPolicy(), WorkingDay, "100", "101", "2010");
        var op = await f.PhoneAsync("100");

        Assert.Equal(CallControlResult.NotNow, f.Pbx.Switchboard.CallBack("101", "2010")); // no phone registered
        Assert.Equal(CallControlResult.TargetUnavailable, f.Pbx.Switchboard.CallBack("100", "2010")); // Anne's phone is off
        Assert.Equal(CallControlResult.TargetUnavailable, f.Pbx.Switchboard.CallBack("100", "20 30 40 50")); // no trunk here
        Assert.Equal(CallControlResult.UnknownTarget, f.Pbx.Switchboard.CallBack("100", "anonym"));

        await f.RunAsync(TimeSpan.FromSeconds(1), () => false);
        Assert.Equal(0, op.InviteCount);
        Assert.Empty(f.Events);
    }
}
