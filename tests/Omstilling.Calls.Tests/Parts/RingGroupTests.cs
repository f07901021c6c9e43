using Omstilling.Calls.Control;
using Omstilling.Calls.Signalling;
using Omstilling.Calls.Tests.Parts.Support;
using Omstilling.Sip.Messages;

namespace Omstilling.Calls.Tests.Parts;

/// <summary>
/// <see cref="RingGroup"/>'s state machine: Ringing goes to Answered, Failed or Abandoned, once;
/// a group that is over refuses an answer or a failure (a late answer to an abandoned ringing is
/// the ringer's to hang up) and stays as it is when abandoned again. Answering or abandoning
/// cancels the phones still calling and stops the ring limit; only a ringing consultation can
/// become a transfer; what the phones said together (<see cref="RingGroup.Refusal"/>).
/// </summary>
public sealed class RingGroupTests
{
    /// <summary>Every state with every step: the state it leads to, "refused" (an exception), or "unchanged".</summary>
    public static TheoryData<string, string, string> Transitions() => new()
    {
        { "Ringing", "Answer", "Answered" },
        { "Ringing", "Fail", "Failed" },
        { "Ringing", "Abandon", "Abandoned" },
        { "Answered", "Answer", "refused" },
        { "Answered", "Fail", "refused" },
        { "Answered", "Abandon", "unchanged" },
        { "Failed", "Answer", "refused" },
        { "Failed", "Fail", "refused" },
        { "Failed", "Abandon", "unchanged" },
        { "Abandoned", "Answer", "refused" },
        { "Abandoned", "Fail", "refused" },
        { "Abandoned", "Abandon", "unchanged" },
    };

    [Theory]
    [MemberData(nameof(Transitions))]
    public async Task Each_step_leads_from_each_state_where_the_table_says(string from, string step, string to)
    {
        await using var rig = new PartsRig();
        var start = Enum.Parse<RingGroupState>(from);
        var group = GroupIn(rig, start);

        var refused = Record.Exception(() => Take(rig, group, step));

        switch (to)
        {
            case "refused":
                Assert.IsType<InvalidOperationException>(refused);
                Assert.Equal(start, group.State);
                break;
            case "unchanged":
                Assert.Null(refused);
                Assert.Equal(start, group.State);
                break;
            default:
                Assert.Null(refused);
                Assert.Equal(Enum.Parse<RingGroupState>(to), group.State);
                break;
        }

        Assert.Equal(group.State == RingGroupState.Ringing, group.IsRinging);
    }

    [Fact]
    public void The_table_covers_every_state()
    {
        var states = Transitions().Select(row => (string)row[0]).ToHashSet();

        Assert.Equal(Enum.GetNames<RingGroupState>().Order(), states.Order());
    }

    /// <summary>Only a consultation that still rings goes on as a transfer (the operator hung up while it rang).</summary>
    [Theory]
    [InlineData("Consultation", "Ringing", true)]
    [InlineData("Consultation", "Answered", false)]
    [InlineData("Consultation", "Failed", false)]
    [InlineData("Consultation", "Abandoned", false)]
    [InlineData("Call", "Ringing", false)]
    [InlineData("QueueOffer", "Ringing", false)]
    [InlineData("Transfer", "Ringing", false)]
    [InlineData("Recall", "Ringing", false)]
    public async Task Only_a_ringing_consultation_becomes_a_transfer(string purpose, string state, bool becomes)
    {
        await using var rig = new PartsRig();
        var group = GroupIn(rig, Enum.Parse<RingGroupState>(state), Enum.Parse<RingPurpose>(purpose));

        var refused = Record.Exception(group.BecomeTransfer);

        Assert.Equal(becomes ? RingPurpose.Transfer : Enum.Parse<RingPurpose>(purpose), group.Purpose);
        Assert.Equal(becomes, refused is null);
        Assert.Equal(Enum.Parse<RingGroupState>(state), group.State);
    }

    [Fact]
    public async Task An_answer_cancels_the_other_phones_still_calling_but_not_the_one_that_answered()
    {
        await using var rig = new PartsRig();
        var dialer = rig.Dialer(new ResponseSink());
        var group = new RingGroup(RingPurpose.Call, ["2002"]);
        var first = dialer.Dial(group, rig.BindingFor("2002"), rig.NewMedia(), toTrunk: false);
        var second = dialer.Dial(group, rig.BindingFor("2002"), rig.NewMedia(), toTrunk: false);
        rig.Deliver();
        var (atFirst, atSecond) = (rig.NextInviteAtPhone(), rig.NextInviteAtPhone());
        SipMessages.Respond(rig, atFirst, SipStatus.Ringing);
        SipMessages.Respond(rig, atSecond, SipStatus.Ringing);

        group.Answered(first);
        rig.Deliver();

        Assert.Equal(RingGroupState.Answered, group.State);
        Assert.Equal(1, rig.PhoneCore.Count(SipMethod.Cancel));
        Assert.Equal(SipStatus.Ringing, atFirst.LastResponse!.StatusCode);
        Assert.Equal(SipStatus.RequestTerminated, atSecond.LastResponse!.StatusCode);
        Assert.Same(group, second.Group);
    }

    [Fact]
    public async Task Abandoning_cancels_every_phone_still_calling()
    {
        await using var rig = new PartsRig();
        var dialer = rig.Dialer(new ResponseSink());
        var group = new RingGroup(RingPurpose.QueueOffer, ["100", "101"]);
        dialer.Dial(group, rig.BindingFor("100"), rig.NewMedia(), toTrunk: false);
        dialer.Dial(group, rig.BindingFor("101"), rig.NewMedia(), toTrunk: false);
        rig.Deliver();
        var invites = new[] { rig.NextInviteAtPhone(), rig.NextInviteAtPhone() };
        foreach (var invite in invites)
        {
            SipMessages.Respond(rig, invite, SipStatus.Ringing);
        }

        group.Abandon();
        rig.Deliver();

        Assert.Equal(RingGroupState.Abandoned, group.State);
        Assert.All(invites, i => Assert.Equal(SipStatus.RequestTerminated, i.LastResponse!.StatusCode));
    }

    [Fact]
    public async Task The_ring_limit_fires_once_when_it_passes_and_not_before()
    {
        await using var rig = new PartsRig();
        var group = new RingGroup(RingPurpose.Call, ["2002"]);
        var expired = new List<RingGroup>();
        group.ArmLimit(rig.Server.Scheduler, TimeSpan.FromSeconds(20), expired.Add);

        rig.Advance(TimeSpan.FromSeconds(19.9));
        Assert.Empty(expired);
        rig.Advance(TimeSpan.FromSeconds(0.2));
        Assert.Same(group, Assert.Single(expired));
        rig.Advance(TimeSpan.FromSeconds(60));
        Assert.Single(expired);
    }

    [Theory]
    [InlineData("Answer")]
    [InlineData("Abandon")]
    [InlineData("StopLimit")]
    [InlineData("ArmAgain")]
    public async Task An_answer_an_abandon_a_stop_or_a_new_limit_stops_the_ring_limit(string step)
    {
        await using var rig = new PartsRig();
        var group = new RingGroup(RingPurpose.Call, ["2002"]);
        var expired = new List<string>();
        group.ArmLimit(rig.Server.Scheduler, TimeSpan.FromSeconds(20), _ => expired.Add("first"));

        switch (step)
        {
            case "Answer":
                group.Answered(rig.Branch(group));
                break;
            case "Abandon":
                group.Abandon();
                break;
            case "StopLimit":
                group.StopLimit();
                break;
            default:
                group.ArmLimit(rig.Server.Scheduler, TimeSpan.FromSeconds(40), _ => expired.Add("second"));
                break;
        }

        rig.Advance(TimeSpan.FromSeconds(60));
        string[] fired = step == "ArmAgain" ? ["second"] : [];
        Assert.Equal(fired, expired);
    }

    /// <summary>Busy wins over any other refusal; otherwise the lowest; statuses about our own leg become 480; none at all is 480.</summary>
    [Theory]
    [InlineData(new[] { 603, 486 }, "Busy", 486)]
    [InlineData(new[] { 600 }, "Busy", 486)]
    [InlineData(new[] { 603, 404 }, "Refused", 404)]
    [InlineData(new[] { 487 }, "Refused", 480)]
    [InlineData(new[] { 408, 603 }, "Refused", 480)]
    [InlineData(new[] { 503 }, "Refused", 503)]
    [InlineData(new[] { 200 }, "Refused", 480)]
    public async Task The_refusal_is_what_the_phones_said_together(int[] finals, string outcome, int status)
    {
        await using var rig = new PartsRig();
        var group = new RingGroup(RingPurpose.Call, ["2002"]);
        foreach (var final in finals)
        {
            var branch = rig.Branch(group);
            var invite = SipMessages.Invite();
            var response = SipMessages.Response(invite, final);
            if (final < 300)
            {
                var (dialog, ack) = SipMessages.Answered(invite, response);
                branch.Answered(response, dialog, ack);
            }
            else
            {
                branch.Refused(response);
            }
        }

        Assert.True(group.AllDone);
        Assert.Equal((Enum.Parse<RingOutcome>(outcome), status), group.Refusal());
    }

    [Fact]
    public async Task All_done_only_once_every_phone_has_given_its_final_answer()
    {
        await using var rig = new PartsRig();
        var group = new RingGroup(RingPurpose.Call, ["2002"]);
        Assert.False(group.AllDone); // nothing rung yet

        var first = rig.Branch(group);
        var second = rig.Branch(group);
        first.Refused(SipMessages.Response(SipMessages.Invite(), SipStatus.BusyHere));
        Assert.False(group.AllDone);

        second.Refused(SipMessages.Response(SipMessages.Invite(), SipStatus.Decline));
        Assert.True(group.AllDone);
    }

    private static RingGroup GroupIn(PartsRig rig, RingGroupState state, RingPurpose purpose = RingPurpose.Call)
    {
        var group = new RingGroup(purpose, ["2002"]);
        switch (state)
        {
            case RingGroupState.Ringing:
                break;
            case RingGroupState.Answered:
                group.Answered(rig.Branch(group));
                break;
            case RingGroupState.Failed:
                group.Failed();
                break;
            case RingGroupState.Abandoned:
                group.Abandon();
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(state));
        }

        Assert.Equal(state, group.State);
        return group;
    }

    private static void Take(PartsRig rig, RingGroup group, string step)
    {
        switch (step)
        {
            case "Answer":
                group.Answered(rig.Branch(group));
                break;
            case "Fail":
                group.Failed();
                break;
            case "Abandon":
                group.Abandon();
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(step));
        }
    }
}
