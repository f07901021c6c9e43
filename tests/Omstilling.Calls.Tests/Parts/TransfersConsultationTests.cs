using Omstilling.Calls.Control;
using Omstilling.Calls.Events;
using Omstilling.Calls.Signalling;
using Omstilling.Calls.Tests.Parts.Support;
using Omstilling.Sip.Messages;

namespace Omstilling.Calls.Tests.Parts;

/// <summary>
/// <see cref="Transfers"/>' announced transfer, through its <see cref="TransferSession"/>:
/// Consulting (the target's phone rings for the operator, the caller hears music) → Talking (the
/// target answered) → completed or returned; → ConsultFailed (refused or rang out) → the
/// operator's choice; the operator hanging up while it rings (ContinueBlind), while talking
/// (completed), or after it failed (the head of the queue); the target hanging up on the operator.
/// </summary>
public sealed class TransfersConsultationTests
{
    [Fact]
    public async Task A_consultation_rings_the_target_for_the_operator_while_the_caller_hears_music()
    {
        await using var b = new TransfersBench();

        b.Consulting();

        Assert.Equal((TransferKind.Announced, TransferState.Consulting), (b.Session.Kind, b.Session.State));
        Assert.Equal([CallEventKind.TransferStarted, CallEventKind.Held, CallEventKind.Ringing], b.Host.Kinds);
        Assert.Equal((ConnectionState.Consulting, b.Operator), (b.Connection.State, b.Connection.Party));
        Assert.Same(b.Rig.Music, b.Host.Playing);
        Assert.NotNull(b.Session.OperatorPlayer); // the ringing tone
        Assert.False(b.Rig.Queues.TryReserve(b.Rig.EndedCall("2009", "54731000"), "2002")); // the queue keeps off the target
        Assert.False(b.Transfers.IsConsulting); // keys still pass: nobody talks to the operator yet
    }

    [Theory]
    [InlineData("Blind", "NotNow")]
    [InlineData("Consult", "NotNow")]
    [InlineData("CampOn", "NotNow")]
    [InlineData("ToVoicemail", "NotNow")]
    [InlineData("Hold", "NotNow")]
    [InlineData("Complete", "NotNow")]
    [InlineData("Return", "Done")]
    public async Task While_the_target_rings_only_returning_to_the_caller_is_allowed(string command, string result)
    {
        await using var b = new TransfersBench();
        b.Consulting();

        Assert.Equal(Enum.Parse<CallControlResult>(result), Run(b, command));
        Assert.Equal(command == "Return" ? null : TransferState.Consulting, b.Transfers.Session?.State);
    }

    [Fact]
    public async Task Consulting_then_talking_then_completed_puts_the_caller_through_and_frees_the_operator()
    {
        await using var b = new TransfersBench();
        var target = b.TargetAnswers(b.Consulting());
        Assert.Equal(TransferState.Talking, b.Session.State);
        Assert.True(b.Transfers.IsConsulting);
        Assert.Null(b.Session.OperatorPlayer);
        Assert.Equal("2002", b.Host.Single(CallEventKind.ConsultAnswered).Party);

        Assert.Equal(CallControlResult.Done, b.Transfers.Complete("100"));
        b.Rig.Deliver();

        Assert.Null(b.Transfers.Session);
        Assert.Equal((ConnectionState.Talking, target), (b.Connection.State, b.Connection.Party));
        Assert.Equal(BranchState.Released, b.Operator.State);
        Assert.Equal("100", b.Host.Events.Single(e => e.Kind == CallEventKind.PartyLeft).Party);
        Assert.Equal("2002", b.Host.Single(CallEventKind.TransferCompleted).Party);
        Assert.Equal(1, b.Rig.PhoneCore.Count(SipMethod.Bye));
    }

    [Fact]
    public async Task Consulting_then_talking_then_returned_hangs_up_the_target_and_the_operator_has_the_caller_again()
    {
        await using var b = new TransfersBench();
        var target = b.TargetAnswers(b.Consulting());

        Assert.Equal(CallControlResult.Done, b.Transfers.Return("100"));

        Assert.Null(b.Transfers.Session);
        Assert.Equal(BranchState.Released, target.State);
        Assert.Equal((ConnectionState.Talking, b.Operator), (b.Connection.State, b.Connection.Party));
        Assert.Equal(RingOutcome.Returned, b.Host.Single(CallEventKind.TransferFailed).Outcome);
        Assert.Equal([CallEventKind.TransferFailed, CallEventKind.PartyLeft, CallEventKind.Resumed], b.Host.Kinds.SkipWhile(k => k != CallEventKind.TransferFailed));
    }

    [Fact]
    public async Task A_refused_consultation_fails_as_busy_and_leaves_the_choices_to_the_operator()
    {
        await using var b = new TransfersBench();
        SipMessages.Respond(b.Rig, b.Consulting(), SipStatus.BusyHere);
        var ringing = b.Session.Consultation!;
        Assert.Equal(RingGroupState.Failed, ringing.State);

        b.Transfers.ConsultRefused(ringing); // as the call does when the ringing fails

        Assert.Equal((TransferState.ConsultFailed, (RingOutcome?)RingOutcome.Busy), (b.Session.State, b.Session.Failed));
        Assert.Equal(RingOutcome.Busy, b.Host.Single(CallEventKind.TransferFailed).Outcome);
        Assert.NotNull(b.Session.OperatorPlayer); // "optaget"
        Assert.Equal(CallControlResult.NotNow, b.Transfers.Hold("100"));
        Assert.Equal(CallControlResult.Done, b.Transfers.Return("100"));
        Assert.Single(b.Host.Events, e => e.Kind == CallEventKind.TransferFailed); // not said twice
        Assert.Equal(ConnectionState.Talking, b.Connection.State);
    }

    [Fact]
    public async Task A_failed_consultation_lets_the_operator_send_the_caller_on_blind()
    {
        await using var b = new TransfersBench();
        b.Consulting();
        b.Transfers.ConsultTimedOut(b.Session.Consultation!);

        Assert.Equal(CallControlResult.Done, b.Transfers.Blind("100", "2003", null, null));

        Assert.Equal((TransferKind.Blind, "2003", TransferState.RingingTarget), (b.Session.Kind, b.Session.Target, b.Session.State));
    }

    [Fact]
    public async Task A_consultation_that_rings_out_is_cancelled_and_fails_as_no_answer()
    {
        await using var b = new TransfersBench();
        var invite = b.Consulting();
        var ringing = b.Session.Consultation!;

        b.Transfers.ConsultTimedOut(ringing);
        b.Rig.Deliver();

        Assert.Equal((TransferState.ConsultFailed, (RingOutcome?)RingOutcome.NoAnswer), (b.Session.State, b.Session.Failed));
        Assert.Equal(RingGroupState.Abandoned, ringing.State);
        Assert.Equal(SipStatus.RequestTerminated, invite.LastResponse!.StatusCode);
        Assert.False(b.Transfers.TakesConsultAnswer(ringing));
    }

    [Fact]
    public async Task An_operator_hanging_up_while_the_target_rings_continues_blind_on_the_same_ringing()
    {
        await using var b = new TransfersBench();
        var invite = b.Consulting();
        var ringing = b.Session.Consultation!;
        b.Rig.Advance(TimeSpan.FromSeconds(5));

        Assert.True(b.HangsUp(b.Operator));

        Assert.Equal((TransferKind.Blind, TransferState.RingingTarget), (b.Session.Kind, b.Session.State));
        Assert.Equal((RingPurpose.Transfer, RingGroupState.Ringing), (ringing.Purpose, ringing.State));
        Assert.Equal("RingOn Transfer 15s", b.Host.Steps[^1]); // what is left of the target's ring limit
        Assert.Equal((ConnectionState.Alone, (Branch?)null), (b.Connection.State, b.Connection.Party));
        Assert.Equal("100", b.Host.Single(CallEventKind.PartyLeft).Party);
        Assert.Equal(SipStatus.Ringing, invite.LastResponse!.StatusCode); // the target's phone rings on
    }

    [Fact]
    public async Task An_operator_hanging_up_while_talking_to_the_target_completes_the_transfer()
    {
        await using var b = new TransfersBench();
        var target = b.TargetAnswers(b.Consulting());

        Assert.True(b.HangsUp(b.Operator));

        Assert.Null(b.Transfers.Session);
        Assert.Same(target, b.Connection.Party);
        Assert.Equal(ConnectionState.Talking, b.Connection.State);
        Assert.Equal("2002", b.Host.Single(CallEventKind.TransferCompleted).Party);
    }

    [Fact]
    public async Task An_operator_hanging_up_after_the_consultation_failed_leaves_the_caller_at_the_head_of_the_queue()
    {
        await using var b = new TransfersBench();
        b.Consulting();
        b.Transfers.ConsultTimedOut(b.Session.Consultation!);

        Assert.True(b.HangsUp(b.Operator));

        Assert.Null(b.Transfers.Session);
        Assert.Equal("RequeueAtHead", b.Host.Steps[^1]);
        var recalled = b.Host.Single(CallEventKind.Recalled);
        Assert.Equal(("2002", (string?)null, (RingOutcome?)RingOutcome.NoAnswer), (recalled.Party, recalled.Operator, recalled.Outcome));
        Assert.Equal(RecallState.Queued, b.Recalls.Current!.State);
    }

    [Fact]
    public async Task A_target_hanging_up_on_the_operator_gives_the_operator_the_caller_again()
    {
        await using var b = new TransfersBench();
        var target = b.TargetAnswers(b.Consulting());

        Assert.True(b.HangsUp(target));

        Assert.Null(b.Transfers.Session);
        Assert.Equal(RingOutcome.HungUp, b.Host.Single(CallEventKind.TransferFailed).Outcome);
        Assert.Equal((ConnectionState.Talking, b.Operator), (b.Connection.State, b.Connection.Party));
        Assert.Equal(CallEventKind.Resumed, b.Host.Kinds.Last());
    }

    [Fact]
    public async Task A_late_answer_to_a_consultation_the_operator_returned_from_is_hung_up()
    {
        await using var b = new TransfersBench();
        var invite = b.Consulting();
        var ringing = b.Session.Consultation!;
        b.Rig.Network.Drop = p => p.Text.StartsWith("CANCEL", StringComparison.Ordinal);
        b.Transfers.Return("100");

        SipMessages.Respond(b.Rig, invite, SipStatus.Ok);

        Assert.Equal(RingGroupState.Abandoned, ringing.State);
        Assert.False(b.Transfers.TakesConsultAnswer(ringing));
        Assert.Equal(BranchState.Released, ringing.Branches[0].State);
        Assert.Equal(1, b.Rig.PhoneCore.Count(SipMethod.Bye));
        Assert.DoesNotContain(b.Host.Steps, s => s.StartsWith("OnAnswered", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_hang_up_that_is_no_consultations_is_left_to_the_call()
    {
        await using var b = new TransfersBench();

        Assert.False(b.HangsUp(b.Operator));
        Assert.Null(b.Transfers.Session);
    }

    private static CallControlResult Run(TransfersBench b, string command) => command switch
    {
        "Blind" => b.Transfers.Blind("100", "2003", null, null),
        "Consult" => b.Transfers.Consult("100", "2003", null),
        "CampOn" => b.Transfers.CampOn("100", "2003", null),
        "ToVoicemail" => b.Transfers.ToVoicemail("100", "2012"),
        "Hold" => b.Transfers.Hold("100"),
        "Complete" => b.Transfers.Complete("100"),
        "Return" => b.Transfers.Return("100"),
        _ => throw new ArgumentOutOfRangeException(nameof(command)),
    };
}
