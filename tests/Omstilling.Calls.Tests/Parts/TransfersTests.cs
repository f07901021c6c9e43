using Omstilling.Calls.Control;
using Omstilling.Calls.Events;
using Omstilling.Calls.Signalling;
using Omstilling.Calls.Tests.Parts.Support;
using Omstilling.Sip.Messages;

namespace Omstilling.Calls.Tests.Parts;

/// <summary>
/// <see cref="Transfers"/>: the operator's commands checked against the call as it is (only the
/// operator on the line may act, not during a consultation unless it failed), and the blind
/// transfer and camp-on driving their <see cref="TransferSession"/> (Announcing/WaitingForFree →
/// RingingTarget), with what the target does not take coming back as a recall. The announced
/// transfer is in <see cref="TransfersConsultationTests"/>.
/// </summary>
public sealed class TransfersTests
{
    public static TheoryData<string> Commands() => ["Blind", "Consult", "CampOn", "ToVoicemail", "Hold", "TakeOffHold", "Complete", "Return", "HangUp"];

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task An_operator_who_is_not_on_the_line_is_refused_and_nothing_changes(string command)
    {
        await using var b = new TransfersBench();

        var result = Run(b, command, "101");

        Assert.Equal(CallControlResult.NotYourCall, result);
        Assert.Null(b.Transfers.Session);
        Assert.Equal((ConnectionState.Talking, b.Operator), (b.Connection.State, b.Connection.Party));
        Assert.Empty(b.Host.Events);
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task A_call_that_has_ended_takes_no_command(string command)
    {
        await using var b = new TransfersBench();
        b.Host.HasEnded = true;

        Assert.Equal(CallControlResult.NoSuchCall, Run(b, command, "100"));
        Assert.Empty(b.Host.Steps);
    }

    /// <summary>Two operators acting on the same call at once get one answer each (the call's lock puts them in turn).</summary>
    [Fact]
    public async Task Two_operators_transferring_the_same_caller_get_done_and_not_your_call()
    {
        await using var b = new TransfersBench();

        var first = b.Transfers.Blind("100", "2002", null, null);
        var second = b.Transfers.Blind("101", "2003", null, null);
        var again = b.Transfers.Blind("100", "2003", null, null);

        Assert.Equal((CallControlResult.Done, CallControlResult.NotYourCall, CallControlResult.NotYourCall), (first, second, again));
        Assert.Equal("2002", b.Session.Target);
    }

    [Fact]
    public async Task A_blind_transfer_frees_the_operator_and_rings_the_target_for_the_caller_by_their_own_rules()
    {
        await using var b = new TransfersBench();

        Assert.Equal(CallControlResult.Done, b.Transfers.Blind("100", "2002", "Bo Jensen", null));

        Assert.Equal((TransferKind.Blind, TransferState.RingingTarget), (b.Session.Kind, b.Session.State));
        Assert.Equal(["RingTransferTarget 2002"], b.Host.Steps); // forwarding, absence, phones: as a call dialled to them
        Assert.Equal([CallEventKind.TransferStarted, CallEventKind.PartyLeft], b.Host.Kinds);
        Assert.Equal((ConnectionState.Alone, BranchState.Released), (b.Connection.State, b.Operator.State));
        b.Rig.Deliver();
        Assert.Equal(1, b.Rig.PhoneCore.Count(SipMethod.Bye)); // the operator's phone is hung up
    }

    [Fact]
    public async Task A_blind_transfer_with_the_name_announces_it_before_the_target_rings()
    {
        await using var b = new TransfersBench();

        b.Transfers.Blind("100", "2002", "Bo Jensen", ["stilles-om-til", "goddag"]);
        Assert.Equal(TransferState.Announcing, b.Session.State);
        Assert.DoesNotContain(b.Host.Steps, s => s.StartsWith("Ring ", StringComparison.Ordinal));

        b.Host.FinishPrompts();

        Assert.Equal(TransferState.RingingTarget, b.Session.State);
        Assert.Equal("RingTransferTarget 2002", b.Host.Steps[^1]);
    }

    [Fact]
    public async Task A_target_with_no_phone_is_refused_before_anything_changes()
    {
        await using var b = new TransfersBench();

        Assert.Equal(CallControlResult.TargetUnavailable, b.Transfers.Blind("100", "2999", null, null));
        Assert.Equal(CallControlResult.TargetUnavailable, b.Transfers.CampOn("100", "2999", null));
        Assert.Equal(CallControlResult.TargetUnavailable, b.Transfers.Consult("100", "2999", null));

        Assert.Null(b.Transfers.Session);
        Assert.Same(b.Operator, b.Connection.Party);
    }

    [Fact]
    public async Task A_blind_transfer_the_target_did_not_take_is_recalled_and_one_it_took_is_completed()
    {
        await using var b = new TransfersBench();
        b.Transfers.Blind("100", "2002", null, null);
        b.Transfers.TargetFailed(RingOutcome.NoAnswer);
        Assert.Equal(RecallState.RingingOperator, b.Recalls.Current!.State);

        b.Transfers.Connected(); // the operator answered the recall

        Assert.Equal(RecallState.Queued, b.Recalls.Current.State); // only remembered for the console
        Assert.DoesNotContain(CallEventKind.TransferCompleted, b.Host.Kinds);
    }

    [Fact]
    public async Task A_camp_on_waits_with_music_for_the_busy_target_and_rings_them_once_free()
    {
        await using var b = new TransfersBench();
        b.Rig.MakeBusy("2002");

        Assert.Equal(CallControlResult.Done, b.Transfers.CampOn("100", "2002", "Bo Jensen"));
        Assert.Equal((TransferKind.CampOn, TransferState.WaitingForFree), (b.Session.Kind, b.Session.State));
        Assert.Equal(["wait 2002"], b.Rig.Registry.Waits);
        b.Host.FinishPrompts(); // "vent venligst", then music
        Assert.Same(b.Rig.Music, b.Host.Playing);

        b.Transfers.OnPartyFree("2003"); // someone else
        Assert.Equal(TransferState.WaitingForFree, b.Session.State);
        b.Transfers.OnPartyFree("2002");
        Assert.Equal(TransferState.RingingTarget, b.Session.State);
        Assert.Equal("Ring Transfer 2002 ringback", b.Host.Steps[^1]);

        b.Transfers.OnPartyFree("2002"); // rung once
        Assert.Single(b.Host.Steps, s => s.StartsWith("Ring ", StringComparison.Ordinal));

        b.Transfers.Connected();
        Assert.Null(b.Transfers.Session);
        Assert.Equal(["wait 2002", "stop 2002"], b.Rig.Registry.Waits);
        Assert.Equal("2002", b.Host.Single(CallEventKind.TransferCompleted).Party);
    }

    [Fact]
    public async Task A_camp_on_to_a_free_target_rings_at_once_and_the_music_does_not_follow_the_ringing()
    {
        await using var b = new TransfersBench();

        b.Transfers.CampOn("100", "2002", null);
        b.Host.FinishPrompts();

        Assert.Equal(TransferState.RingingTarget, b.Session.State);
        Assert.Null(b.Host.Playing);
    }

    [Fact]
    public async Task A_camp_on_that_waits_too_long_gives_up_and_comes_back_to_the_switchboard()
    {
        await using var b = new TransfersBench();
        b.Rig.MakeBusy("2002");
        b.Transfers.CampOn("100", "2002", null);

        b.Rig.Advance(b.Rig.Options.CampOnLimit);

        Assert.Null(b.Transfers.Session);
        Assert.Contains("AbandonRinging", b.Host.Steps);
        Assert.Equal(RingOutcome.Busy, b.Host.Single(CallEventKind.TransferFailed).Outcome);
        Assert.NotNull(b.Recalls.Current);
        Assert.Equal(["wait 2002", "stop 2002"], b.Rig.Registry.Waits);
    }

    [Fact]
    public async Task Hold_and_take_off_hold_change_the_connection_once_each()
    {
        await using var b = new TransfersBench();

        Assert.Equal(CallControlResult.Done, b.Transfers.Hold("100"));
        Assert.Equal(CallControlResult.Done, b.Transfers.Hold("100"));
        Assert.Equal(ConnectionState.OnHold, b.Connection.State);
        Assert.Equal(CallControlResult.Done, b.Transfers.TakeOffHold("100"));
        Assert.Equal(CallControlResult.Done, b.Transfers.TakeOffHold("100"));

        Assert.Equal(ConnectionState.Talking, b.Connection.State);
        Assert.Equal([CallEventKind.Held, CallEventKind.Resumed], b.Host.Kinds);
    }

    [Fact]
    public async Task The_caller_can_be_sent_to_voicemail_and_the_operator_is_free()
    {
        await using var b = new TransfersBench();

        Assert.Equal(CallControlResult.Done, b.Transfers.ToVoicemail("100", "2012"));

        Assert.Equal("2012", b.Host.Single(CallEventKind.TransferStarted).VoicemailBox);
        Assert.Equal(ConnectionState.Alone, b.Connection.State);
        Assert.Equal(["indtal-besked", "tone"], b.Host.PromptsPlayed[^1]);
    }

    [Fact]
    public async Task The_operator_on_the_line_can_end_the_call()
    {
        await using var b = new TransfersBench();

        Assert.Equal(CallControlResult.Done, b.Transfers.HangUp("100"));

        Assert.Equal(["HangUp CalleeHungUp"], b.Host.Steps);
    }

    private static CallControlResult Run(TransfersBench b, string command, string op) => command switch
    {
        "Blind" => b.Transfers.Blind(op, "2002", null, null),
        "Consult" => b.Transfers.Consult(op, "2002", null),
        "CampOn" => b.Transfers.CampOn(op, "2002", null),
        "ToVoicemail" => b.Transfers.ToVoicemail(op, "2012"),
        "Hold" => b.Transfers.Hold(op),
        "TakeOffHold" => b.Transfers.TakeOffHold(op),
        "Complete" => b.Transfers.Complete(op),
        "Return" => b.Transfers.Return(op),
        "HangUp" => b.Transfers.HangUp(op),
        _ => throw new ArgumentOutOfRangeException(nameof(command)),
    };
}
