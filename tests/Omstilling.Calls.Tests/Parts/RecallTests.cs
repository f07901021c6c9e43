using Omstilling.Calls.Control;
using Omstilling.Calls.Events;
using Omstilling.Calls.Signalling;
using Omstilling.Calls.Tests.Parts.Support;
using Omstilling.Policy.Model;
using Omstilling.Yaml;

namespace Omstilling.Calls.Tests.Parts;

/// <summary>
/// <see cref="Recall"/> (RingingOperator ⇄ Queued) and <see cref="Recalls"/>, an unanswered
/// transfer's way back: to the operator who made it when they are free (reserved in the same
/// step), else to the head of the queue; RingingOperator → Queued when the operator lets it ring
/// out (they rest a moment) or a phone answers; forgotten when the caller is taken elsewhere.
/// </summary>
public sealed class RecallTests
{
    [Theory]
    [InlineData("Queued", "RingOperator", "RingingOperator")]
    [InlineData("Queued", "Queue", "Queued")]
    [InlineData("RingingOperator", "RingOperator", "RingingOperator")]
    [InlineData("RingingOperator", "Queue", "Queued")]
    public void Each_step_leads_from_each_state_where_the_table_says(string from, string step, string to)
    {
        var recall = NewRecall();
        if (from == "RingingOperator")
        {
            recall.RingOperator();
        }

        Assert.Equal(Enum.Parse<RecallState>(from), recall.State);
        if (step == "RingOperator")
        {
            recall.RingOperator();
        }
        else
        {
            recall.Queue();
        }

        Assert.Equal(Enum.Parse<RecallState>(to), recall.State);
    }

    [Fact]
    public void A_new_recall_is_queued_and_its_view_says_who_did_not_take_it_and_whose_transfer_it_was()
    {
        var at = new DateTimeOffset(2026, 11, 30, 9, 5, 0, TimeSpan.Zero);
        var recall = new Recall("2002", "Bo Jensen", RingOutcome.Busy, "100", at);

        Assert.Equal(RecallState.Queued, recall.State);
        Assert.Equal(new RecallView("2002", "Bo Jensen", RingOutcome.Busy, "100", at), recall.View());
    }

    [Fact]
    public async Task A_free_operator_is_reserved_and_rung_for_their_recall_with_music_for_the_caller()
    {
        await using var b = new RecallsBench();
        b.Rig.Register("100");

        b.Recalls.ToSwitchboard(NewRecall());

        var recall = b.Recalls.Current!;
        Assert.Equal(RecallState.RingingOperator, recall.State);
        Assert.Equal(["PlayToCaller", "Ring Recall 100"], b.Host.Steps);
        Assert.Same(b.Rig.Music, b.Host.Playing);
        var recalled = b.Host.Single(CallEventKind.Recalled);
        Assert.Equal(("2002", "100", (RingOutcome?)RingOutcome.NoAnswer), (recalled.Party, recalled.Operator, recalled.Outcome));
        Assert.False(b.Rig.Queues.TryReserve(b.Rig.EndedCall("2009", "54731000"), "100")); // reserved for this call
    }

    [Theory]
    [InlineData("busy")]
    [InlineData("not registered")]
    [InlineData("no operator made it")]
    public async Task A_recall_whose_operator_cannot_take_it_waits_at_the_head_of_the_queue(string why)
    {
        await using var b = new RecallsBench();
        if (why == "busy")
        {
            b.Rig.Register("100");
            b.Rig.MakeBusy("100");
        }

        b.Recalls.ToSwitchboard(NewRecall(why == "no operator made it" ? null : "100"));

        Assert.Equal(RecallState.Queued, b.Recalls.Current!.State);
        Assert.Equal(["PlayToCaller", "RequeueAtHead"], b.Host.Steps);
        Assert.Null(b.Host.Single(CallEventKind.Recalled).Operator);
    }

    [Fact]
    public async Task An_operator_who_lets_their_recall_ring_out_rests_and_the_caller_goes_to_the_head_of_the_queue()
    {
        await using var b = new RecallsBench();
        b.Rig.Register("100");
        var queue = new Queue("hovedomstilling", "Hovedomstillingen", ["100"], new SourceLocation("test", 1, 1));
        b.Recalls.ToSwitchboard(NewRecall());
        b.Rig.Queues.Unreserve(b.Owner); // as the call does when the ringing fails
        b.Host.Steps.Clear();

        b.Recalls.Unanswered();

        Assert.Equal(RecallState.Queued, b.Recalls.Current!.State);
        Assert.Equal(["RequeueAtHead"], b.Host.Steps);
        Assert.False(b.Rig.Queues.HasFreeMember(queue)); // resting
        b.Rig.Advance(TimeSpan.FromSeconds(5));
        Assert.True(b.Rig.Queues.HasFreeMember(queue));
    }

    [Fact]
    public async Task An_answer_keeps_the_recall_only_for_the_console_and_a_new_transfer_forgets_it()
    {
        await using var b = new RecallsBench();
        b.Rig.Register("100");
        b.Recalls.ToSwitchboard(NewRecall());

        b.Recalls.Answered();
        Assert.Equal(RecallState.Queued, b.Recalls.Current!.State);

        b.Recalls.Forget();
        Assert.Null(b.Recalls.Current);
    }

    [Fact]
    public async Task With_no_recall_an_unanswered_ringing_or_an_answer_changes_nothing()
    {
        await using var b = new RecallsBench();

        b.Recalls.Unanswered();
        b.Recalls.Answered();

        Assert.Null(b.Recalls.Current);
        Assert.Empty(b.Host.Steps);
    }

    [Fact]
    public async Task A_recall_sent_straight_to_the_queue_is_queued_without_ringing_anyone()
    {
        await using var b = new RecallsBench();
        b.Rig.Register("100");

        b.Recalls.ToQueue(NewRecall());

        Assert.Equal(RecallState.Queued, b.Recalls.Current!.State);
        Assert.Equal(["RequeueAtHead"], b.Host.Steps);
        Assert.Equal(CallEventKind.Recalled, Assert.Single(b.Host.Events).Kind);
    }

    private static Recall NewRecall(string? op = "100") =>
        new("2002", "Bo Jensen", RingOutcome.NoAnswer, op, new DateTimeOffset(2026, 11, 30, 9, 5, 0, TimeSpan.Zero));

    private sealed class RecallsBench : IAsyncDisposable
    {
        public RecallsBench()
        {
            Host = new FakeCallHost(() => Rig.Now);
            Owner = Rig.EndedCall();
            Recalls = new Recalls(Host, Owner, Rig.Services);
        }

        public PartsRig Rig { get; } = new();

        public FakeCallHost Host { get; }

        public Call Owner { get; }

        public Recalls Recalls { get; }

        public ValueTask DisposeAsync() => Rig.DisposeAsync();
    }
}
