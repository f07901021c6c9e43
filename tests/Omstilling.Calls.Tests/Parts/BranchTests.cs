using Omstilling.Calls.Signalling;
using Omstilling.Calls.Tests.Parts.Support;
using Omstilling.Sip.Messages;

namespace Omstilling.Calls.Tests.Parts;

/// <summary>
/// <see cref="Branch"/>'s state machine, every pair of state and step: Calling goes to Refused
/// (a final refusal) or Answered (a 2xx, ACKed), Answered to Released (hung up) or HandedOver (an
/// attended transfer from a phone gives the leg to the transferred call); every other step
/// is refused with an exception and leaves the branch as it was.
/// </summary>
public sealed class BranchTests
{

    private enum Step
    {
        Refuse,
        Answer,
        Release,
        HandOver,
    }

    /// <summary>Every state with every step: the state it leads to, or "refused".</summary>
    public static TheoryData<string, string, string> Transitions() => new()
    {
        { "Calling", "Refuse", "Refused" },
        { "Calling", "Answer", "Answered" },
        { "Calling", "Release", "refused" },
        { "Calling", "HandOver", "refused" },
        { "Refused", "Refuse", "refused" },
        { "Refused", "Answer", "refused" },
        { "Refused", "Release", "refused" },
        { "Refused", "HandOver", "refused" },
        { "Answered", "Refuse", "refused" },
        { "Answered", "Answer", "refused" },
        { "Answered", "Release", "Released" },
        { "Answered", "HandOver", "HandedOver" },
        { "Released", "Refuse", "refused" },
        { "Released", "Answer", "refused" },
        { "Released", "Release", "refused" },
        { "Released", "HandOver", "refused" },
        { "HandedOver", "Refuse", "refused" },
        { "HandedOver", "Answer", "refused" },
        { "HandedOver", "Release", "refused" },
        { "HandedOver", "HandOver", "refused" },
    };

    [Theory]
    [MemberData(nameof(Transitions))]
    public async Task Each_step_leads_from_each_state_where_the_table_says_or_is_refused(string from, string step, string to)
    {
        await using var rig = new PartsRig();
        var start = Enum.Parse<BranchState>(from);
        var branch = BranchIn(rig, start);

        var refused = Record.Exception(() => Take(branch, Enum.Parse<Step>(step)));

        if (to == "refused")
        {
            Assert.IsType<InvalidOperationException>(refused);
            Assert.Equal(start, branch.State);
        }
        else
        {
            Assert.Null(refused);
            Assert.Equal(Enum.Parse<BranchState>(to), branch.State);
        }
    }

    [Fact]
    public void The_table_covers_every_state_and_every_step()
    {
        var covered = Transitions().Select(row => ((string)row[0], (string)row[1])).ToHashSet();

        foreach (var state in Enum.GetNames<BranchState>())
        {
            foreach (var step in Enum.GetNames<Step>())
            {
                Assert.Contains((state, step), covered);
            }
        }
    }

    [Fact]
    public async Task A_new_branch_is_calling_and_not_done()
    {
        await using var rig = new PartsRig();
        var branch = NewBranch(rig);

        Assert.Equal(BranchState.Calling, branch.State);
        Assert.False(branch.IsDone);
        Assert.Null(branch.Dialog);
        Assert.Null(branch.FinalResponse);
    }

    [Fact]
    public async Task A_refusal_is_kept_as_the_final_response_and_the_branch_is_done()
    {
        await using var rig = new PartsRig();
        var branch = NewBranch(rig);
        var busy = SipMessages.Response(SipMessages.Invite(), SipStatus.BusyHere);

        branch.Refused(busy);

        Assert.Same(busy, branch.FinalResponse);
        Assert.True(branch.IsDone);
        Assert.Null(branch.Dialog);
    }

    [Fact]
    public async Task An_answer_keeps_its_dialog_and_ack_for_retransmitted_2xx_and_a_release_keeps_them()
    {
        await using var rig = new PartsRig();
        var branch = NewBranch(rig);
        var invite = SipMessages.Invite();
        var ok = SipMessages.Response(invite, SipStatus.Ok);
        var (dialog, ack) = SipMessages.Answered(invite, ok);

        branch.Answered(ok, dialog, ack);
        Assert.True(branch.IsDone);
        Assert.Same(dialog, branch.Dialog);
        Assert.Same(ack, branch.Ack);
        Assert.Same(ok, branch.FinalResponse);

        branch.Released();
        Assert.Equal(BranchState.Released, branch.State);
        Assert.Same(dialog, branch.Dialog);
        Assert.True(branch.IsDone);
    }

    [Fact]
    public async Task A_leg_handed_over_is_the_same_leg_answered_in_the_group_that_takes_it_over()
    {
        await using var rig = new PartsRig();
        var branch = NewBranch(rig);
        Take(branch, Step.Answer);
        var group = RingGroup.TakenOver(branch.Party);

        var adopted = branch.HandOver(group);

        Assert.Equal((BranchState.HandedOver, BranchState.Answered), (branch.State, adopted.State));
        Assert.Same(branch.Dialog, adopted.Dialog);
        Assert.Same(branch.Media, adopted.Media);
        Assert.Same(branch.Ack, adopted.Ack);
        Assert.Same(group, adopted.Group);
        Assert.Equal([adopted], group.Branches);
        Assert.Equal(RingGroupState.Answered, group.State);
    }

    [Fact]
    public async Task A_refused_answer_after_a_refusal_leaves_the_refusal_in_place()
    {
        await using var rig = new PartsRig();
        var branch = NewBranch(rig);
        var invite = SipMessages.Invite();
        var declined = SipMessages.Response(invite, SipStatus.Decline);
        branch.Refused(declined);
        var ok = SipMessages.Response(invite, SipStatus.Ok);
        var (dialog, ack) = SipMessages.Answered(invite, ok);

        Assert.Throws<InvalidOperationException>(() => branch.Answered(ok, dialog, ack));

        Assert.Same(declined, branch.FinalResponse);
        Assert.Null(branch.Dialog);
        Assert.Null(branch.Ack);
    }

    [Fact]
    public async Task The_party_is_the_bindings_address_of_record_and_the_group_is_the_one_it_rings_for()
    {
        await using var rig = new PartsRig();
        var group = new RingGroup(RingPurpose.Transfer, ["2002"]);
        var branch = new Branch(rig.BindingFor("2002"), rig.NewMedia(), group, toTrunk: false);

        Assert.Equal("2002", branch.Party);
        Assert.Same(group, branch.Group);
        Assert.False(branch.ToTrunk);
    }

    private static Branch NewBranch(PartsRig rig) => new(rig.BindingFor("2002"), rig.NewMedia(), new RingGroup(RingPurpose.Call, ["2002"]), toTrunk: false);

    private static Branch BranchIn(PartsRig rig, BranchState state)
    {
        var branch = NewBranch(rig);
        switch (state)
        {
            case BranchState.Calling:
                break;
            case BranchState.Refused:
                Take(branch, Step.Refuse);
                break;
            case BranchState.Answered:
                Take(branch, Step.Answer);
                break;
            case BranchState.Released:
                Take(branch, Step.Answer);
                Take(branch, Step.Release);
                break;
            case BranchState.HandedOver:
                Take(branch, Step.Answer);
                Take(branch, Step.HandOver);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(state));
        }

        Assert.Equal(state, branch.State);
        return branch;
    }

    private static void Take(Branch branch, Step step)
    {
        var invite = SipMessages.Invite();
        switch (step)
        {
            case Step.Refuse:
                branch.Refused(SipMessages.Response(invite, SipStatus.BusyHere));
                break;
            case Step.Answer:
                var ok = SipMessages.Response(invite, SipStatus.Ok);
                var (dialog, ack) = SipMessages.Answered(invite, ok);
                branch.Answered(ok, dialog, ack);
                break;
            case Step.Release:
                branch.Released();
                break;
            case Step.HandOver:
                branch.HandOver(RingGroup.TakenOver(branch.Party));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(step));
        }
    }
}
