using Omstilling.Calls.Signalling;
using Omstilling.Calls.Tests.Parts.Support;
using Omstilling.Sip.Dialogs;
using Omstilling.Sip.Messages;

namespace Omstilling.Calls.Tests.Parts;

/// <summary>
/// <see cref="CallerLeg"/>'s state machine against a real INVITE from the phone: Offered and Early
/// (a relayed 180) go to Answered (our 200) or Refused (a final refusal), Answered to Released
/// (the caller's BYE or ours); every other step leaves the leg as it is and sends nothing final.
/// The races at the leg: the caller's CANCEL before our answer (the answer is refused and its
/// dialog forgotten), a refusal after the answer (ignored), the caller's BYE before its ACK.
/// </summary>
public sealed class CallerLegTests
{
    /// <summary>Every state with every step: the state after it.</summary>
    public static TheoryData<string, string, string> Transitions() => new()
    {
        { "Offered", "Ring", "Early" },
        { "Offered", "Answer", "Answered" },
        { "Offered", "Refuse", "Refused" },
        { "Offered", "CallerBye", "Offered" },
        { "Offered", "HangUp", "Offered" },
        { "Early", "Ring", "Early" },
        { "Early", "Answer", "Answered" },
        { "Early", "Refuse", "Refused" },
        { "Early", "CallerBye", "Early" },
        { "Early", "HangUp", "Early" },
        { "Answered", "Ring", "Answered" },
        { "Answered", "Answer", "Answered" },
        { "Answered", "Refuse", "Answered" },
        { "Answered", "CallerBye", "Released" },
        { "Answered", "HangUp", "Released" },
        { "Released", "Ring", "Released" },
        { "Released", "Answer", "Released" },
        { "Released", "Refuse", "Released" },
        { "Released", "CallerBye", "Released" },
        { "Released", "HangUp", "Released" },
        { "Refused", "Ring", "Refused" },
        { "Refused", "Answer", "Refused" },
        { "Refused", "Refuse", "Refused" },
        { "Refused", "CallerBye", "Refused" },
        { "Refused", "HangUp", "Refused" },
    };

    [Theory]
    [MemberData(nameof(Transitions))]
    public async Task Each_step_leads_from_each_state_where_the_table_says_and_the_caller_gets_one_final_answer(string from, string step, string to)
    {
        await using var b = new LegBench();
        BringTo(b, Enum.Parse<CallerLegState>(from));

        Take(b, step);

        Assert.Equal(Enum.Parse<CallerLegState>(to), b.Leg.State);
        var finals = b.InviteResponses().Where(s => s >= 200).ToArray();
        Assert.True(finals.Length <= 1, $"one final response to the INVITE, not {string.Join(",", finals)}");
        int[] expected = b.Leg.State switch
        {
            CallerLegState.Answered or CallerLegState.Released => [200],
            CallerLegState.Refused => [486],
            _ => [],
        };
        Assert.Equal(expected, finals);
        Assert.Equal(b.Leg.State is CallerLegState.Answered or CallerLegState.Released, b.Leg.IsAnswered);
    }

    [Fact]
    public void The_table_covers_every_state()
    {
        var states = Transitions().Select(row => (string)row[0]).ToHashSet();

        Assert.Equal(Enum.GetNames<CallerLegState>().Order(), states.Order());
    }

    [Fact]
    public async Task Our_answer_carries_our_sdp_and_its_dialog_is_findable_before_it_leaves()
    {
        await using var b = new LegBench();

        Assert.True(b.Leg.Answer(b.Listener));

        Assert.Equal(CallSide.Caller, b.Rig.Registry.Indexed[b.Leg.Dialog!.Id]);
        Assert.Same(b.Listener, b.Leg.Media!.Stream.Listener);
        b.Rig.Deliver();
        var ok = Assert.Single(b.Rig.PhoneCore.Responses, r => r.StatusCode == 200);
        Assert.Contains("m=audio", ok.BodyText, StringComparison.Ordinal);
        Assert.Equal(b.Leg.Dialog.Id.LocalTag, ok.To.Tag);
    }

    /// <summary>The race "answer during cancel": the caller's CANCEL was handled first (487), then a phone's answer tries to answer the caller.</summary>
    [Fact]
    public async Task Answer_during_cancel_an_answer_after_the_callers_cancel_is_refused_and_its_dialog_forgotten()
    {
        await using var b = new LegBench();
        b.Rig.PhoneCore.Outgoing!.Cancel();
        b.Rig.Deliver();
        var cancelled = Assert.Single(b.Rig.ServerCore.Cancelled);
        Assert.Same(b.Leg.Invite, cancelled);
        b.Leg.Refuse(SipStatus.RequestTerminated); // what the call does on the CANCEL

        Assert.False(b.Leg.Answer(b.Listener));

        Assert.Equal(CallerLegState.Refused, b.Leg.State);
        Assert.Null(b.Leg.Dialog);
        Assert.Empty(b.Rig.Registry.Indexed);
        Assert.Single(b.Rig.Registry.Unindexed);
        Assert.Equal([487], b.InviteResponses().Where(s => s >= 200));
    }

    /// <summary>The other order of the same race: the answer went out first; the CANCEL's 487 must not follow it.</summary>
    [Fact]
    public async Task Answer_during_cancel_a_refusal_after_the_answer_is_ignored()
    {
        await using var b = new LegBench();
        Assert.True(b.Leg.Answer(b.Listener));

        b.Leg.Refuse(SipStatus.RequestTerminated);

        Assert.Equal(CallerLegState.Answered, b.Leg.State);
        Assert.Equal([200], b.InviteResponses().Where(s => s >= 200));
    }

    [Fact]
    public async Task A_phones_183_reaches_the_caller_as_180_and_nothing_is_relayed_once_answered()
    {
        await using var b = new LegBench();
        var progress = SipMessages.Response(SipMessages.Invite(), SipStatus.SessionProgress);

        b.Leg.RelayRinging(progress);
        b.Leg.Answer(b.Listener);
        b.Leg.RelayRinging(progress);

        Assert.Equal([100, 180, 200], b.InviteResponses());
    }

    [Fact]
    public async Task Our_2xx_goes_again_until_the_callers_ack_and_then_no_more()
    {
        await using var b = new LegBench();
        b.Leg.Answer(b.Listener);
        b.Rig.Advance(TimeSpan.FromSeconds(0.6));
        Assert.Equal(2, b.OksSent());

        b.Leg.OnAck(b.PhoneAcks());
        b.Rig.Advance(TimeSpan.FromSeconds(10));

        Assert.Equal(2, b.OksSent());
        Assert.Equal(CallerLegState.Answered, b.Leg.State);
    }

    /// <summary>The race "BYE before ACK": the caller hangs up before its ACK reaches us; the late ACK still ends our 2xx's retransmissions and changes nothing else.</summary>
    [Fact]
    public async Task Bye_before_ack_the_callers_bye_releases_the_leg_and_the_late_ack_only_stops_the_retransmissions()
    {
        await using var b = new LegBench();
        b.Leg.Answer(b.Listener);
        var ack = b.PhoneAcks();

        b.Leg.OnBye();
        b.Leg.OnAck(ack);
        b.Leg.HangUp();
        b.Rig.Advance(TimeSpan.FromSeconds(10));

        Assert.Equal(CallerLegState.Released, b.Leg.State);
        Assert.Equal(1, b.OksSent());
        Assert.Equal(0, b.Rig.PhoneCore.Count(SipMethod.Bye));
    }

    [Fact]
    public async Task We_hang_up_an_answered_caller_once()
    {
        await using var b = new LegBench();
        b.Leg.Answer(b.Listener);
        b.Leg.OnAck(b.PhoneAcks());

        b.Leg.HangUp();
        b.Leg.HangUp();
        b.Leg.OnBye(); // the caller's BYE crossing ours
        b.Rig.Deliver();

        Assert.Equal(CallerLegState.Released, b.Leg.State);
        Assert.True(b.Leg.IsReleased);
        Assert.Equal(1, b.Rig.PhoneCore.Count(SipMethod.Bye));
    }

    [Fact]
    public async Task The_ack_of_a_reinvites_2xx_ends_that_2xxs_retransmissions()
    {
        await using var b = new LegBench();
        b.Leg.Answer(b.Listener);
        b.Leg.OnAck(b.PhoneAcks());
        var reinvite = b.PhoneSendsInDialog(SipMethod.Invite);
        var ok = reinvite.CreateResponse(SipStatus.Ok);
        ok.Headers.Add(HeaderName.Contact, b.Leg.Dialog!.LocalContact.ToString());
        reinvite.Respond(ok);
        b.Leg.AwaitAck(reinvite);
        b.Rig.Advance(TimeSpan.FromSeconds(0.6));
        var resent = b.Rig.Network.Sent.Count(p => p.Text.StartsWith("SIP/2.0 200", StringComparison.Ordinal) && p.Text.Contains("2 INVITE", StringComparison.Ordinal));
        Assert.Equal(2, resent);

        b.Leg.OnAck(b.PhoneAcks(cseq: 2));
        b.Rig.Advance(TimeSpan.FromSeconds(10));

        Assert.Equal(resent, b.Rig.Network.Sent.Count(p => p.Text.StartsWith("SIP/2.0 200", StringComparison.Ordinal) && p.Text.Contains("2 INVITE", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task After_an_invite_without_sdp_our_2xx_carries_the_offer_and_the_ack_its_answer()
    {
        await using var b = new LegBench(body: "");

        Assert.True(b.Leg.Answer(b.Listener));
        b.Rig.Deliver();
        Assert.Contains("m=audio", Assert.Single(b.Rig.PhoneCore.Responses, r => r.StatusCode == 200).BodyText, StringComparison.Ordinal);
        Assert.Null(b.Leg.Media!.Stream.Remote);

        b.Leg.OnAck(b.PhoneAcks(sdp: Omstilling.Calls.Tests.Support.TestPhone.Sdp("late")));

        Assert.Equal(new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, 9), b.Leg.Media.Stream.Remote);
    }

    [Theory]
    [InlineData("v=0\r\nbroken", "Unreadable")]
    [InlineData("v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 9 RTP/AVP 9\r\na=rtpmap:9 G722/8000\r\n", "NoCommonCodec")]
    [InlineData(null, "Ready")]
    public async Task The_callers_offer_decides_whether_its_media_can_be_answered(string? sdp, string setup)
    {
        await using var rig = new PartsRig();
        var leg = LegBench.NewLeg(rig, rig.Invite(body: sdp));

        Assert.Equal(Enum.Parse<CallerMediaSetup>(setup), leg.PrepareMedia(rig.NewMedia()));
        Assert.Equal(CallerLegState.Offered, leg.State);
    }

    private static void BringTo(LegBench b, CallerLegState state)
    {
        switch (state)
        {
            case CallerLegState.Offered:
                break;
            case CallerLegState.Early:
                Take(b, "Ring");
                break;
            case CallerLegState.Answered:
                Take(b, "Answer");
                break;
            case CallerLegState.Released:
                Take(b, "Answer");
                Take(b, "CallerBye");
                break;
            case CallerLegState.Refused:
                Take(b, "Refuse");
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(state));
        }

        Assert.Equal(state, b.Leg.State);
    }

    private static void Take(LegBench b, string step)
    {
        switch (step)
        {
            case "Ring":
                b.Leg.RelayRinging(SipMessages.Response(SipMessages.Invite(), SipStatus.Ringing));
                break;
            case "Answer":
                b.Leg.Answer(b.Listener);
                break;
            case "Refuse":
                b.Leg.Refuse(SipStatus.BusyHere);
                break;
            case "CallerBye":
                b.Leg.OnBye();
                break;
            case "HangUp":
                b.Leg.HangUp();
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(step));
        }

        b.Rig.Deliver();
    }
}
