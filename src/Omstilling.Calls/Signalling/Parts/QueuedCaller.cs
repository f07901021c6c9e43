using Omstilling.Calls.Events;
using Omstilling.Calls.Media;
using Omstilling.Calls.Queues;
using Omstilling.Media.Audio;
using Omstilling.Media.Prompts;
using Omstilling.Policy;
using Omstilling.Policy.Model;
using Omstilling.Sip.Messages;
using Omstilling.Sip.Registrar;
using Omstilling.Sip.Timing;

namespace Omstilling.Calls.Signalling;

/// <summary>Where the caller is with the queues.</summary>
internal enum QueueWaitState
{
    /// <summary>In no queue.</summary>
    NotQueued,

    /// <summary>Waiting in a queue, hearing music and its place.</summary>
    Waiting,

    /// <summary>Waiting, and the queue offers the caller to members whose phones ring now.</summary>
    Offered,
}

/// <summary>
/// The caller's wait in a queue: it hears its place ("du er nummer 2 i køen") on entry and every
/// so often, never a higher number than last time, with music between; the queue offers it to
/// members while the music plays (the ringing is the call's); an offer that rings out keeps its
/// place; the queue's longest wait sends it on as the policy says. The queue itself (positions,
/// who is free, offers) is the <see cref="QueueManager"/>'s. Owned by its call and used under the
/// call's lock.
/// </summary>
internal sealed class QueuedCaller(IQueueHost call, Call owner, QueueManager queues, BindingStore bindings, SipScheduler scheduler, PromptLibrary prompts, AudioClip musicOnHold, Microsoft.Extensions.Logging.ILogger logger)
{
    private ScheduledTimer? _announce;
    private ScheduledTimer? _maxWait;
    private int _entry;
    private int _lastAnnounced = int.MaxValue;
    private bool _busyRuleTaken;

    public QueueWaitState State => Queue is null ? QueueWaitState.NotQueued : OfferedTo is null ? QueueWaitState.Waiting : QueueWaitState.Offered;

    /// <summary>The queue the caller waits in now, or null.</summary>
    public Queue? Queue { get; private set; }

    /// <summary>The members the caller is offered to now, or null.</summary>
    public IReadOnlyList<string>? OfferedTo { get; private set; }

    /// <summary>The operator who took the caller on the console for the offer now, if one did.</summary>
    public string? PickedBy { get; private set; }

    private long OfferId { get; set; }

    /// <summary>
    /// Joins the queue. When no member is free and the policy has a rule for that (the automatic
    /// menu), that comes first, once: a caller who then chooses to wait joins the queue. A recalled
    /// transfer goes to the head and hears music, not its place.
    /// </summary>
    public void Enter(Queue queue, PolicyAction? onBusy, bool recalled)
    {
        var freeNow = queues.HasFreeMember(queue);
        if (!recalled && !freeNow && onBusy is not null && !_busyRuleTaken)
        {
            _busyRuleTaken = true;
            call.Follow(onBusy, SipStatus.BusyHere, CallEndReason.Busy);
            return;
        }

        if (!call.AnswerCaller())
        {
            return;
        }

        Leave();
        call.ShowOnBoard();
        Queue = queue;
        _lastAnnounced = int.MaxValue;
        var entry = ++_entry;
        var position = queues.Enqueue(owner, queue, recalled);
        call.Emit(call.Event(CallEventKind.Queued) with { QueueId = queue.Id, Position = position });
        if (queue.AnnouncePosition && !recalled && !(freeNow && position == 1))
        {
            Announce(position);
        }
        else
        {
            call.PlayToCaller(freeNow && !recalled ? prompts.Get(StandardPrompts.Ringback) : Music(queue));
        }

        _announce = scheduler.Schedule(queue.AnnounceEvery, _ => call.Locked(() => OnAnnounceDue(entry), "a queue announcement"));
        if (queue.MaxWait is { } maxWait)
        {
            _maxWait = scheduler.Schedule(maxWait, _ => call.Locked(() => OnMaxWait(entry), "a queue's longest wait"));
        }
    }

    /// <summary>
    /// The queue offers this caller to <paramref name="members"/>; <paramref name="pickedBy"/> is
    /// the operator who took it on the console, if one did. The queue decided outside the call's
    /// lock: the caller may have been answered, gone, or moved on since, and an earlier offer may still ring.
    /// </summary>
    public void Offer(string[] members, TimeSpan ringFor, string? pickedBy, long offerId)
    {
        var phones = members.SelectMany(m => bindings.Lookup(m)).ToList();
        if (call.HasEnded || call.Connected || State != QueueWaitState.Waiting || !queues.IsCurrentOffer(owner, offerId) || phones.Count == 0)
        {
            queues.OfferFailed(owner, offerId, rest: false);
            return;
        }

        OfferedTo = members;
        PickedBy = pickedBy;
        OfferId = offerId;
        call.Emit(call.Event(CallEventKind.Offered) with { Members = members, Operator = pickedBy });
        QueueLog.Ringing(logger, owner.Id, members, phones);
        call.Ring(new RingGroup(RingPurpose.QueueOffer, members), phones, ringFor, ringback: false);
    }

    /// <summary>
    /// A member being offered this caller lost their phone (unregistered): their phones stop
    /// ringing; the others of a ring-all offer ring on, and when none is left the offer has failed
    /// (the caller keeps its place).
    /// </summary>
    public void Withdraw(string member)
    {
        if (call.HasEnded || call.Connected || OfferedTo is not { } offered || !offered.Contains(member, StringComparer.Ordinal)
            || call.Ringing is not { Purpose: RingPurpose.QueueOffer, IsRinging: true } ringing)
        {
            return;
        }

        foreach (var branch in ringing.Branches.Where(b => b.Party == member && !b.IsDone))
        {
            branch.Transaction?.Cancel();
        }
    }

    /// <summary>Every so often: the caller's place, when it may be said (not over a phone that rings for it, never a higher number).</summary>
    private void OnAnnounceDue(int entry)
    {
        if (Queue is not { } queue || entry != _entry)
        {
            return;
        }

        var position = queues.PositionOf(owner);
        if (queue.AnnouncePosition && OfferedTo is null && !call.Recalled && position > 0 && position <= _lastAnnounced)
        {
            Announce(position);
        }

        _announce = scheduler.Schedule(queue.AnnounceEvery, _ => call.Locked(() => OnAnnounceDue(entry), "a queue announcement"));
    }

    /// <summary>The queue's longest wait passed: the caller leaves it (an offer ringing is given up) and goes on by the queue's rule.</summary>
    private void OnMaxWait(int entry)
    {
        if (Queue is not { } queue || entry != _entry)
        {
            return;
        }

        if (State == QueueWaitState.Offered)
        {
            call.AbandonRinging();
        }

        Leave();
        call.Emit(call.Event(CallEventKind.QueueTimedOut) with { QueueId = queue.Id, Waited = queue.MaxWait });
        call.Follow(queue.OnTimeout, SipStatus.TemporarilyUnavailable, CallEndReason.NoAnswer);
    }

    /// <summary>The offer was not taken: the caller keeps its place (and the members who let it ring rest a moment).</summary>
    public void OfferFailed()
    {
        var id = OfferId;
        OfferedTo = null;
        PickedBy = null;
        queues.OfferFailed(owner, id, rest: true);
    }

    /// <summary>An unanswered transfer waits at the head of the switchboard's queue; the call ends when there is none.</summary>
    public void RequeueAtHead(TelephonePolicy? policy)
    {
        if (policy is { Switchboard.QueueId: { } queueId } && policy.Queues.TryGetValue(queueId, out var queue))
        {
            Enter(queue, onBusy: null, recalled: true);
            return;
        }

        call.Finish(SipStatus.TemporarilyUnavailable, CallEndReason.NoAnswer);
    }

    /// <summary>Leaves the queue; <paramref name="answeredBy"/> took the caller, when one did (the others of the offer rest while their phones stop).</summary>
    public void Leave(string? answeredBy = null)
    {
        if (Queue is null)
        {
            return;
        }

        Queue = null;
        OfferedTo = null;
        PickedBy = null;
        _announce?.Cancel();
        _maxWait?.Cancel();
        queues.Leave(owner, answeredBy);
    }

    private void Announce(int position)
    {
        _lastAnnounced = position;
        var queue = Queue!;
        call.Emit(call.Event(CallEventKind.PositionAnnounced) with { QueueId = queue.Id, Position = position });
        call.PlayThen(DanishPhrases.QueuePosition(position), () => call.PlayToCaller(Music(queue)));
    }

    /// <summary>The queue's music: a recording of its music prompt in the data directory, else the platform's music on hold.</summary>
    private AudioClip Music(Queue queue) =>
        queue.MusicPrompt is { } name && prompts.Locate(PolicyPrompts.Key(name)) is not null
            ? prompts.Get(PolicyPrompts.Key(name))
            : musicOnHold;
}
