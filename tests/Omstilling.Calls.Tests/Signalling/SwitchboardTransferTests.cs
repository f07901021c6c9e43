using Omstilling.Calls.Control;
using Omstilling.Calls.Events;
using Omstilling.Calls.Signalling;
using Omstilling.Calls.Tests.Support;
using Omstilling.Sip.Messages;
using static Omstilling.Calls.Tests.Signalling.SwitchboardQueueTests;
using static Omstilling.Calls.Tests.Support.OperatorCalls;

namespace Omstilling.Calls.Tests.Signalling;

/// <summary>
/// The operator's transfers as the console commands them: blind, announced (complete, return,
/// no answer), recall of an unanswered transfer to the same operator or the queue's head, a busy
/// direct line overflowing to the switchboard and camped on, hold, and callers or operators
/// hanging up half way. Both clocks are in the test's hands.
/// </summary>
public sealed class SwitchboardTransferTests
{
    [Fact]
    public async Task A_blind_transfer_frees_the_operator_and_connects_the_caller_when_the_target_answers()
    {
        await using var f = await B2buaFixture.StartAsync(B2buaFixture.BundledPolicy(), WorkingDay, "100", "2010");
        var (caller, op, callId) = await OperatorOnCallAsync(f);
        var anne = await f.PhoneAsync("2010");

        var result = await f.Pbx.Switchboard.BlindTransferAsync(callId, "100", "2010", "Anne Sørensen", announceName: false, CancellationToken.None);

        Assert.Equal(CallControlResult.Done, result);
        f.Deliver();
        Assert.True(op.ReceivedMethod(SipMethod.Bye), "the operator is released at once");
        Assert.True(await f.RunAsync(TimeSpan.FromSeconds(2), () => anne.InviteCount == 1), Describe(f));
        Assert.False(f.Pbx.Calls.Activity.IsBusy("100"));
        anne.Answer();
        Assert.True(await f.RunAsync(TimeSpan.FromSeconds(1), () => f.Pbx.Switchboard.Snapshot(callId)?.AnsweredBy == "2010"), Describe(f));
        var view = f.Pbx.Switchboard.Snapshot(callId)!;
        Assert.Equal("2010", view.AnsweredBy);
        Assert.Equal("100", view.HandledBy);
        Assert.Null(view.Transfer);
        Assert.Contains(f.EventsOf(CallEventKind.TransferCompleted), e => e.Party == "2010" && e.Operator == "100");
        Assert.Contains(f.EventsOf(CallEventKind.PartyLeft), e => e.Party == "100");
        Assert.False(caller.ReceivedMethod(SipMethod.Bye));
    }

    [Fact]
    public async Task A_blind_transfer_can_first_tell_the_caller_whom_they_are_put_through_to()
    {
        await using var f = await B2buaFixture.StartAsync(B2buaFixture.BundledPolicy(), WorkingDay, "100", "2010");
        var (_, _, callId) = await OperatorOnCallAsync(f);
        var anne = await f.PhoneAsync("2010");

        var result = await f.Pbx.Switchboard.BlindTransferAsync(callId, "100", "2010", "Anne Sørensen", announceName: true, CancellationToken.None);

        Assert.Equal(CallControlResult.Done, result);
        var spoken = Path.Combine(f.SpokenFolder, "navn-anne-soerensen.wav");
        Assert.True(File.Exists(spoken), "the name is spoken with espeak-ng");
        Assert.Equal("Anne Sørensen", File.ReadAllText(Path.ChangeExtension(spoken, ".txt")).Trim());
        await f.RunAsync(TimeSpan.FromMilliseconds(500), () => false);
        Assert.Equal(0, anne.InviteCount);
        Assert.True(await f.RunAsync(TimeSpan.FromSeconds(10), () => anne.InviteCount == 1), "the target rings once the name is said\n" + Describe(f));
    }

    [Fact]
    public async Task An_unanswered_blind_transfer_comes_back_to_the_same_operator_after_four_rings()
    {
        await using var f = await B2buaFixture.StartAsync(B2buaFixture.BundledPolicy(), WorkingDay, "100", "2010");
        var (_, op, callId) = await OperatorOnCallAsync(f);
        var anne = await f.PhoneAsync("2010");
        anne.Behaviour = PhoneBehaviour.RingForever;

        await f.Pbx.Switchboard.BlindTransferAsync(callId, "100", "2010", "Anne Sørensen", announceName: false, CancellationToken.None);
        Assert.False(await f.RunAsync(TimeSpan.FromSeconds(19), () => f.EventsOf(CallEventKind.Recalled).Length > 0), "recalled before the ring limit");
        Assert.True(await f.RunAsync(TimeSpan.FromSeconds(3), () => op.InviteCount == 2), Describe(f));

        Assert.True(anne.ReceivedMethod(SipMethod.Cancel));
        var recalled = Assert.Single(f.EventsOf(CallEventKind.Recalled));
        Assert.Equal(("2010", "100", RingOutcome.NoAnswer), (recalled.Party, recalled.Operator, recalled.Outcome));
        op.Answer();
        Assert.True(await f.RunAsync(TimeSpan.FromSeconds(1), () => f.Pbx.Switchboard.Snapshot(callId)?.AnsweredBy == "100"), Describe(f));
        var view = f.Pbx.Switchboard.Snapshot(callId)!;
        Assert.Equal("100", view.AnsweredBy);
        Assert.Equal(new RecallView("2010", "Anne Sørensen", RingOutcome.NoAnswer, "100", recalled.At), view.Recall);
    }

    [Fact]
    public async Task A_recall_goes_to_the_head_of_the_queue_when_the_operator_is_busy()
    {
        await using var f = await B2buaFixture.StartAsync(B2buaFixture.BundledPolicy(), WorkingDay, "100", "2010");
        var (_, op, callId) = await OperatorOnCallAsync(f);
        var anne = await f.PhoneAsync("2010");
        anne.Behaviour = PhoneBehaviour.RingForever;
        var colleague = await f.PhoneAsync("2001");

        await f.Pbx.Switchboard.BlindTransferAsync(callId, "100", "2010", null, announceName: false, CancellationToken.None);
        op.Call("2001");
        colleague.Answer();
        Assert.True(await f.RunAsync(TimeSpan.FromSeconds(25), () => f.EventsOf(CallEventKind.Recalled).Length > 0), Describe(f));

        var recalled = Assert.Single(f.EventsOf(CallEventKind.Recalled));
        Assert.Null(recalled.Operator);
        var entry = Assert.Single(f.Pbx.Calls.Queues.Entries("hovedomstilling"));
        Assert.True(entry.Recalled);
        Assert.Equal(callId, entry.CallId);
        Assert.Equal(1, entry.Position);
        Assert.Equal(1, op.InviteCount);
    }

    [Fact]
    public async Task An_announced_transfer_lets_the_operator_talk_to_the_target_then_completes()
    {
        await using var f = await B2buaFixture.StartAsync(B2buaFixture.BundledPolicy(), WorkingDay, "100", "2011");
        var (caller, op, callId) = await OperatorOnCallAsync(f);
        var bo = await f.PhoneAsync("2011");

        Assert.Equal(CallControlResult.NotNow, f.Pbx.Switchboard.CompleteTransfer(callId, "100"));
        Assert.Equal(CallControlResult.Done, f.Pbx.Switchboard.StartConsultation(callId, "100", "2011", "Bo Jensen"));
        Assert.True(await f.RunAsync(TimeSpan.FromSeconds(2), () => bo.InviteCount == 1), Describe(f));
        Assert.False(op.ReceivedMethod(SipMethod.Bye));
        bo.Answer();
        Assert.True(await f.RunAsync(TimeSpan.FromSeconds(1), () => f.EventsOf(CallEventKind.ConsultAnswered).Any(e => e.Party == "2011")), Describe(f));
        Assert.Contains(f.EventsOf(CallEventKind.ConsultAnswered), e => e.Party == "2011");
        Assert.True(f.Pbx.Switchboard.Snapshot(callId)!.Transfer!.Answered);
        Assert.Equal(CallControlResult.NotYourCall, f.Pbx.Switchboard.CompleteTransfer(callId, "101"));

        Assert.Equal(CallControlResult.Done, f.Pbx.Switchboard.CompleteTransfer(callId, "100"));
        Assert.True(await f.RunAsync(TimeSpan.FromSeconds(1), () => op.ReceivedMethod(SipMethod.Bye)), Describe(f));

        Assert.False(bo.ReceivedMethod(SipMethod.Bye));
        Assert.False(caller.ReceivedMethod(SipMethod.Bye));
        var view = f.Pbx.Switchboard.Snapshot(callId)!;
        Assert.Equal(("2011", CallState.Answered), (view.AnsweredBy, view.State));
        Assert.Contains(f.EventsOf(CallEventKind.TransferCompleted), e => e.Party == "2011" && e.Operator == "100");
        bo.HangUp();
        Assert.True(await f.RunAsync(TimeSpan.FromSeconds(1), () => caller.ReceivedMethod(SipMethod.Bye)), Describe(f));
        Assert.Equal(0, f.Media.StreamCount);
    }

    [Fact]
    public async Task Returning_from_a_consultation_hangs_up_the_target_and_the_operator_has_the_caller_again()
    {
        await using var f = await B2buaFixture.StartAsync(B2buaFixture.BundledPolicy(), WorkingDay, "100", "2011");
        var (caller, op, callId) = await OperatorOnCallAsync(f);
        var bo = await f.PhoneAsync("2011");
        f.Pbx.Switchboard.StartConsultation(callId, "100", "2011", "Bo Jensen");
        Assert.True(await f.RunAsync(TimeSpan.FromSeconds(1), () => bo.InviteCount == 1), Describe(f));
        bo.Answer();
        Assert.True(await f.RunAsync(TimeSpan.FromSeconds(1), () => f.EventsOf(CallEventKind.ConsultAnswered).Any(e => e.Party == "2011")), Describe(f));

        Assert.Equal(CallControlResult.Done, f.Pbx.Switchboard.ReturnToCaller(callId, "100"));
        Assert.True(await f.RunAsync(TimeSpan.FromSeconds(1), () => bo.ReceivedMethod(SipMethod.Bye)), Describe(f));

        Assert.False(op.ReceivedMethod(SipMethod.Bye));
        Assert.Equal([CallEventKind.Held, CallEventKind.Resumed], f.Events.Where(e => e.Kind is CallEventKind.Held or CallEventKind.Resumed).Select(e => e.Kind));
        var view = f.Pbx.Switchboard.Snapshot(callId)!;
        Assert.Equal("100", view.AnsweredBy);
        Assert.Null(view.Transfer);
        Assert.Contains(f.EventsOf(CallEventKind.TransferFailed), e => e.Outcome == RingOutcome.Returned);
        Assert.False(f.Pbx.Calls.Activity.IsBusy("2011"));
        Assert.False(caller.ReceivedMethod(SipMethod.Bye));
    }

    [Fact]
    public async Task A_consultation_nobody_answers_waits_for_the_operators_choice_and_voicemail_takes_the_caller()
    {
        await using var f = await B2buaFixture.StartAsync(B2buaFixture.BundledPolicy(), WorkingDay, "100", "2011");
        var (_, op, callId) = await OperatorOnCallAsync(f);
        var bo = await f.PhoneAsync("2011");
        bo.Behaviour = PhoneBehaviour.RingForever;

        f.Pbx.Switchboard.StartConsultation(callId, "100", "2011", "Bo Jensen");
        Assert.True(await f.RunAsync(TimeSpan.FromSeconds(25), () => f.EventsOf(CallEventKind.TransferFailed).Length > 0), Describe(f));

        Assert.True(bo.ReceivedMethod(SipMethod.Cancel));
        var view = f.Pbx.Switchboard.Snapshot(callId)!;
        Assert.Equal(RingOutcome.NoAnswer, view.Transfer!.Failed);
        Assert.Equal("100", view.AnsweredBy);
        Assert.Equal(CallControlResult.NotNow, f.Pbx.Switchboard.CompleteTransfer(callId, "100"));

        Assert.Equal(CallControlResult.Done, f.Pbx.Switchboard.TransferToVoicemail(callId, "100", "2011"));
        Assert.True(await f.RunAsync(TimeSpan.FromSeconds(15), () => f.EventsOf(CallEventKind.Voicemail).Length > 0), Describe(f));
        Assert.True(op.ReceivedMethod(SipMethod.Bye));
        Assert.Equal("2011", Assert.Single(f.EventsOf(CallEventKind.Voicemail)).VoicemailBox);
    }

    [Fact]
    public async Task A_consultation_with_a_person_whose_one_phone_is_busy_fails_as_busy_whatever_the_other_says()
    {
        await using var f = await B2buaFixture.StartAsync(B2buaFixture.BundledPolicy(), WorkingDay, "100", "2011");
        var (_, _, callId) = await OperatorOnCallAsync(f);
        var desk = await f.PhoneAsync("2011");
        var mobile = await f.PhoneAsync("2011");
        desk.Behaviour = PhoneBehaviour.Busy;
        mobile.Behaviour = PhoneBehaviour.Decline; // answers last

        Assert.Equal(CallControlResult.Done, f.Pbx.Switchboard.StartConsultation(callId, "100", "2011", "Bo Jensen"));
        Assert.True(await f.RunAsync(TimeSpan.FromSeconds(2), () => f.Pbx.Switchboard.Snapshot(callId)?.Transfer?.Failed is not null), Describe(f));

        Assert.Equal(1, desk.InviteCount);
        Assert.Equal(1, mobile.InviteCount);
        Assert.Equal(RingOutcome.Busy, f.Pbx.Switchboard.Snapshot(callId)!.Transfer!.Failed);
    }

    [Fact]
    public async Task A_person_rings_until_the_last_of_their_phones_stops()
    {
        await using var f = await B2buaFixture.StartAsync(B2buaFixture.BundledPolicy(), WorkingDay, "100", "2011");
        var (_, _, callId) = await OperatorOnCallAsync(f);
        var desk = await f.PhoneAsync("2011");
        var mobile = await f.PhoneAsync("2011");
        desk.Behaviour = PhoneBehaviour.RingForever;
        mobile.Behaviour = PhoneBehaviour.RingForever;
        f.Pbx.Switchboard.StartConsultation(callId, "100", "2011", "Bo Jensen");
        Assert.True(await f.RunAsync(TimeSpan.FromSeconds(2), () => desk.InviteCount == 1 && mobile.InviteCount == 1), Describe(f));

        mobile.Decline();

        Assert.True(f.Pbx.Calls.Activity.IsRinging("2011"), "the desk phone still rings");
        Assert.Single(f.EventsOf(CallEventKind.Ringing), e => e.Party == "2011");
        Assert.DoesNotContain(f.EventsOf(CallEventKind.RingEnded), e => e.Party == "2011");
    }

    [Fact]
    public async Task A_person_who_answers_on_one_phone_has_not_stopped_ringing_unanswered()
    {
        await using var f = await B2buaFixture.StartAsync(B2buaFixture.BundledPolicy(), WorkingDay, "100", "2011");
        var (_, _, callId) = await OperatorOnCallAsync(f);
        var desk = await f.PhoneAsync("2011");
        var mobile = await f.PhoneAsync("2011");
        desk.Behaviour = PhoneBehaviour.RingForever;
        mobile.Behaviour = PhoneBehaviour.RingForever;
        f.Pbx.Switchboard.StartConsultation(callId, "100", "2011", "Bo Jensen");
        Assert.True(await f.RunAsync(TimeSpan.FromSeconds(2), () => desk.InviteCount == 1 && mobile.InviteCount == 1), Describe(f));

        desk.Answer();

        Assert.True(await f.RunAsync(TimeSpan.FromSeconds(2), () => mobile.ReceivedMethod(SipMethod.Cancel) && f.EventsOf(CallEventKind.ConsultAnswered).Any(e => e.Party == "2011")), Describe(f));
        Assert.DoesNotContain(f.EventsOf(CallEventKind.RingEnded), e => e.Party == "2011");
    }

    [Fact]
    public async Task A_caller_hanging_up_during_a_consultation_ends_every_leg()
    {
        await using var f = await B2buaFixture.StartAsync(B2buaFixture.BundledPolicy(), WorkingDay, "100", "2011");
        var (caller, op, callId) = await OperatorOnCallAsync(f);
        var bo = await f.PhoneAsync("2011");
        bo.Behaviour = PhoneBehaviour.RingForever;
        f.Pbx.Switchboard.StartConsultation(callId, "100", "2011", "Bo Jensen");
        Assert.True(await f.RunAsync(TimeSpan.FromSeconds(2), () => bo.InviteCount == 1), Describe(f));

        caller.HangUp();
        Assert.True(await f.RunAsync(TimeSpan.FromSeconds(1), () => bo.ReceivedMethod(SipMethod.Cancel) && op.ReceivedMethod(SipMethod.Bye)), Describe(f));

        Assert.Equal(CallEndReason.CallerHungUp, Assert.Single(f.EventsOf(CallEventKind.Ended)).EndReason);
        Assert.Empty(f.Pbx.Switchboard.Snapshots());
        Assert.Equal(0, f.Media.StreamCount);
        Assert.False(f.Pbx.Calls.Activity.IsBusy("100"));
        Assert.False(f.Pbx.Calls.Activity.IsRinging("2011"));
        Assert.Equal(CallControlResult.NoSuchCall, f.Pbx.Switchboard.CompleteTransfer(callId, "100"));
    }

    [Fact]
    public async Task An_operator_hanging_up_during_a_consultation_completes_the_transfer()
    {
        await using var f = await B2buaFixture.StartAsync(B2buaFixture.BundledPolicy(), WorkingDay, "100", "2011");
        var (caller, op, callId) = await OperatorOnCallAsync(f);
        var bo = await f.PhoneAsync("2011");
        f.Pbx.Switchboard.StartConsultation(callId, "100", "2011", "Bo Jensen");
        Assert.True(await f.RunAsync(TimeSpan.FromSeconds(1), () => bo.InviteCount == 1), Describe(f));
        bo.Answer();
        Assert.True(await f.RunAsync(TimeSpan.FromSeconds(1), () => f.EventsOf(CallEventKind.ConsultAnswered).Any(e => e.Party == "2011")), Describe(f));

        op.HangUp();
        Assert.True(await f.RunAsync(TimeSpan.FromSeconds(1), () => f.Pbx.Switchboard.Snapshot(callId)?.AnsweredBy == "2011"), Describe(f));

        Assert.Equal("2011", f.Pbx.Switchboard.Snapshot(callId)!.AnsweredBy);
        Assert.Contains(f.EventsOf(CallEventKind.TransferCompleted), e => e.Party == "2011");
        Assert.False(caller.ReceivedMethod(SipMethod.Bye));
        Assert.False(bo.ReceivedMethod(SipMethod.Bye));
    }

    [Fact]
    public async Task A_busy_direct_line_overflows_to_the_switchboard_with_its_reason_and_a_camp_on_rings_when_free()
    {
        await using var f = await B2buaFixture.StartAsync(B2buaFixture.BundledPolicy(), WorkingDay, "100", "2050");
        var op = await f.PhoneAsync("100");
        var jens = await f.PhoneAsync("2050");
        var colleague = await f.PhoneAsync("2001");
        jens.Call("2001");
        colleague.Answer();
        var citizen = await f.PhoneAsync("20304050", register: false);

        citizen.Call("54732055", authenticate: false);
        Assert.True(await f.RunAsync(TimeSpan.FromSeconds(10), () => op.InviteCount == 1), Describe(f));
        Assert.Equal(0, jens.InviteCount);
        op.Answer();
        Assert.True(await f.RunAsync(TimeSpan.FromSeconds(1), () => f.Pbx.Switchboard.CallsInvolving("100").Any()), Describe(f));
        var callId = f.Pbx.Switchboard.CallsInvolving("100").Single().Id;
        Assert.Equal(new DiversionView("2050", RingOutcome.Busy), f.Pbx.Switchboard.Snapshot(callId)!.Diversion);
        Assert.Contains(f.EventsOf(CallEventKind.Diverted), e => e.Party == "2050" && e.Outcome == RingOutcome.Busy);

        Assert.Equal(CallControlResult.Done, f.Pbx.Switchboard.CampOn(callId, "100", "2050", "Jens Hansen"));
        Assert.True(await f.RunAsync(TimeSpan.FromSeconds(3), () => op.ReceivedMethod(SipMethod.Bye)), Describe(f));
        Assert.Equal(0, jens.InviteCount);
        jens.HangUp();
        Assert.True(await f.RunAsync(TimeSpan.FromSeconds(3), () => jens.InviteCount == 1), Describe(f));
        jens.Answer();
        Assert.True(await f.RunAsync(TimeSpan.FromSeconds(1), () => f.Pbx.Switchboard.Snapshot(callId)?.AnsweredBy == "2050"), Describe(f));

        Assert.Equal("2050", f.Pbx.Switchboard.Snapshot(callId)!.AnsweredBy);
        Assert.Contains(f.EventsOf(CallEventKind.TransferCompleted), e => e.Party == "2050" && e.Operator == "100");
    }

    [Fact]
    public async Task Hold_from_the_console_gives_the_caller_music_and_resume_takes_it_back()
    {
        await using var f = await B2buaFixture.StartAsync(B2buaFixture.BundledPolicy(), WorkingDay, "100");
        var (_, _, callId) = await OperatorOnCallAsync(f);

        var senders = f.Clock.Count;

        Assert.Equal(CallControlResult.Done, f.Pbx.Switchboard.Hold(callId, "100"));
        Assert.True(f.Pbx.Switchboard.Snapshot(callId)!.OnHold);
        Assert.Equal(senders + 1, f.Clock.Count); // the music player for the caller
        Assert.Equal(CallControlResult.Done, f.Pbx.Switchboard.TakeOffHold(callId, "100"));
        Assert.False(f.Pbx.Switchboard.Snapshot(callId)!.OnHold);
        Assert.Equal(senders, f.Clock.Count);
        Assert.Equal(["100", "100"], f.Events.Where(e => e.Kind is CallEventKind.Held or CallEventKind.Resumed).Select(e => e.Party));
        Assert.Equal(CallControlResult.NotYourCall, f.Pbx.Switchboard.Hold(callId, "101"));
    }

    [Fact]
    public async Task A_late_refusal_from_the_operators_stale_second_phone_does_not_undo_a_camp_on()
    {
        await using var f = await B2buaFixture.StartAsync(B2buaFixture.BundledPolicy(), WorkingDay, "100", "2050");
        var stale = await f.PhoneAsync("100");
        await stale.Stack.DisposeAsync(); // a laptop gone to sleep: its binding stays, INVITEs to it time out (408) after 32 s
        var jens = await f.PhoneAsync("2050");
        var colleague = await f.PhoneAsync("2001");
        jens.Call("2001");
        colleague.Answer();
        var (_, op, callId) = await OperatorOnCallAsync(f);

        Assert.Equal(CallControlResult.Done, f.Pbx.Switchboard.CampOn(callId, "100", "2050", "Jens Hansen"));
        Assert.False(await f.RunAsync(TimeSpan.FromSeconds(40), () => f.EventsOf(CallEventKind.Recalled).Length > 0 || f.EventsOf(CallEventKind.Ended).Length > 0), Describe(f));
        Assert.Contains(f.Network.Sent, p => p.To.Equals(stale.Address) && p.Text.StartsWith("INVITE ", StringComparison.Ordinal)); // the stale phone was rung too

        Assert.Equal(TransferKind.CampOn, f.Pbx.Switchboard.Snapshot(callId)!.Transfer!.Kind);
        jens.HangUp();
        Assert.True(await f.RunAsync(TimeSpan.FromSeconds(3), () => jens.InviteCount == 1), Describe(f));
        Assert.True(op.ReceivedMethod(SipMethod.Bye));
    }

    [Fact]
    public async Task A_phone_answering_with_unusable_media_is_hung_up_and_the_caller_is_told_nobody_answers()
    {
        await using var f = await B2buaFixture.StartAsync();
        var caller = await f.PhoneAsync("2001");
        var callee = await f.PhoneAsync("2002");
        callee.AnswerBody = "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 9 RTP/AVP 18\r\na=rtpmap:18 G729/8000\r\n";

        caller.Call("2002");
        callee.Answer();
        Assert.True(await f.RunAsync(TimeSpan.FromSeconds(1), () => callee.ReceivedMethod(SipMethod.Bye)), Describe(f));

        Assert.True(callee.ReceivedMethod(SipMethod.Bye), "the phone is hung up");
        Assert.Equal(480, caller.Statuses.Last());
        Assert.Single(f.EventsOf(CallEventKind.Ended));
        Assert.Equal(0, f.Media.StreamCount);
    }

    [Fact]
    public async Task A_recall_and_the_queue_never_ring_the_same_operator_at_once()
    {
        await using var f = await B2buaFixture.StartAsync(B2buaFixture.BundledPolicy(), WorkingDay, "100", "2050");
        var jens = await f.PhoneAsync("2050");
        var colleague = await f.PhoneAsync("2001");
        jens.Call("2001");
        colleague.Answer();
        var (_, op, callId) = await OperatorOnCallAsync(f);
        op.Behaviour = PhoneBehaviour.RingForever;
        var waiting = await CallerInQueueAsync(f, "2003");

        // Jens is busy: the transfer fails at once and comes back while a caller waits for the operator.
        await f.Pbx.Switchboard.BlindTransferAsync(callId, "100", "2050", "Jens Hansen", announceName: false, CancellationToken.None);
        Assert.True(await f.RunAsync(TimeSpan.FromSeconds(3), () => op.InviteCount == 2 && f.EventsOf(CallEventKind.TransferFailed).Length > 0), Describe(f));

        Assert.Equal(2, op.InviteCount);
        Assert.Single(f.EventsOf(CallEventKind.TransferFailed));
        Assert.False(waiting.ReceivedMethod(SipMethod.Bye), "the waiting caller is still in the queue");
    }
}
