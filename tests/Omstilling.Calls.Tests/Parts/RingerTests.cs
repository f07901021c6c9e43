using Omstilling.Calls.Events;
using Omstilling.Calls.Signalling;
using Omstilling.Calls.Tests.Parts.Support;
using Omstilling.Sip.Messages;

namespace Omstilling.Calls.Tests.Parts;

/// <summary>
/// <see cref="Ringer"/>: the phones' responses sorted out for the call through real SIP to a phone
/// in the rig. An answer while the group rings goes to the call once; a late answer (the group
/// abandoned, someone else took the caller, the call over) is ACKed and hung up; a refusal from
/// every phone fails the group, a late refusal is ignored; the ring limit reaches the call only
/// while the group rings; a person's Ringing and RingEnded come once however many phones they have.
/// </summary>
public sealed class RingerTests
{
    [Fact]
    public async Task An_answer_while_the_group_rings_goes_to_the_call_once_and_the_phone_is_acknowledged()
    {
        await using var b = await RingerBench.StartAsync();
        var group = b.RingForCaller("2002");
        var invite = b.Rig.NextInviteAtPhone();
        SipMessages.Respond(b.Rig, invite, SipStatus.Ringing);

        SipMessages.Respond(b.Rig, invite, SipStatus.Ok);

        Assert.Equal(["OnRinging 180", "OnAnswered Call 2002"], b.Host.Steps);
        var branch = Assert.Single(group.Branches);
        Assert.Equal(BranchState.Answered, branch.State);
        Assert.Equal(1, b.Rig.PhoneCore.Count(SipMethod.Ack));
        Assert.Equal(0, b.Rig.PhoneCore.Count(SipMethod.Bye));
        Assert.Equal(RingGroupState.Ringing, group.State); // what an answer means is the call's (it answers the group)
        Assert.True(b.Rig.Registry.Indexed.ContainsKey(branch.Dialog!.Id));
    }

    [Fact]
    public async Task A_late_answer_to_an_abandoned_group_is_acknowledged_and_hung_up_at_once()
    {
        await using var b = await RingerBench.StartAsync();
        var group = b.RingForCaller("2002");
        var invite = b.Rig.NextInviteAtPhone();
        SipMessages.Respond(b.Rig, invite, SipStatus.Ringing);
        b.Rig.Network.Drop = p => p.Text.StartsWith("CANCEL", StringComparison.Ordinal); // the CANCEL crosses the answer
        b.Ringer.AbandonCurrent();

        SipMessages.Respond(b.Rig, invite, SipStatus.Ok);

        Assert.Equal(RingGroupState.Abandoned, group.State);
        Assert.DoesNotContain(b.Host.Steps, s => s.StartsWith("OnAnswered", StringComparison.Ordinal));
        Assert.Equal(BranchState.Released, Assert.Single(group.Branches).State);
        Assert.Equal(1, b.Rig.PhoneCore.Count(SipMethod.Ack));
        Assert.Equal(1, b.Rig.PhoneCore.Count(SipMethod.Bye));
        Assert.Equal(RingEndReason.AnsweredElsewhere, b.Host.Single(CallEventKind.RingEnded).RingEnd);
    }

    [Theory]
    [InlineData("someone else took the caller")]
    [InlineData("the call is over")]
    public async Task An_answer_the_call_no_longer_takes_is_hung_up(string why)
    {
        await using var b = await RingerBench.StartAsync();
        var group = b.RingForCaller("2002");
        var invite = b.Rig.NextInviteAtPhone();
        if (why == "the call is over")
        {
            b.Host.HasEnded = true;
        }
        else
        {
            b.Host.TakesAnswer = _ => false;
        }

        SipMessages.Respond(b.Rig, invite, SipStatus.Ok);

        Assert.Empty(b.Host.Steps);
        Assert.Equal(BranchState.Released, Assert.Single(group.Branches).State);
        Assert.Equal(1, b.Rig.PhoneCore.Count(SipMethod.Bye));
        Assert.Equal(why != "the call is over", !b.Rig.Registry.Indexed.IsEmpty); // an ended call's dialogs are gone for good
    }

    [Fact]
    public async Task An_answer_without_usable_media_is_hung_up_and_counts_as_a_refusal()
    {
        await using var b = await RingerBench.StartAsync();
        var group = b.RingForCaller("2002");
        var invite = b.Rig.NextInviteAtPhone();
        SipMessages.Respond(b.Rig, invite, SipStatus.Ringing);

        SipMessages.Respond(b.Rig, invite, SipStatus.Ok, sdp: "");

        Assert.Equal(["OnRinging 180", "OnRingFailed Call"], b.Host.Steps);
        Assert.Equal(RingGroupState.Failed, group.State);
        Assert.Equal(1, b.Rig.PhoneCore.Count(SipMethod.Bye));
        Assert.Equal(RingEndReason.NoUsableMedia, b.Host.Single(CallEventKind.RingEnded).RingEnd);
    }

    [Fact]
    public async Task The_group_fails_once_the_last_of_its_phones_refuses()
    {
        await using var b = await RingerBench.StartAsync();
        var group = b.RingForCaller("2002", "2003");
        var (first, second) = (b.Rig.NextInviteAtPhone(), b.Rig.NextInviteAtPhone());

        SipMessages.Respond(b.Rig, first, SipStatus.BusyHere);
        Assert.Equal(RingGroupState.Ringing, group.State);
        Assert.Empty(b.Host.Steps);

        SipMessages.Respond(b.Rig, second, SipStatus.Decline);
        Assert.Equal(RingGroupState.Failed, group.State);
        Assert.Equal(["OnRingFailed Call"], b.Host.Steps);
        Assert.All(group.Branches, br => Assert.Equal(BranchState.Refused, br.State));
    }

    [Fact]
    public async Task A_late_refusal_to_an_abandoned_group_is_ignored()
    {
        await using var b = await RingerBench.StartAsync();
        var group = b.RingForCaller("2002");
        var invite = b.Rig.NextInviteAtPhone();
        SipMessages.Respond(b.Rig, invite, SipStatus.Ringing);
        b.Host.Steps.Clear();

        b.Ringer.AbandonCurrent(); // the phone answers our CANCEL 487
        b.Rig.Deliver();

        Assert.Equal(RingGroupState.Abandoned, group.State);
        Assert.Equal(BranchState.Refused, Assert.Single(group.Branches).State);
        Assert.Empty(b.Host.Steps);
        Assert.Equal(RingEndReason.Cancelled, b.Host.Single(CallEventKind.RingEnded).RingEnd);
    }

    [Fact]
    public async Task The_ring_limit_reaches_the_call_while_the_group_rings()
    {
        await using var b = await RingerBench.StartAsync();
        b.RingForCaller("2002");
        b.Rig.NextInviteAtPhone();

        b.Rig.Advance(TimeSpan.FromSeconds(20));

        Assert.Equal(["OnRingLimit Call"], b.Host.Steps);
    }

    [Theory]
    [InlineData("Answered")]
    [InlineData("Failed")]
    public async Task The_ring_limit_of_a_group_that_is_over_does_not_reach_the_call(string over)
    {
        await using var b = await RingerBench.StartAsync();
        var group = b.RingForCaller("2002");
        var invite = b.Rig.NextInviteAtPhone();
        SipMessages.Respond(b.Rig, invite, over == "Answered" ? SipStatus.Ok : SipStatus.BusyHere);
        if (over == "Answered")
        {
            group.Answered(group.Branches[0]); // as the call does
        }

        b.Rig.Advance(TimeSpan.FromSeconds(30));

        Assert.Equal(Enum.Parse<RingGroupState>(over), group.State);
        Assert.DoesNotContain(b.Host.Steps, s => s.StartsWith("OnRingLimit", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Ringing_for_the_caller_again_abandons_the_earlier_ringing()
    {
        await using var b = await RingerBench.StartAsync();
        var first = b.RingForCaller("2002");
        var atFirst = b.Rig.NextInviteAtPhone();
        SipMessages.Respond(b.Rig, atFirst, SipStatus.Ringing);

        var second = b.RingForCaller("2003");

        Assert.Same(second, b.Ringer.Current);
        Assert.Equal(RingGroupState.Abandoned, first.State);
        Assert.Equal(SipStatus.RequestTerminated, atFirst.LastResponse!.StatusCode);
        Assert.True(b.Ringer.Rings("2003"));
        Assert.False(b.Ringer.Rings("2002"));
    }

    [Fact]
    public async Task A_consultation_rings_for_the_operator_and_its_ringing_is_not_relayed_to_the_caller()
    {
        await using var b = await RingerBench.StartAsync();
        var consultation = new RingGroup(RingPurpose.Consultation, ["2002"]);
        Assert.True(b.Ringer.Start(consultation, [b.Rig.BindingFor("2002")], TimeSpan.FromSeconds(20), b.Rig.NewMedia));
        b.Rig.Deliver();

        SipMessages.Respond(b.Rig, b.Rig.NextInviteAtPhone(), SipStatus.Ringing);

        Assert.Null(b.Ringer.Current);
        Assert.Empty(b.Host.Steps);
        Assert.Equal("2002", b.Host.Single(CallEventKind.Ringing).Party);
    }

    [Fact]
    public async Task When_the_streams_run_out_the_group_is_abandoned_and_nothing_rings()
    {
        await using var b = await RingerBench.StartAsync();
        var group = new RingGroup(RingPurpose.Call, ["2002"]);

        Assert.False(b.Ringer.StartForCaller(group, [b.Rig.BindingFor("2002")], TimeSpan.FromSeconds(20), () => null, toTrunk: false));

        Assert.Equal(RingGroupState.Abandoned, group.State);
        Assert.Empty(group.Branches);
        Assert.Empty(b.Rig.PhoneCore.Invites);
    }

    [Fact]
    public async Task A_person_rings_once_however_many_phones_ring_and_stops_when_the_last_stops()
    {
        await using var b = await RingerBench.StartAsync();
        b.RingForCaller("2002", "2002");
        var (desk, mobile) = (b.Rig.NextInviteAtPhone(), b.Rig.NextInviteAtPhone());
        SipMessages.Respond(b.Rig, desk, SipStatus.Trying); // not ringing yet
        Assert.Empty(b.Host.Events);
        SipMessages.Respond(b.Rig, desk, SipStatus.Ringing);
        SipMessages.Respond(b.Rig, mobile, SipStatus.SessionProgress);
        Assert.Equal([CallEventKind.Ringing], b.Host.Kinds);
        Assert.Equal(["OnRinging 180", "OnRinging 183"], b.Host.Steps);

        SipMessages.Respond(b.Rig, desk, SipStatus.BusyHere);
        Assert.Equal([CallEventKind.Ringing], b.Host.Kinds);
        SipMessages.Respond(b.Rig, mobile, SipStatus.TemporarilyUnavailable);

        var ended = b.Host.Events[^1];
        Assert.Equal((CallEventKind.RingEnded, "2002", RingEndReason.NoAnswer, (int?)480), (ended.Kind, ended.Party, ended.RingEnd, ended.Status));
    }

    [Fact]
    public async Task A_person_who_answers_on_one_phone_owes_no_ring_end_for_the_others()
    {
        await using var b = await RingerBench.StartAsync();
        var group = b.RingForCaller("2002", "2002");
        var (desk, mobile) = (b.Rig.NextInviteAtPhone(), b.Rig.NextInviteAtPhone());
        SipMessages.Respond(b.Rig, desk, SipStatus.Ringing);
        SipMessages.Respond(b.Rig, mobile, SipStatus.Ringing);
        SipMessages.Respond(b.Rig, desk, SipStatus.Ok);
        var answered = group.Branches.Single(br => br.State == BranchState.Answered);

        b.Ringer.AnsweredBy(answered);
        group.Answered(answered); // the mobile is cancelled and answers 487
        b.Rig.Deliver();

        Assert.Equal(SipStatus.RequestTerminated, mobile.LastResponse!.StatusCode);
        Assert.Equal([CallEventKind.Ringing], b.Host.Kinds);
    }

    [Fact]
    public async Task A_retransmitted_2xx_is_acknowledged_again_and_answers_only_once()
    {
        await using var b = await RingerBench.StartAsync();
        b.RingForCaller("2002");
        var invite = b.Rig.NextInviteAtPhone();
        b.Rig.Network.Drop = p => p.Text.StartsWith("ACK", StringComparison.Ordinal) && b.Rig.Network.Sent.Count(s => s.Text.StartsWith("ACK", StringComparison.Ordinal)) == 1;

        SipMessages.Respond(b.Rig, invite, SipStatus.Ok); // our ACK is lost: the phone sends its 2xx again
        b.Rig.Advance(TimeSpan.FromSeconds(1));

        Assert.Single(b.Host.Steps, s => s.StartsWith("OnAnswered", StringComparison.Ordinal));
        Assert.Equal(1, b.Rig.PhoneCore.Count(SipMethod.Ack)); // the second ACK arrived
        Assert.Equal(2, b.Rig.Network.Sent.Count(p => p.Text.StartsWith("ACK", StringComparison.Ordinal)));
        Assert.Equal(0, b.Rig.PhoneCore.Count(SipMethod.Bye));
    }

    [Fact]
    public async Task A_second_forks_2xx_is_acknowledged_and_hung_up_and_the_first_answer_stands()
    {
        await using var b = await RingerBench.StartAsync();
        var group = b.RingForCaller("2002");
        var invite = b.Rig.NextInviteAtPhone();
        SipMessages.Respond(b.Rig, invite, SipStatus.Ok);
        var branch = group.Branches[0];
        var dialog = branch.Dialog;

        b.Ringer.OnResponse(branch, SipMessages.Response(branch.Transaction!.Request, SipStatus.Ok, toTag: "another-fork"));
        b.Rig.Deliver();

        Assert.Single(b.Host.Steps, s => s.StartsWith("OnAnswered", StringComparison.Ordinal));
        Assert.Same(dialog, branch.Dialog);
        Assert.Equal(2, b.Rig.PhoneCore.Count(SipMethod.Ack));
        var bye = Assert.Single(b.Rig.PhoneCore.Received, r => r.Method == SipMethod.Bye);
        Assert.Equal("another-fork", bye.To.Tag);
    }

    [Fact]
    public async Task At_the_end_every_leg_still_up_is_hung_up_or_cancelled_and_no_limit_fires()
    {
        await using var b = await RingerBench.StartAsync();
        var group = b.RingForCaller("2002", "2003");
        var (answering, ringing) = (b.Rig.NextInviteAtPhone(), b.Rig.NextInviteAtPhone());
        SipMessages.Respond(b.Rig, ringing, SipStatus.Ringing);
        SipMessages.Respond(b.Rig, answering, SipStatus.Ok);
        b.Host.Steps.Clear();
        b.Host.HasEnded = true; // as at the call's end

        b.Ringer.ReleaseAll();
        b.Rig.Advance(TimeSpan.FromSeconds(30));

        Assert.Equal(1, b.Rig.PhoneCore.Count(SipMethod.Bye));
        Assert.Equal(SipStatus.RequestTerminated, ringing.LastResponse!.StatusCode);
        Assert.Equal([BranchState.Released, BranchState.Refused], group.Branches.Select(br => br.State));
        Assert.Empty(b.Host.Steps);
    }

    /// <summary>A ringer with its dialer, a recording call, and the responses of its branches handed to it as a call does.</summary>
    private sealed class RingerBench : IAsyncDisposable
    {
        private RingerBench(PartsRig rig)
        {
            Rig = rig;
            Host = new FakeCallHost(() => rig.Now);
            var sink = new ResponseSink();
            Ringer = new Ringer(Host, rig.Dialer(sink), rig.Server.Scheduler);
            sink.Forward = (transaction, response) =>
            {
                if (transaction.Tag is Branch branch)
                {
                    Ringer.OnResponse(branch, response);
                }
            };
        }

        public PartsRig Rig { get; }

        public FakeCallHost Host { get; }

        public Ringer Ringer { get; }

        public static Task<RingerBench> StartAsync() => Task.FromResult(new RingerBench(new PartsRig()));

        /// <summary>Rings a phone of each extension for the caller (20 s), the INVITEs delivered.</summary>
        public RingGroup RingForCaller(params string[] extensions)
        {
            var group = new RingGroup(RingPurpose.Call, extensions.Distinct().ToList());
            Assert.True(Ringer.StartForCaller(group, [.. extensions.Select(Rig.BindingFor)], TimeSpan.FromSeconds(20), Rig.NewMedia, toTrunk: false));
            Rig.Deliver();
            return group;
        }

        public ValueTask DisposeAsync() => Rig.DisposeAsync();
    }
}
