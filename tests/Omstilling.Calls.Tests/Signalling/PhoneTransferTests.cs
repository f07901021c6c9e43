using Omstilling.Calls.Control;
using Omstilling.Calls.Events;
using Omstilling.Calls.Signalling.Referral;
using Omstilling.Calls.Tests.Support;
using Omstilling.Sip.Dialogs;
using Omstilling.Sip.Messages;
using static Omstilling.Calls.Tests.Signalling.SwitchboardQueueTests;
using static Omstilling.Calls.Tests.Support.OperatorCalls;

namespace Omstilling.Calls.Tests.Signalling;

/// <summary>
/// Transfers made from the phones with REFER (RFC 3515, docs/transfers.md): blind to a person,
/// the NOTIFYs, an unanswered transfer coming back to the person who made it with a distinct ring,
/// "fejlopkald" to the switchboard, attended with Replaces (RFC 3891) before and after the
/// colleague answered, and the REFERs that are refused.
/// </summary>
public sealed class PhoneTransferTests
{
    [Fact]
    public async Task A_blind_refer_is_accepted_reported_and_puts_the_caller_through()
    {
        await using var f = await B2buaFixture.StartAsync(B2buaFixture.BundledPolicy(), WorkingDay, "100", "2010");
        var (caller, op, callId) = await OperatorOnCallAsync(f);
        var anne = await f.PhoneAsync("2010");

        op.Refer(op.Dialog!, "<sip:2010@192.0.2.2>");

        Assert.Equal(SipStatus.Accepted, op.LastReferStatus);
        Assert.Equal([("SIP/2.0 100 Trying", "active;expires=60"), ("SIP/2.0 200 OK", "terminated;reason=noresource")], op.Notifies);
        Assert.True(op.ReceivedMethod(SipMethod.Bye), "the transferring phone is released");
        Assert.True(await f.RunAsync(TimeSpan.FromSeconds(2), () => anne.InviteCount == 1), Describe(f));
        anne.Answer();
        Assert.True(await f.RunAsync(TimeSpan.FromSeconds(1), () => f.Pbx.Switchboard.Snapshot(callId)?.AnsweredBy == "2010"), Describe(f));
        var started = Assert.Single(f.EventsOf(CallEventKind.TransferStarted));
        Assert.Equal(("2010", "100", TransferKind.Blind), (started.Party, started.Operator, started.Transfer));
        Assert.Contains(f.EventsOf(CallEventKind.TransferCompleted), e => e.Party == "2010" && e.Operator == "100");
        Assert.False(caller.ReceivedMethod(SipMethod.Bye));
    }

    [Fact]
    public async Task A_person_who_got_the_wrong_call_passes_it_on_and_it_comes_back_to_them_with_a_distinct_ring()
    {
        await using var f = await B2buaFixture.StartAsync(B2buaFixture.BundledPolicy(), WorkingDay, "100", "2010", "2011");
        var (_, op, callId) = await OperatorOnCallAsync(f);
        var anne = await f.PhoneAsync("2010");
        var bo = await f.PhoneAsync("2011");
        bo.Behaviour = PhoneBehaviour.RingForever;
        op.Refer(op.Dialog!, "<sip:2010@192.0.2.2>");
        Assert.True(await f.RunAsync(TimeSpan.FromSeconds(2), () => anne.InviteCount == 1), Describe(f));
        anne.Answer();
        Assert.True(await f.RunAsync(TimeSpan.FromSeconds(1), () => f.Pbx.Switchboard.Snapshot(callId)?.AnsweredBy == "2010"), Describe(f));

        anne.Refer(anne.Dialog!, "<sip:2011@192.0.2.2;user=phone>");

        Assert.Equal(SipStatus.Accepted, anne.LastReferStatus);
        Assert.True(await f.RunAsync(TimeSpan.FromSeconds(2), () => bo.InviteCount == 1), Describe(f));
        Assert.True(await f.RunAsync(TimeSpan.FromSeconds(25), () => anne.InviteCount == 2), "the transfer comes back to Anne\n" + Describe(f));
        var back = anne.Received.Last(r => r.Method == SipMethod.Invite);
        Assert.Equal("Tilbage: 2002", back.From.DisplayName);
        Assert.Equal("<urn:alert:service:recall:transfer>", back.Header(HeaderName.AlertInfo));
        var recalled = Assert.Single(f.EventsOf(CallEventKind.Recalled));
        Assert.Equal(("2011", "2010", RingOutcome.NoAnswer), (recalled.Party, recalled.Operator, recalled.Outcome));
        Assert.Contains(f.EventsOf(CallEventKind.TransferStarted), e => e.Party == "2011" && e.Operator == "2010");
    }

    [Theory]
    [InlineData("9")]
    [InlineData("54731000")]
    public async Task Fejlopkald_to_the_main_number_or_the_pass_back_code_puts_the_caller_at_the_head_of_the_switchboards_queue(string number)
    {
        await using var f = await B2buaFixture.StartAsync(B2buaFixture.BundledPolicy(), WorkingDay, "100", "2010", "2001");
        var (caller, op, callId) = await OperatorOnCallAsync(f);
        var anne = await f.PhoneAsync("2010");
        var colleague = await f.PhoneAsync("2001");
        op.Refer(op.Dialog!, "<sip:2010@192.0.2.2>");
        Assert.True(await f.RunAsync(TimeSpan.FromSeconds(2), () => anne.InviteCount == 1), Describe(f));
        anne.Answer();
        Assert.True(await f.RunAsync(TimeSpan.FromSeconds(1), () => f.Pbx.Switchboard.Snapshot(callId)?.AnsweredBy == "2010"), Describe(f));

        // The operator is busy with a colleague, so the caller passed back waits in the queue.
        op.Call("2001");
        colleague.Answer();

        anne.Refer(anne.Dialog!, $"<sip:{number}@192.0.2.2>");

        Assert.Equal(SipStatus.Accepted, anne.LastReferStatus);
        Assert.True(anne.ReceivedMethod(SipMethod.Bye));
        Assert.True(await f.RunAsync(TimeSpan.FromSeconds(2), () => f.Pbx.Calls.Queues.Entries("hovedomstilling").Count == 1), Describe(f));
        var first = f.Pbx.Calls.Queues.Entries("hovedomstilling")[0];
        Assert.Equal((callId, true, 1), (first.CallId, first.Recalled, first.Position));
        var recalled = Assert.Single(f.EventsOf(CallEventKind.Recalled));
        Assert.Equal(("2010", RingOutcome.PassedBack), (recalled.Party, recalled.Outcome));
        Assert.Equal(new RecallView("2010", "Anne Sørensen", RingOutcome.PassedBack, null, recalled.At), f.Pbx.Switchboard.Snapshot(callId)!.Recall);
        Assert.False(caller.ReceivedMethod(SipMethod.Bye));
    }

    [Fact]
    public async Task An_attended_refer_with_replaces_joins_the_caller_and_the_colleague_and_ends_both_consultation_legs()
    {
        await using var f = await B2buaFixture.StartAsync(B2buaFixture.BundledPolicy(), WorkingDay, "100", "2011");
        var (caller, op, callId) = await OperatorOnCallAsync(f);
        var bo = await f.PhoneAsync("2011");
        var withCaller = op.Dialog!;
        op.SendInDialog(SipMethod.Invite, TestPhone.Sdp("hold", "sendonly"));
        op.Call("2011");
        Assert.True(await f.RunAsync(TimeSpan.FromSeconds(2), () => bo.InviteCount == 1), Describe(f));
        bo.Answer();
        Assert.True(await f.RunAsync(TimeSpan.FromSeconds(1), () => op.Dialog != withCaller), Describe(f));
        var consultation = op.Dialog!;

        op.Refer(withCaller, $"<sip:2011@192.0.2.2?Replaces={Escaped(consultation)}>");

        Assert.True(await f.RunAsync(TimeSpan.FromSeconds(2), () => op.LastReferStatus == SipStatus.Accepted), Describe(f));
        Assert.True(await f.RunAsync(TimeSpan.FromSeconds(2), () => f.Pbx.Switchboard.Snapshot(callId)?.AnsweredBy == "2011"), Describe(f));
        Assert.Equal(2, op.Received.Count(r => r.Method == SipMethod.Bye));
        Assert.Contains(("SIP/2.0 200 OK", "terminated;reason=noresource"), op.Notifies);
        Assert.False(bo.ReceivedMethod(SipMethod.Bye), "the colleague stays on the line");
        Assert.False(caller.ReceivedMethod(SipMethod.Bye));
        var started = Assert.Single(f.EventsOf(CallEventKind.TransferStarted));
        Assert.Equal(("2011", "100", TransferKind.Announced), (started.Party, started.Operator, started.Transfer));
        Assert.Contains(f.EventsOf(CallEventKind.TransferCompleted), e => e.CallId == callId && e.Party == "2011" && e.Operator == "100");
        Assert.Contains(f.EventsOf(CallEventKind.Ended), e => e.CallId != callId && e.EndReason == CallEndReason.Transferred);
        Assert.True(f.Pbx.Calls.Activity.IsBusy("2011"));

        bo.HangUp();
        Assert.True(await f.RunAsync(TimeSpan.FromSeconds(1), () => caller.ReceivedMethod(SipMethod.Bye)), Describe(f));
        Assert.Equal(0, f.Media.StreamCount);
    }

    [Fact]
    public async Task An_attended_refer_before_the_colleague_answers_becomes_a_blind_transfer()
    {
        await using var f = await B2buaFixture.StartAsync(B2buaFixture.BundledPolicy(), WorkingDay, "100", "2011");
        var (_, op, callId) = await OperatorOnCallAsync(f);
        var bo = await f.PhoneAsync("2011");
        bo.Behaviour = PhoneBehaviour.RingForever;
        var withCaller = op.Dialog!;
        op.Call("2011");
        Assert.True(await f.RunAsync(TimeSpan.FromSeconds(2), () => bo.InviteCount == 1), Describe(f));
        var ringing = op.Responses.Last(r => r.StatusCode == SipStatus.Ringing);
        var early = new DialogId(ringing.CallId, ringing.To.Tag!, ringing.From.Tag!);

        op.Refer(withCaller, $"<sip:2011@192.0.2.2?Replaces={Uri.EscapeDataString($"{early.CallId};to-tag={early.LocalTag};from-tag={early.RemoteTag}")}>");

        Assert.True(await f.RunAsync(TimeSpan.FromSeconds(2), () => op.LastReferStatus == SipStatus.Accepted), Describe(f));
        Assert.Contains(SipStatus.RequestTerminated, op.Statuses);
        Assert.True(await f.RunAsync(TimeSpan.FromSeconds(2), () => bo.InviteCount == 2), "Bo is rung for the caller now\n" + Describe(f));
        bo.Answer();
        Assert.True(await f.RunAsync(TimeSpan.FromSeconds(1), () => f.Pbx.Switchboard.Snapshot(callId)?.AnsweredBy == "2011"), Describe(f));
    }

    [Theory]
    [InlineData(null, null, SipStatus.BadRequest)]
    [InlineData("<sip:1234567@192.0.2.2>", null, SipStatus.NotFound)]
    [InlineData("<sip:004512345678@192.0.2.2>", null, SipStatus.Forbidden)]
    [InlineData("<sip:90123456@192.0.2.2>", null, SipStatus.Forbidden)]
    [InlineData("<sip:54732010@192.0.2.2>", null, SipStatus.Forbidden)]
    [InlineData("<sip:100@192.0.2.2>", null, SipStatus.Forbidden)]
    [InlineData("<sip:2010@192.0.2.2;method=BYE>", null, SipStatus.Forbidden)]
    [InlineData("<sip:2011@192.0.2.2>", null, SipStatus.TemporarilyUnavailable)]
    [InlineData("<tel:2010>", null, SipStatus.UnsupportedUriScheme)]
    [InlineData("<sip:20;10@192.0.2.2>", null, SipStatus.AddressIncomplete)]
    [InlineData("<sip:@192.0.2.2>", null, SipStatus.BadRequest)]
    [InlineData("<sip:2010@192.0.2.2?Replaces=nothing>", null, SipStatus.BadRequest)]
    [InlineData("<sip:2010@192.0.2.2?Replaces=x%3Bto-tag%3D1%3Bfrom-tag%3D2>", null, SipStatus.CallOrTransactionDoesNotExist)]
    public async Task A_refer_that_cannot_be_carried_out_is_refused_and_the_call_goes_on(string? referTo, string? referSub, int status)
    {
        await using var f = await B2buaFixture.StartAsync(B2buaFixture.BundledPolicy(), WorkingDay, "100", "2010");
        var (caller, op, callId) = await OperatorOnCallAsync(f);
        await f.PhoneAsync("2010");

        op.Refer(op.Dialog!, referTo, referSub);

        Assert.True(await f.RunAsync(TimeSpan.FromSeconds(2), () => op.LastReferStatus != 0), Describe(f));
        Assert.Equal(status, op.LastReferStatus);
        Assert.False(op.ReceivedMethod(SipMethod.Bye));
        Assert.False(caller.ReceivedMethod(SipMethod.Bye));
        Assert.Equal("100", f.Pbx.Switchboard.Snapshot(callId)!.AnsweredBy);
        Assert.Empty(f.EventsOf(CallEventKind.TransferStarted));
    }

    [Fact]
    public async Task Refer_sub_false_gets_the_202_without_notifies_and_the_caller_cannot_transfer_the_person()
    {
        await using var f = await B2buaFixture.StartAsync(B2buaFixture.BundledPolicy(), WorkingDay, "100", "2010");
        var (caller, op, _) = await OperatorOnCallAsync(f);
        var anne = await f.PhoneAsync("2010");

        caller.Refer(caller.Dialog!, "<sip:2010@192.0.2.2>");
        Assert.Equal(SipStatus.Forbidden, caller.LastReferStatus);

        op.Refer(op.Dialog!, "<sip:2010@192.0.2.2>", referSub: "false");
        var accepted = op.Responses.Last(r => r.CSeq.Method == SipMethod.Refer);
        Assert.Equal((SipStatus.Accepted, "false"), (accepted.StatusCode, accepted.Header(HeaderName.ReferSub)));
        Assert.Empty(op.Notifies);
        Assert.True(await f.RunAsync(TimeSpan.FromSeconds(2), () => anne.InviteCount == 1), Describe(f));
    }

    [Fact]
    public async Task A_refer_outside_a_call_belongs_to_no_dialog_and_changes_nothing()
    {
        await using var f = await B2buaFixture.StartAsync(B2buaFixture.BundledPolicy(), WorkingDay, "100", "2010");
        var (caller, op, callId) = await OperatorOnCallAsync(f);
        var stranger = await f.PhoneAsync("2003", register: false);

        stranger.ReferOutsideDialog("100", "<sip:2010@192.0.2.2>");

        Assert.Equal(SipStatus.CallOrTransactionDoesNotExist, stranger.LastReferStatus);
        Assert.Equal("100", f.Pbx.Switchboard.Snapshot(callId)!.AnsweredBy);
        Assert.False(op.ReceivedMethod(SipMethod.Bye) || caller.ReceivedMethod(SipMethod.Bye));
    }

    [Theory]
    [InlineData("abc%40host%3Bto-tag%3Dours%3Bfrom-tag%3Dtheirs", "abc@host", "ours", "theirs")]
    [InlineData("abc%3Bfrom-tag%3Dtheirs%3Bto-tag%3Dours%3Bearly-only", "abc", "ours", "theirs")]
    public void The_replaces_in_a_refer_to_names_our_dialog_with_the_phone(string escaped, string callId, string ours, string theirs)
    {
        var refer = new SipRequest(SipMethod.Refer, SipUri.Sip("100", "192.0.2.2"));
        refer.Headers.Add(HeaderName.ReferTo, $"<sip:2011@192.0.2.2?Replaces={escaped}>");

        var parsed = ReferRequest.Parse(refer);

        Assert.Equal(new DialogId(callId, ours, theirs), parsed.Request!.Replaces);
        Assert.Equal("2011", parsed.Request.Number);
        Assert.True(parsed.Request.Subscribe);
    }

    private static string Escaped(Dialog consultation) =>
        Uri.EscapeDataString($"{consultation.Id.CallId};to-tag={consultation.Id.RemoteTag};from-tag={consultation.Id.LocalTag}");
}
