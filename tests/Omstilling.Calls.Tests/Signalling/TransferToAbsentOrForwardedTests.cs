using Omstilling.Calls.Control;
using Omstilling.Calls.Events;
using Omstilling.Calls.Tests.Support;
using Omstilling.Policy.Routing;
using Omstilling.Sip.Messages;
using static Omstilling.Calls.Tests.Signalling.SwitchboardQueueTests;
using static Omstilling.Calls.Tests.Support.OperatorCalls;

namespace Omstilling.Calls.Tests.Signalling;

/// <summary>
/// A caller put through to a person (the console's blind transfer, a phone's blind REFER, a
/// phone's attended REFER) meets the person's absence and forwarding exactly as a call dialled to
/// them does: the absence greeting and their no-answer rule instead of their phone, the forwarding
/// with Diversion and "(viderestillet)", and a recall only once the last phone of the chain has
/// rung out. Anne Sørensen (2010) sends unanswered calls to the switchboard; Camilla Holm (2012)
/// to her voicemail; Bo Jensen (2011) is the colleague they forward to.
/// </summary>
public sealed class TransferToAbsentOrForwardedTests
{
    private static AbsenceGreeting Meeting(string name) => new(name, null, "fravaer-moede", new DateTime(2026, 11, 30, 14, 0, 0), new DateOnly(2026, 11, 30));

    [Fact]
    public async Task A_console_transfer_to_an_absent_person_plays_her_greeting_without_ringing_and_comes_back_to_the_operator()
    {
        await using var f = await B2buaFixture.StartAsync(B2buaFixture.BundledPolicy(), WorkingDay, "100", "2010");
        var (caller, op, callId) = await OperatorOnCallAsync(f);
        var anne = await f.PhoneAsync("2010");
        f.Absence.Set("2010", Meeting("Anne Sørensen"));

        var result = await f.Pbx.Switchboard.BlindTransferAsync(callId, "100", "2010", "Anne Sørensen", announceName: false, CancellationToken.None);

        Assert.Equal(CallControlResult.Done, result);
        Assert.True(await f.RunAsync(TimeSpan.FromSeconds(3), () => f.EventsOf(CallEventKind.Diverted).Length > 0), Describe(f));
        var diverted = Assert.Single(f.EventsOf(CallEventKind.Diverted));
        Assert.Equal(("2010", RingOutcome.Absent), (diverted.Party, diverted.Outcome));
        Assert.False(await f.RunAsync(TimeSpan.FromSeconds(3), () => op.InviteCount == 2), "the greeting is heard before the call comes back");
        Assert.True(await f.RunAsync(TimeSpan.FromSeconds(30), () => op.InviteCount == 2), "her rule (the switchboard) is the recall\n" + Describe(f));
        Assert.Equal(0, anne.InviteCount);
        var recalled = Assert.Single(f.EventsOf(CallEventKind.Recalled));
        Assert.Equal(("2010", "100", RingOutcome.Absent), (recalled.Party, recalled.Operator, recalled.Outcome));
        var view = f.Pbx.Switchboard.Snapshot(callId)!;
        Assert.Equal(new RecallView("2010", "Anne Sørensen", RingOutcome.Absent, "100", recalled.At), view.Recall);
        Assert.Null(view.Diversion); // the banner says it once: "Tilbage: Anne Sørensen er fraværende"
        Assert.False(caller.ReceivedMethod(SipMethod.Bye));
    }

    [Fact]
    public async Task A_console_transfer_to_an_absent_person_whose_rule_is_voicemail_takes_a_message_in_her_box()
    {
        await using var f = await B2buaFixture.StartAsync(B2buaFixture.BundledPolicy(), WorkingDay, "100", "2012");
        var (_, op, callId) = await OperatorOnCallAsync(f);
        var camilla = await f.PhoneAsync("2012");
        f.Absence.Set("2012", Meeting("Camilla Holm"));

        await f.Pbx.Switchboard.BlindTransferAsync(callId, "100", "2012", "Camilla Holm", announceName: false, CancellationToken.None);

        Assert.True(await f.RunAsync(TimeSpan.FromSeconds(30), () => f.EventsOf(CallEventKind.Voicemail).Length > 0), Describe(f));
        Assert.Equal(0, camilla.InviteCount);
        Assert.Contains(f.EventsOf(CallEventKind.Routed), e => e.Decision == DecisionKind.Voicemail && e.Target == "2012");
        Assert.Contains(f.EventsOf(CallEventKind.TransferFailed), e => (e.Party, e.Outcome) == ("2012", RingOutcome.Absent));
        Assert.Empty(f.EventsOf(CallEventKind.Recalled));
        Assert.Equal(1, op.InviteCount);
        Assert.Null(f.Pbx.Switchboard.Snapshot(callId)!.Transfer);
    }

    [Fact]
    public async Task A_console_transfer_to_a_person_who_forwards_every_call_rings_the_colleague_who_is_told_whose_call_it_is()
    {
        await using var f = await B2buaFixture.StartAsync(B2buaFixture.BundledPolicy(), WorkingDay, "100", "2010", "2011");
        var (_, _, callId) = await OperatorOnCallAsync(f);
        var anne = await f.PhoneAsync("2010");
        var bo = await f.PhoneAsync("2011");
        f.Forwarding.Set("2010", ForwardCondition.Always, "Anne Sørensen", "2011");

        await f.Pbx.Switchboard.BlindTransferAsync(callId, "100", "2010", "Anne Sørensen", announceName: false, CancellationToken.None);

        Assert.True(await f.RunAsync(TimeSpan.FromSeconds(2), () => bo.InviteCount == 1), Describe(f));
        var invite = Assert.Single(bo.Received, r => r.Method == SipMethod.Invite);
        Assert.Matches("^\"Anne Sørensen\" <sip:2010@[^>]+>;reason=unconditional;counter=1$", invite.Headers.GetFirstValue(HeaderName.Diversion));
        Assert.Equal("Anne Sørensen (viderestillet)", invite.From.DisplayName);
        Assert.Equal(0, anne.InviteCount);
        bo.Answer();
        Assert.True(await f.RunAsync(TimeSpan.FromSeconds(1), () => f.Pbx.Switchboard.Snapshot(callId)?.AnsweredBy == "2011"), Describe(f));
        Assert.Contains(f.EventsOf(CallEventKind.TransferCompleted), e => e.Party == "2010" && e.Operator == "100");
    }

    [Fact]
    public async Task A_console_transfer_to_a_person_who_forwards_on_no_answer_rings_her_then_the_colleague_then_comes_back()
    {
        await using var f = await B2buaFixture.StartAsync(B2buaFixture.BundledPolicy(), WorkingDay, "100", "2010", "2011");
        var (_, op, callId) = await OperatorOnCallAsync(f);
        var anne = await f.PhoneAsync("2010");
        var bo = await f.PhoneAsync("2011");
        anne.Behaviour = bo.Behaviour = PhoneBehaviour.RingForever;
        f.Forwarding.Set("2010", ForwardCondition.NoAnswer, "Anne Sørensen", "2011");

        await f.Pbx.Switchboard.BlindTransferAsync(callId, "100", "2010", "Anne Sørensen", announceName: false, CancellationToken.None);

        Assert.True(await f.RunAsync(TimeSpan.FromSeconds(2), () => anne.InviteCount == 1), Describe(f));
        Assert.False(await f.RunAsync(TimeSpan.FromSeconds(17), () => bo.InviteCount == 1), "Bo rings once Anne's four rings are over");
        Assert.True(await f.RunAsync(TimeSpan.FromSeconds(4), () => bo.InviteCount == 1), Describe(f));
        Assert.True(anne.ReceivedMethod(SipMethod.Cancel));
        Assert.EndsWith(";reason=no-answer;counter=1", bo.Received.Single(r => r.Method == SipMethod.Invite).Headers.GetFirstValue(HeaderName.Diversion), StringComparison.Ordinal);

        // The recall waits for the last phone of the chain: Bo's four rings.
        Assert.Empty(f.EventsOf(CallEventKind.Recalled));
        Assert.False(await f.RunAsync(TimeSpan.FromSeconds(17), () => op.InviteCount == 2), "recalled before Bo rang out");
        Assert.True(await f.RunAsync(TimeSpan.FromSeconds(5), () => op.InviteCount == 2), Describe(f));
        var recalled = Assert.Single(f.EventsOf(CallEventKind.Recalled));
        Assert.Equal(("2010", "100", RingOutcome.NoAnswer), (recalled.Party, recalled.Operator, recalled.Outcome));
    }

    [Fact]
    public async Task A_console_transfer_to_a_person_without_a_phone_who_forwards_every_call_is_accepted()
    {
        await using var f = await B2buaFixture.StartAsync(B2buaFixture.BundledPolicy(), WorkingDay, "100", "2010", "2011");
        var (_, _, callId) = await OperatorOnCallAsync(f);
        var bo = await f.PhoneAsync("2011");
        f.Forwarding.Set("2010", ForwardCondition.Always, "Anne Sørensen", "2011");

        var result = await f.Pbx.Switchboard.BlindTransferAsync(callId, "100", "2010", "Anne Sørensen", announceName: false, CancellationToken.None);

        Assert.Equal(CallControlResult.Done, result);
        Assert.True(await f.RunAsync(TimeSpan.FromSeconds(2), () => bo.InviteCount == 1), Describe(f));
    }

    [Fact]
    public async Task A_console_transfer_to_a_person_who_forwards_to_the_switchboard_comes_straight_back()
    {
        await using var f = await B2buaFixture.StartAsync(B2buaFixture.BundledPolicy(), WorkingDay, "100", "2010");
        var (_, op, callId) = await OperatorOnCallAsync(f);
        var anne = await f.PhoneAsync("2010");
        f.Forwarding.Set("2010", ForwardCondition.Always, "Anne Sørensen", "54731000");

        await f.Pbx.Switchboard.BlindTransferAsync(callId, "100", "2010", "Anne Sørensen", announceName: false, CancellationToken.None);

        Assert.True(await f.RunAsync(TimeSpan.FromSeconds(2), () => op.InviteCount == 2), Describe(f));
        Assert.Equal(0, anne.InviteCount);
        var recalled = Assert.Single(f.EventsOf(CallEventKind.Recalled));
        Assert.Equal(("2010", RingOutcome.Forwarded), (recalled.Party, recalled.Outcome));
    }

    [Fact]
    public async Task A_console_transfer_to_a_person_in_a_call_comes_back_as_busy_and_one_who_forwards_on_busy_rings_the_colleague()
    {
        await using var f = await B2buaFixture.StartAsync(B2buaFixture.BundledPolicy(), WorkingDay, "100", "2010", "2011", "2003");
        var (_, op, callId) = await OperatorOnCallAsync(f);
        var anne = await f.PhoneAsync("2010");
        var bo = await f.PhoneAsync("2011");
        var henrik = await f.PhoneAsync("2003");
        anne.Call("2003"); // Anne is in a call
        henrik.Answer();
        Assert.True(await f.RunAsync(TimeSpan.FromSeconds(1), () => f.Pbx.Calls.Activity.IsBusy("2010")), Describe(f));

        await f.Pbx.Switchboard.BlindTransferAsync(callId, "100", "2010", "Anne Sørensen", announceName: false, CancellationToken.None);
        Assert.True(await f.RunAsync(TimeSpan.FromSeconds(2), () => op.InviteCount == 2), Describe(f));
        Assert.Equal(RingOutcome.Busy, Assert.Single(f.EventsOf(CallEventKind.Recalled)).Outcome);
        op.Answer();
        Assert.True(await f.RunAsync(TimeSpan.FromSeconds(1), () => f.Pbx.Switchboard.Snapshot(callId)?.AnsweredBy == "100"), Describe(f));

        f.Forwarding.Set("2010", ForwardCondition.Busy, "Anne Sørensen", "2011");
        await f.Pbx.Switchboard.BlindTransferAsync(callId, "100", "2010", "Anne Sørensen", announceName: false, CancellationToken.None);

        Assert.True(await f.RunAsync(TimeSpan.FromSeconds(2), () => bo.InviteCount == 1), Describe(f));
        Assert.EndsWith(";reason=user-busy;counter=1", bo.Received.Single(r => r.Method == SipMethod.Invite).Headers.GetFirstValue(HeaderName.Diversion), StringComparison.Ordinal);
        Assert.Equal(0, anne.InviteCount); // never rung for the caller
    }

    [Fact]
    public async Task An_announced_transfer_to_an_absent_person_rings_nobody_and_offers_the_operator_the_choices()
    {
        await using var f = await B2buaFixture.StartAsync(B2buaFixture.BundledPolicy(), WorkingDay, "100", "2012");
        var (caller, op, callId) = await OperatorOnCallAsync(f);
        var camilla = await f.PhoneAsync("2012");
        f.Absence.Set("2012", Meeting("Camilla Holm"));

        var result = f.Pbx.Switchboard.StartConsultation(callId, "100", "2012", "Camilla Holm");

        Assert.Equal(CallControlResult.Done, result);
        var failed = Assert.Single(f.EventsOf(CallEventKind.TransferFailed));
        Assert.Equal(("2012", RingOutcome.Absent), (failed.Party, failed.Outcome));
        Assert.Equal(RingOutcome.Absent, f.Pbx.Switchboard.Snapshot(callId)!.Transfer!.Failed);
        Assert.Equal(CallControlResult.Done, f.Pbx.Switchboard.TransferToVoicemail(callId, "100", "2012"));
        Assert.True(await f.RunAsync(TimeSpan.FromSeconds(30), () => f.EventsOf(CallEventKind.Voicemail).Length > 0), Describe(f));
        Assert.Equal(0, camilla.InviteCount);
        Assert.False(caller.ReceivedMethod(SipMethod.Bye));
        Assert.True(op.ReceivedMethod(SipMethod.Bye));
    }

    [Fact]
    public async Task An_announced_transfer_to_a_person_who_forwards_every_call_consults_the_colleague_and_completes_to_him()
    {
        await using var f = await B2buaFixture.StartAsync(B2buaFixture.BundledPolicy(), WorkingDay, "100", "2010", "2011");
        var (_, _, callId) = await OperatorOnCallAsync(f);
        var anne = await f.PhoneAsync("2010");
        var bo = await f.PhoneAsync("2011");
        f.Forwarding.Set("2010", ForwardCondition.Always, "Anne Sørensen", "2011");

        Assert.Equal(CallControlResult.Done, f.Pbx.Switchboard.StartConsultation(callId, "100", "2010", "Anne Sørensen"));

        Assert.True(await f.RunAsync(TimeSpan.FromSeconds(2), () => bo.InviteCount == 1), Describe(f));
        Assert.Matches("^\"Anne Sørensen\" <sip:2010@[^>]+>;reason=unconditional;counter=1$", bo.Received.Single(r => r.Method == SipMethod.Invite).Headers.GetFirstValue(HeaderName.Diversion));
        bo.Answer();
        Assert.True(await f.RunAsync(TimeSpan.FromSeconds(1), () => f.EventsOf(CallEventKind.ConsultAnswered).Length > 0), Describe(f));
        Assert.Equal(CallControlResult.Done, f.Pbx.Switchboard.CompleteTransfer(callId, "100"));
        Assert.True(await f.RunAsync(TimeSpan.FromSeconds(1), () => f.Pbx.Switchboard.Snapshot(callId)?.AnsweredBy == "2011"), Describe(f));
        Assert.Equal(0, anne.InviteCount);
    }

    [Fact]
    public async Task A_phones_blind_refer_to_an_absent_person_plays_her_greeting_and_takes_a_message_without_ringing_her()
    {
        await using var f = await B2buaFixture.StartAsync(B2buaFixture.BundledPolicy(), WorkingDay, "100", "2012");
        var (_, op, _) = await OperatorOnCallAsync(f);
        var camilla = await f.PhoneAsync("2012", register: false);
        f.Absence.Set("2012", Meeting("Camilla Holm"));

        op.Refer(op.Dialog!, "<sip:2012@192.0.2.2>");

        Assert.Equal(SipStatus.Accepted, op.LastReferStatus); // accepted though no phone of hers is registered: her absence takes the call
        Assert.True(await f.RunAsync(TimeSpan.FromSeconds(30), () => f.EventsOf(CallEventKind.Voicemail).Length > 0), Describe(f));
        Assert.Equal(0, camilla.InviteCount);
        Assert.Contains(f.EventsOf(CallEventKind.Diverted), e => (e.Party, e.Outcome) == ("2012", RingOutcome.Absent));
    }

    [Fact]
    public async Task A_phones_blind_refer_to_a_person_who_forwards_every_call_rings_the_colleague_with_diversion()
    {
        await using var f = await B2buaFixture.StartAsync(B2buaFixture.BundledPolicy(), WorkingDay, "100", "2010", "2011");
        var (_, op, _) = await OperatorOnCallAsync(f);
        var anne = await f.PhoneAsync("2010");
        var bo = await f.PhoneAsync("2011");
        f.Forwarding.Set("2010", ForwardCondition.Always, "Anne Sørensen", "2011");

        op.Refer(op.Dialog!, "<sip:2010@192.0.2.2>");

        Assert.Equal(SipStatus.Accepted, op.LastReferStatus);
        Assert.True(await f.RunAsync(TimeSpan.FromSeconds(2), () => bo.InviteCount == 1), Describe(f));
        Assert.Equal("Anne Sørensen (viderestillet)", bo.Received.Single(r => r.Method == SipMethod.Invite).From.DisplayName);
        Assert.Equal(0, anne.InviteCount);
    }

    [Fact]
    public async Task A_phones_blind_refer_to_a_person_who_forwards_on_no_answer_rings_the_colleague_after_her_four_rings()
    {
        await using var f = await B2buaFixture.StartAsync(B2buaFixture.BundledPolicy(), WorkingDay, "100", "2010", "2011");
        var (_, op, _) = await OperatorOnCallAsync(f);
        var anne = await f.PhoneAsync("2010");
        var bo = await f.PhoneAsync("2011");
        anne.Behaviour = bo.Behaviour = PhoneBehaviour.RingForever;
        f.Forwarding.Set("2010", ForwardCondition.NoAnswer, "Anne Sørensen", "2011");

        op.Refer(op.Dialog!, "<sip:2010@192.0.2.2>");

        Assert.True(await f.RunAsync(TimeSpan.FromSeconds(2), () => anne.InviteCount == 1), Describe(f));
        Assert.True(await f.RunAsync(TimeSpan.FromSeconds(22), () => bo.InviteCount == 1), Describe(f));
        Assert.EndsWith(";reason=no-answer;counter=1", bo.Received.Single(r => r.Method == SipMethod.Invite).Headers.GetFirstValue(HeaderName.Diversion), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_phones_attended_refer_while_the_absent_persons_greeting_plays_puts_the_caller_through_to_her_greeting_and_voicemail()
    {
        await using var f = await B2buaFixture.StartAsync(B2buaFixture.BundledPolicy(), WorkingDay, "100", "2012");
        var (caller, op, callId) = await OperatorOnCallAsync(f);
        var camilla = await f.PhoneAsync("2012");
        f.Absence.Set("2012", Meeting("Camilla Holm"));
        var withCaller = op.Dialog!;
        op.SendInDialog(SipMethod.Invite, TestPhone.Sdp("hold", "sendonly"));
        op.Call("2012");
        Assert.True(await f.RunAsync(TimeSpan.FromSeconds(2), () => op.Dialog != withCaller), "the platform answers for Camilla\n" + Describe(f));
        var consultation = op.Dialog!;

        op.Refer(withCaller, $"<sip:2012@192.0.2.2?Replaces={Uri.EscapeDataString($"{consultation.Id.CallId};to-tag={consultation.Id.RemoteTag};from-tag={consultation.Id.LocalTag}")}>");

        Assert.True(await f.RunAsync(TimeSpan.FromSeconds(2), () => op.LastReferStatus == SipStatus.Accepted), Describe(f));
        Assert.True(await f.RunAsync(TimeSpan.FromSeconds(30), () => f.EventsOf(CallEventKind.Voicemail).Any(e => e.CallId == callId)), Describe(f));
        Assert.Equal(0, camilla.InviteCount);
        Assert.Contains(f.EventsOf(CallEventKind.Ended), e => e.CallId != callId && e.EndReason == CallEndReason.Transferred);
        Assert.False(caller.ReceivedMethod(SipMethod.Bye));
    }

    [Fact]
    public async Task A_phones_attended_refer_before_the_forwarded_colleague_answers_rings_the_colleague_for_the_caller_with_diversion()
    {
        await using var f = await B2buaFixture.StartAsync(B2buaFixture.BundledPolicy(), WorkingDay, "100", "2010", "2011");
        var (_, op, callId) = await OperatorOnCallAsync(f);
        var anne = await f.PhoneAsync("2010");
        var bo = await f.PhoneAsync("2011");
        bo.Behaviour = PhoneBehaviour.RingForever;
        f.Forwarding.Set("2010", ForwardCondition.Always, "Anne Sørensen", "2011");
        var withCaller = op.Dialog!;
        op.Call("2010");
        Assert.True(await f.RunAsync(TimeSpan.FromSeconds(2), () => bo.InviteCount == 1), "the consultation follows Anne's forwarding\n" + Describe(f));
        var ringing = op.Responses.Last(r => r.StatusCode == SipStatus.Ringing);

        op.Refer(withCaller, $"<sip:2010@192.0.2.2?Replaces={Uri.EscapeDataString($"{ringing.CallId};to-tag={ringing.To.Tag};from-tag={ringing.From.Tag}")}>");

        Assert.True(await f.RunAsync(TimeSpan.FromSeconds(2), () => op.LastReferStatus == SipStatus.Accepted), Describe(f));
        Assert.True(await f.RunAsync(TimeSpan.FromSeconds(2), () => bo.InviteCount == 2), "Bo is rung for the caller now\n" + Describe(f));
        Assert.Equal("Anne Sørensen (viderestillet)", bo.Received.Last(r => r.Method == SipMethod.Invite).From.DisplayName);
        Assert.Equal(0, anne.InviteCount);
        bo.Answer();
        Assert.True(await f.RunAsync(TimeSpan.FromSeconds(1), () => f.Pbx.Switchboard.Snapshot(callId)?.AnsweredBy == "2011"), Describe(f));
    }
}
