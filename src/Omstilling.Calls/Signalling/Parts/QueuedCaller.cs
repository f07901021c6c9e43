using Omstilling.Calls.Events;
using Omstilling.Calls.Media;
using Omstilling.Calls.Queues;
using Omstilling.Media.Audio;
using Omstilling.Media.Prompts;
using Omstilling.Policy.Model;
using Omstilling.Sip.Messages;
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
internal sealed class QueuedCaller(ICallSteps call, Call owner, QueueManager queues, SipScheduler scheduler, PromptLibrary prompts, AudioClip musicOnHold)
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
    /// transfer goes to the head and hears music, not its place. <paramref name="quiet"/> says
    /// whether the caller should hear its place (an announcement would be over a phone that rings for it).
    /// </summary>
    public void Enter(Queue queue, PolicyAction? onBusy, bool recalled, Action<int> announceDue, Action<int> maxWaitReached)
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

        _announce = scheduler.Schedule(queue.AnnounceEvery, _ => announceDue(entry));
        if (queue.MaxWait is { } maxWait)
        {
            _maxWait = scheduler.Schedule(maxWait, _ => maxWaitReached(entry));
        }
    }

    /// <summary>Every so often: the caller's place, when it may be said (not over a phone that rings for it, never a higher number).</summary>
    public void OnAnnounceDue(int entry, bool recalled, Action<int> announceDue)
    {
        if (Queue is not { } queue || entry != _entry)
        {
            return;
        }

        var position = queues.PositionOf(owner);
        if (queue.AnnouncePosition && OfferedTo is null && !recalled && position > 0 && position <= _lastAnnounced)
        {
            Announce(position);
        }

        _announce = scheduler.Schedule(queue.AnnounceEvery, _ => announceDue(entry));
    }

    /// <summary>The queue's longest wait passed: the caller leaves it; returns the queue (to follow its rule), or null when the timer was stale.</summary>
    public Queue? OnMaxWait(int entry)
    {
        if (Queue is not { } queue || entry != _entry)
        {
            return null;
        }

        Leave();
        call.Emit(call.Event(CallEventKind.QueueTimedOut) with { QueueId = queue.Id, Waited = queue.MaxWait });
        return queue;
    }

    /// <summary>Whether the queue may offer this caller now (it waits, no offer rings, and the offer is the queue's current one).</summary>
    public bool MayTakeOffer(long offerId) => State == QueueWaitState.Waiting && queues.IsCurrentOffer(owner, offerId);

    /// <summary><see cref="QueueWaitState.Waiting"/> to <see cref="QueueWaitState.Offered"/>.</summary>
    public void Offered(IReadOnlyList<string> members, string? pickedBy, long offerId)
    {
        OfferedTo = members;
        PickedBy = pickedBy;
        OfferId = offerId;
        call.Emit(call.Event(CallEventKind.Offered) with { Members = members, Operator = pickedBy });
    }

    /// <summary>The offer was not taken: the caller keeps its place (and the members who let it ring rest a moment).</summary>
    public void OfferFailed()
    {
        var id = OfferId;
        OfferedTo = null;
        PickedBy = null;
        queues.OfferFailed(owner, id, rest: true);
    }

    /// <summary>The queue's offer could not start (the caller moved on, nobody registered): the queue tries again.</summary>
    public void RefuseOffer(long offerId) => queues.OfferFailed(owner, offerId, rest: false);

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
