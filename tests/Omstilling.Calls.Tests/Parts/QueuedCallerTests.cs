using Omstilling.Calls.Events;
using Omstilling.Calls.Queues;
using Omstilling.Calls.Signalling;
using Omstilling.Calls.Tests.Parts.Support;
using Omstilling.Policy.Model;
using Omstilling.Sip.Messages;
using Omstilling.Yaml;

namespace Omstilling.Calls.Tests.Parts;

/// <summary>
/// <see cref="QueuedCaller"/>'s state machine against the real <see cref="QueueManager"/>:
/// NotQueued → Waiting (it joins, hears its place) → Offered (the queue or an operator offers it
/// to members) → Waiting (the offer rang out; it keeps its place) → NotQueued (answered, gone, or
/// its longest wait passed). Offers the caller can no longer take are refused; two operators
/// picking the same caller at once get one offer between them.
/// </summary>
public sealed class QueuedCallerTests
{
    private static readonly string[] Operators = ["100", "101"];

    [Fact]
    public async Task Not_queued_then_waiting_with_its_place_said_then_music()
    {
        await using var b = new QueueBench();
        Assert.Equal(QueueWaitState.NotQueued, b.Caller.State);

        b.Caller.Enter(b.Queue, onBusy: null, recalled: false);

        Assert.Equal((QueueWaitState.Waiting, b.Queue), (b.Caller.State, b.Caller.Queue));
        Assert.Equal(["AnswerCaller", "ShowOnBoard", "PlayThen du-er-nummer,tal-1-et,i-koeen", "AnswerCaller"], b.Host.Steps);
        Assert.Equal(1, b.Host.Single(CallEventKind.Queued).Position);
        Assert.Equal(1, b.Host.Single(CallEventKind.PositionAnnounced).Position);
        b.Host.FinishPrompts();
        Assert.Same(b.Rig.Music, b.Host.Playing);
        Assert.Equal(1, b.Rig.Queues.PositionOf(b.Owner));
    }

    [Fact]
    public async Task With_nobody_free_the_busy_rule_comes_first_once_and_a_caller_who_then_waits_joins()
    {
        await using var b = new QueueBench();
        var menu = new PolicyAction(ActionKind.Menu, "automatisk-omstilling", default);

        b.Caller.Enter(b.Queue, menu, recalled: false);
        Assert.Equal(QueueWaitState.NotQueued, b.Caller.State);
        Assert.Equal(["Follow Menu automatisk-omstilling 486 Busy"], b.Host.Steps);

        b.Caller.Enter(b.Queue, menu, recalled: false); // "tast 9 for at vente"
        Assert.Equal(QueueWaitState.Waiting, b.Caller.State);
    }

    [Fact]
    public async Task A_caller_whose_cancel_won_does_not_join()
    {
        await using var b = new QueueBench();
        b.Host.CanAnswer = false;

        b.Caller.Enter(b.Queue, onBusy: null, recalled: false);

        Assert.Equal(QueueWaitState.NotQueued, b.Caller.State);
        Assert.Empty(b.Host.Events);
        Assert.Equal(0, b.Rig.Queues.PositionOf(b.Owner));
    }

    [Fact]
    public async Task Waiting_then_offered_to_the_operator_who_picked_it_then_waiting_again_when_it_rings_out()
    {
        await using var b = new QueueBench();
        b.Caller.Enter(b.Queue, onBusy: null, recalled: false);
        Assert.Equal(PickResult.Offered, b.Rig.Queues.Pick(b.Owner, "100"));

        b.Caller.Offer(["100"], TimeSpan.FromSeconds(15), "100", b.CurrentOffer());

        Assert.Equal((QueueWaitState.Offered, "100"), (b.Caller.State, b.Caller.PickedBy));
        Assert.Equal(["100"], b.Caller.OfferedTo!);
        Assert.Equal("Ring QueueOffer 100", b.Host.Steps[^1]);
        Assert.Equal("100", b.Host.Single(CallEventKind.Offered).Operator);

        b.Caller.OfferFailed();

        Assert.Equal((QueueWaitState.Waiting, (string?)null), (b.Caller.State, b.Caller.PickedBy));
        Assert.Null(b.Caller.OfferedTo);
        Assert.Equal(1, b.Rig.Queues.PositionOf(b.Owner)); // it keeps its place
        Assert.Equal(PickResult.Offered, b.Rig.Queues.Pick(b.Owner, "101")); // the offer is over: another may pick it
    }

    [Theory]
    [InlineData("not queued")]
    [InlineData("offered already")]
    [InlineData("a stale offer")]
    [InlineData("the call is over")]
    [InlineData("someone talks to the caller")]
    [InlineData("no phone")]
    public async Task An_offer_the_caller_cannot_take_is_refused_and_nothing_rings(string why)
    {
        await using var b = new QueueBench();
        if (why != "not queued")
        {
            b.Caller.Enter(b.Queue, onBusy: null, recalled: false);
            Assert.Equal(PickResult.Offered, b.Rig.Queues.Pick(b.Owner, "100"));
        }

        var offer = why == "not queued" ? 1 : b.CurrentOffer();
        var members = why == "no phone" ? new[] { "2999" } : ["100"];
        switch (why)
        {
            case "offered already":
                b.Caller.Offer(["100"], TimeSpan.FromSeconds(15), "100", offer);
                break;
            case "a stale offer":
                offer--;
                break;
            case "the call is over":
                b.Host.HasEnded = true;
                break;
            case "someone talks to the caller":
                b.Host.Connected = true;
                break;
        }

        var state = b.Caller.State;
        var rung = b.Host.Rung.Count;

        b.Caller.Offer(members, TimeSpan.FromSeconds(15), null, offer);

        Assert.Equal(state, b.Caller.State);
        Assert.Equal(rung, b.Host.Rung.Count);
    }

    [Fact]
    public async Task Leaving_ends_the_wait_whether_waiting_or_offered()
    {
        await using var b = new QueueBench();
        b.Caller.Enter(b.Queue, onBusy: null, recalled: false);
        Assert.Equal(PickResult.Offered, b.Rig.Queues.Pick(b.Owner, "100"));
        b.Caller.Offer(["100"], TimeSpan.FromSeconds(15), "100", b.CurrentOffer());

        b.Caller.Leave(answeredBy: "100");

        Assert.Equal(QueueWaitState.NotQueued, b.Caller.State);
        Assert.Null(b.Caller.Queue);
        Assert.Equal(0, b.Rig.Queues.PositionOf(b.Owner));
        var events = b.Host.Events.Count;
        b.Rig.Advance(TimeSpan.FromMinutes(11));
        Assert.Equal(events, b.Host.Events.Count); // no more announcements, and no longest wait
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task After_its_longest_wait_the_caller_leaves_the_queue_by_its_rule_giving_up_an_offer_that_rings(bool offered)
    {
        await using var b = new QueueBench();
        b.Caller.Enter(b.Queue, onBusy: null, recalled: false);
        if (offered)
        {
            Assert.Equal(PickResult.Offered, b.Rig.Queues.Pick(b.Owner, "100"));
            b.Caller.Offer(["100"], TimeSpan.FromMinutes(20), "100", b.CurrentOffer());
        }

        b.Rig.Advance(TimeSpan.FromMinutes(10));

        Assert.Equal(QueueWaitState.NotQueued, b.Caller.State);
        Assert.Equal(TimeSpan.FromMinutes(10), b.Host.Single(CallEventKind.QueueTimedOut).Waited);
        Assert.Equal("Follow Voicemail switchboard 480 NoAnswer", b.Host.Steps[^1]);
        Assert.Equal(offered, b.Host.Steps.Contains("AbandonRinging"));
        Assert.Equal(0, b.Rig.Queues.PositionOf(b.Owner));
    }

    [Fact]
    public async Task Its_place_is_said_again_every_so_often_never_higher_and_not_while_an_offer_rings()
    {
        await using var b = new QueueBench();
        var ahead = b.Rig.EndedCall("2005", "54731000");
        b.Rig.Queues.Enqueue(ahead, b.Queue);
        b.Caller.Enter(b.Queue, onBusy: null, recalled: false);
        var recalled = b.Rig.EndedCall("2006", "54731000");
        b.Rig.Queues.Enqueue(recalled, b.Queue, recalled: true); // a recall goes ahead of it: it is number 3 now
        Assert.Equal([2], b.Announced());

        b.Rig.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal([2], b.Announced()); // never a higher number than last time

        b.Rig.Queues.Leave(ahead);
        b.Rig.Queues.Leave(recalled);
        b.Rig.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal([2, 1], b.Announced());

        Assert.Equal(PickResult.Offered, b.Rig.Queues.Pick(b.Owner, "100"));
        b.Caller.Offer(["100"], TimeSpan.FromMinutes(2), "100", b.CurrentOffer());
        b.Rig.Advance(TimeSpan.FromSeconds(60));
        Assert.Equal([2, 1], b.Announced());
    }

    [Fact]
    public async Task The_queue_logs_the_members_it_rings_and_their_phones()
    {
        await using var b = new QueueBench();
        b.Caller.Enter(b.Queue, onBusy: null, recalled: false);
        Assert.Equal(PickResult.Offered, b.Rig.Queues.Pick(b.Owner, "100"));

        b.Caller.Offer(["100"], TimeSpan.FromSeconds(15), "100", b.CurrentOffer());

        var (eventId, message) = Assert.Single(b.Log.Entries);
        Assert.Equal(2030, eventId);
        Assert.Equal($"Call {b.Owner.Id}: the queue rings 100 on 1 phone(s): 100 at {b.Rig.Bindings.Lookup("100")[0].Source}", message);
    }

    [Fact]
    public async Task A_member_who_lost_their_phone_stops_ringing_and_the_others_ring_on()
    {
        await using var b = new QueueBench();
        b.Caller.Enter(b.Queue, onBusy: null, recalled: false);
        var dialer = b.Rig.Dialer(new ResponseSink());
        b.Host.Ringing = new RingGroup(RingPurpose.QueueOffer, ["100", "101"]); // as the call rings a ring-all offer
        var phones = Operators.Select(m => dialer.Dial(b.Host.Ringing, b.Rig.BindingFor(m), b.Rig.NewMedia(), toTrunk: false)).ToList();
        b.Rig.Deliver();
        var invites = new[] { b.Rig.NextInviteAtPhone(), b.Rig.NextInviteAtPhone() };
        Array.ForEach(invites, i => SipMessages.Respond(b.Rig, i, SipStatus.Ringing));
        Assert.Equal(PickResult.Offered, b.Rig.Queues.Pick(b.Owner, "100"));
        b.Caller.Offer(["100", "101"], TimeSpan.FromSeconds(15), null, b.CurrentOffer());
        b.Host.Ringing = phones[0].Group;

        b.Caller.Withdraw("100");
        b.Caller.Withdraw("2999"); // not offered the caller
        b.Rig.Deliver();

        Assert.Equal([SipStatus.RequestTerminated, SipStatus.Ringing], invites.Select(i => i.LastResponse!.StatusCode));
        Assert.Equal(QueueWaitState.Offered, b.Caller.State);
    }

    [Fact]
    public async Task A_recall_with_no_switchboard_queue_finishes_the_call()
    {
        await using var b = new QueueBench();

        b.Caller.RequeueAtHead(policy: null);

        Assert.Equal(["Finish 480 NoAnswer"], b.Host.Steps);
        Assert.Equal(QueueWaitState.NotQueued, b.Caller.State);
    }

    /// <summary>The race "two operators pick the same caller": each round, two operators pick the one waiting caller at the same instant.</summary>
    [Fact]
    public async Task Two_operators_picking_the_same_waiting_caller_at_once_get_one_offer_and_one_taken_by_other()
    {
        await using var b = new QueueBench();
        for (var round = 0; round < 50; round++)
        {
            var owner = b.Rig.EndedCall();
            var caller = b.NewCaller(owner);
            caller.Enter(b.Queue, onBusy: null, recalled: false);
            using var start = new Barrier(2);
            var picks = Operators.Select(op => Task.Run(() =>
            {
                start.SignalAndWait(TimeSpan.FromSeconds(10));
                return (Op: op, Result: b.Rig.Queues.Pick(owner, op));
            })).ToArray();
            var results = await Task.WhenAll(picks).WaitAsync(TimeSpan.FromSeconds(10));

            var winner = Assert.Single(results, r => r.Result == PickResult.Offered).Op;
            Assert.Single(results, r => r.Result == PickResult.TakenByOther);
            caller.Offer([winner], TimeSpan.FromSeconds(15), winner, b.CurrentOffer(owner));
            Assert.Equal((QueueWaitState.Offered, winner), (caller.State, caller.PickedBy));
            Assert.Equal(PickResult.TakenByOther, b.Rig.Queues.Pick(owner, winner == "100" ? "101" : "100"));
            caller.Leave(answeredBy: winner);
        }
    }

    /// <summary>A queued caller on a recording call; the queue's members 100 and 101 are registered but paused, so only picks offer it.</summary>
    private sealed class QueueBench : IAsyncDisposable
    {
        public QueueBench()
        {
            Host = new FakeCallHost(() => Rig.Now);
            Owner = Rig.EndedCall();
            Caller = NewCaller(Owner);
            foreach (var member in Queue.Members)
            {
                Rig.Register(member);
                Rig.Queues.Pause(member, "Pause");
            }
        }

        public PartsRig Rig { get; } = new();

        public FakeCallHost Host { get; }

        public Call Owner { get; }

        public QueuedCaller Caller { get; }

        public Queue Queue { get; } = new("hovedomstilling", "Hovedomstillingen", ["100", "101"], new SourceLocation("test", 1, 1))
        {
            AnnouncePosition = true,
            MaxWait = TimeSpan.FromMinutes(10),
            OnTimeout = new PolicyAction(ActionKind.Voicemail, "switchboard", default),
        };

        public ListLogger Log { get; } = new();

        public QueuedCaller NewCaller(Call owner) => new(Host, owner, Rig.Queues, Rig.Bindings, Rig.Server.Scheduler, Rig.Prompts, Rig.Music, Log);

        /// <summary>The queue's offer of the caller now.</summary>
        public long CurrentOffer(Call? owner = null) => Enumerable.Range(1, 1000).Select(i => (long)i).Single(id => Rig.Queues.IsCurrentOffer(owner ?? Owner, id));

        public int?[] Announced() => [.. Host.Events.Where(e => e.Kind == CallEventKind.PositionAnnounced).Select(e => e.Position)];

        public ValueTask DisposeAsync() => Rig.DisposeAsync();
    }
}
