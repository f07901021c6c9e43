using Omstilling.Calls.Signalling;
using Omstilling.Calls.Tests.Parts.Support;
using Omstilling.Sip.Auth;
using Omstilling.Sip.Messages;

namespace Omstilling.Calls.Tests.Parts;

/// <summary>
/// <see cref="BranchDialer"/>, the SIP side of a branch's states: the INVITE that starts it
/// (Calling), the ACK that confirms an answer (Answered) and the BYE or CANCEL that ends it, once
/// per state; the trunk's challenge answered once.
/// </summary>
public sealed class BranchDialerTests
{
    [Fact]
    public async Task The_invite_carries_the_callers_number_and_name_our_offer_and_one_less_max_forwards()
    {
        await using var rig = new PartsRig();
        var dialer = rig.Dialer(new ResponseSink());
        var group = new RingGroup(RingPurpose.Call, ["2002"]);

        var branch = dialer.Dial(group, rig.BindingFor("2002"), rig.NewMedia(), toTrunk: false);
        rig.Deliver();

        var invite = rig.NextInviteAtPhone().Request;
        Assert.Same(branch, Assert.Single(group.Branches));
        Assert.Equal(BranchState.Calling, branch.State);
        Assert.Equal("2001", invite.From.Uri.User);
        Assert.Equal("2002", invite.To.Uri.User);
        Assert.Equal(69, invite.MaxForwards);
        Assert.Contains("m=audio", invite.BodyText, StringComparison.Ordinal);
        Assert.Same(branch, branch.Transaction!.Tag);
    }

    [Fact]
    public async Task The_first_2xx_is_acknowledged_once_and_its_dialog_made_findable_first()
    {
        await using var rig = new PartsRig();
        var (dialer, branch, invite) = Dialled(rig);
        var ok = SipMessages.Response(branch.Transaction!.Request, SipStatus.Ok, invite.LocalTag);

        Assert.True(dialer.Acknowledge(branch, ok, index: true));
        rig.Deliver();

        Assert.Equal(BranchState.Answered, branch.State);
        Assert.Equal(CallSide.Callee, rig.Registry.Indexed[branch.Dialog!.Id]);
        Assert.Equal(1, rig.PhoneCore.Count(SipMethod.Ack));
    }

    [Fact]
    public async Task A_2xx_seen_before_is_acknowledged_again_without_a_second_answer()
    {
        await using var rig = new PartsRig();
        var (dialer, branch, invite) = Dialled(rig);
        var ok = SipMessages.Response(branch.Transaction!.Request, SipStatus.Ok, invite.LocalTag);
        dialer.Acknowledge(branch, ok, index: false);

        Assert.False(dialer.Acknowledge(branch, ok, index: false));
        dialer.AcknowledgeAgain(branch);
        rig.Deliver();

        Assert.Empty(rig.Registry.Indexed);
        Assert.Equal(BranchState.Answered, branch.State);
        Assert.Equal(3, rig.Network.Sent.Count(p => p.Text.StartsWith("ACK", StringComparison.Ordinal)));
        Assert.Equal(0, rig.PhoneCore.Count(SipMethod.Bye));
    }

    /// <summary>Release in each state: BYE for an answered leg (once), CANCEL for a calling one, nothing for one that is over.</summary>
    [Theory]
    [InlineData("Calling", "CANCEL", "Calling")]
    [InlineData("Answered", "BYE", "Released")]
    [InlineData("Released", "", "Released")]
    [InlineData("Refused", "", "Refused")]
    public async Task Releasing_a_branch_sends_what_its_state_needs(string state, string sends, string after)
    {
        await using var rig = new PartsRig();
        var (dialer, branch, invite) = Dialled(rig);
        SipMessages.Respond(rig, invite, SipStatus.Ringing);
        switch (state)
        {
            case "Answered" or "Released":
                dialer.Acknowledge(branch, SipMessages.Response(branch.Transaction!.Request, SipStatus.Ok, invite.LocalTag), index: false);
                if (state == "Released")
                {
                    branch.Released(); // the phone hung up
                }

                break;
            case "Refused":
                branch.Refused(SipMessages.Response(branch.Transaction!.Request, SipStatus.BusyHere));
                break;
        }

        var before = rig.Network.Sent.Count;
        dialer.Release(branch);
        dialer.Release(branch);

        var sent = rig.Network.Sent.Skip(before).Select(p => p.Text.Split(' ')[0]).ToArray();
        string[] expected = sends == "" ? [] : [sends];
        Assert.Equal(expected, sent);
        Assert.Equal(Enum.Parse<BranchState>(after), branch.State);
    }

    [Fact]
    public async Task The_trunks_challenge_is_answered_once_with_our_credentials_in_the_same_dialog_attempt()
    {
        await using var rig = new PartsRig();
        var dialer = rig.Dialer(new ResponseSink(), new DigestClient("omstilling", "secret"));
        var branch = dialer.Dial(new RingGroup(RingPurpose.Call, []), rig.BindingFor("20304090"), rig.NewMedia(), toTrunk: true);
        rig.Deliver();
        var first = branch.Transaction!.Request;
        var challenge = Challenge(first);

        Assert.True(dialer.TryAnswerChallenge(branch, challenge));
        rig.Deliver();

        var again = branch.Transaction!.Request;
        Assert.NotSame(first, again);
        Assert.Equal((first.CallId, first.From.Tag, first.CSeq.Number + 1), (again.CallId, again.From.Tag, again.CSeq.Number));
        Assert.StartsWith("Digest username=\"omstilling\"", again.Header(HeaderName.ProxyAuthorization), StringComparison.Ordinal);
        Assert.True(branch.Challenged);
        Assert.False(dialer.TryAnswerChallenge(branch, Challenge(again)));
    }

    [Theory]
    [InlineData("a phone, not the trunk")]
    [InlineData("no credentials")]
    [InlineData("not a challenge")]
    public async Task Only_the_trunks_digest_challenge_is_answered(string why)
    {
        await using var rig = new PartsRig();
        var dialer = rig.Dialer(new ResponseSink(), why == "no credentials" ? null : new DigestClient("omstilling", "secret"));
        var branch = dialer.Dial(new RingGroup(RingPurpose.Call, []), rig.BindingFor("20304090"), rig.NewMedia(), toTrunk: why != "a phone, not the trunk");
        var response = why == "not a challenge" ? SipMessages.Response(branch.Transaction!.Request, SipStatus.Forbidden) : Challenge(branch.Transaction!.Request);

        Assert.False(dialer.TryAnswerChallenge(branch, response));
        Assert.False(branch.Challenged);
    }

    private static SipResponse Challenge(SipRequest invite)
    {
        var response = SipMessages.Response(invite, SipStatus.ProxyAuthenticationRequired);
        response.Headers.Add(HeaderName.ProxyAuthenticate, "Digest realm=\"trunk.test\", nonce=\"abc123\", algorithm=MD5, qop=\"auth\"");
        return response;
    }

    private static (BranchDialer Dialer, Branch Branch, Omstilling.Sip.Transactions.ServerInviteTransaction AtPhone) Dialled(PartsRig rig)
    {
        var dialer = rig.Dialer(new ResponseSink());
        var branch = dialer.Dial(new RingGroup(RingPurpose.Call, ["2002"]), rig.BindingFor("2002"), rig.NewMedia(), toTrunk: false);
        rig.Deliver();
        return (dialer, branch, rig.NextInviteAtPhone());
    }
}
