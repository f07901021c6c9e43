using System.Globalization;
using Omstilling.Calls.Events;
using Omstilling.Calls.Media;
using Omstilling.Media.Audio;
using Omstilling.Media.Prompts;
using Omstilling.Policy.Model;
using Omstilling.Sip.Messages;
using Omstilling.Sip.Timing;

namespace Omstilling.Calls.Signalling;

/// <summary>
/// Waiting in a queue: the caller hears its place ("du er nummer 2 i køen") on entry and every
/// so often, never a higher number than last time, with music between; the queue offers the call
/// to members (<see cref="Queues.QueueManager"/>) while the music plays; an offer that rings out
/// keeps the caller's place; the queue's maximum wait sends the caller on as the policy says.
/// </summary>
internal sealed partial class Call
{
    private Queue? _queue;
    private string[]? _queueOffer;
    private string? _pickedBy;
    private bool _busyOverflowTaken;
    private int _lastAnnounced = int.MaxValue;
    private ScheduledTimer? _announce;
    private ScheduledTimer? _maxWait;
    private long _queueOfferId;

    /// <summary>Counts the caller's entries into queues, so a timer of an earlier wait does nothing.</summary>
    private int _queueEntry;

    /// <summary>The queue the caller waits in now, or null.</summary>
    private string? QueueId => _queue?.Id;

    /// <summary>
    /// Joins the queue; when no member is free and the policy has a rule for that (the automatic
    /// menu), that comes first, once: a caller who then chooses to wait joins the queue. A recalled
    /// transfer goes to the head and hears music, not its position.
    /// </summary>
    private void EnterQueue(Queue queue, PolicyAction? onBusy, bool recalled)
    {
        var freeNow = _manager.Queues.HasFreeMember(queue);
        if (!recalled && !freeNow && onBusy is not null && !_busyOverflowTaken)
        {
            _busyOverflowTaken = true;
            Follow(onBusy, SipStatus.BusyHere, CallEndReason.Busy);
            return;
        }

        if (!AnswerCaller())
        {
            End(CallEndReason.CallerCancelled, SipStatus.RequestTerminated);
            return;
        }

        LeaveQueue();
        _onBoard = true;
        _queue = queue;
        _lastAnnounced = int.MaxValue;
        var entry = ++_queueEntry;
        var position = _manager.Queues.Enqueue(this, queue, recalled);
        Emit(Event(CallEventKind.Queued) with { QueueId = queue.Id, Position = position });
        if (queue.AnnouncePosition && !recalled && !(freeNow && position == 1))
        {
            Announce(position);
        }
        else
        {
            PlayToCaller(freeNow && !recalled ? _manager.Prompts.Get(StandardPrompts.Ringback) : QueueMusic(queue));
        }

        _announce = Stack.Scheduler.Schedule(queue.AnnounceEvery, _ => OnAnnounceDue(entry));
        if (queue.MaxWait is { } maxWait)
        {
            _maxWait = Stack.Scheduler.Schedule(maxWait, _ => OnMaxWait(entry));
        }
    }

    /// <summary>
    /// The queue offers this caller to <paramref name="members"/> (called without any lock held);
    /// <paramref name="pickedBy"/> is the operator who took it on the console, if one did.
    /// </summary>
    internal void OfferFromQueue(string[] members, TimeSpan ringFor, string? pickedBy, long offerId)
    {
        lock (_sync)
        {
            // The queue decided outside this lock: the caller may have been answered, gone, or
            // moved on since, and an earlier offer may still ring.
            if (_queue is null || State == CallState.Ended || _queueOffer is not null || _answered is not null
                || !_manager.Queues.IsCurrentOffer(this, offerId))
            {
                _manager.Queues.OfferFailed(this, offerId, rest: false);
                return;
            }

            var bindings = members.SelectMany(m => _manager.Bindings.Lookup(m)).ToList();
            if (bindings.Count == 0)
            {
                _manager.Queues.OfferFailed(this, offerId, rest: false);
                return;
            }

            _queueOffer = members;
            _queueOfferId = offerId;
            _pickedBy = pickedBy;
            Emit(Event(CallEventKind.Offered) with { Members = members, Operator = pickedBy });
            StartBranches(bindings, ringFor, ringback: false);
        }
    }

    /// <summary>
    /// A member being offered this caller lost their phone (unregistered): their phones stop
    /// ringing; the others of a ring-all offer ring on, and when none is left the offer has failed
    /// (the caller keeps its place).
    /// </summary>
    internal void WithdrawQueueOffer(string member)
    {
        lock (_sync)
        {
            if (_queueOffer is null || State == CallState.Ended || _answered is not null || !_queueOffer.Contains(member, StringComparer.Ordinal))
            {
                return;
            }

            foreach (var branch in _branches.Where(b => b.Attempt == _attempt && b.Party == member && !b.IsDone))
            {
                branch.Transaction?.Cancel();
            }
        }
    }

    /// <summary>The member(s) did not take the call: the caller keeps waiting where it was.</summary>
    private void QueueOfferFailed()
    {
        var id = _queueOfferId;
        _queueOffer = null;
        _pickedBy = null;
        _manager.Queues.OfferFailed(this, id, rest: true);
    }

    /// <param name="answeredBy">The member who took the caller, when one did: the others of the offer rest a moment while their phones stop.</param>
    private void LeaveQueue(string? answeredBy = null)
    {
        if (_queue is null)
        {
            return;
        }

        _queue = null;
        _queueOffer = null;
        _pickedBy = null;
        _announce?.Cancel();
        _maxWait?.Cancel();
        _manager.Queues.Leave(this, answeredBy);
    }

    private void Announce(int position)
    {
        _lastAnnounced = position;
        Emit(Event(CallEventKind.PositionAnnounced) with { QueueId = _queue!.Id, Position = position });
        var queue = _queue!;
        PlayThen(DanishPhrases.QueuePosition(position), () => PlayToCaller(QueueMusic(queue)));
    }

    private void OnAnnounceDue(int entry)
    {
        lock (_sync)
        {
            if (_queue is not { } queue || State == CallState.Ended || entry != _queueEntry)
            {
                return;
            }

            // Not over a phone that is ringing for this caller, and never a higher number than before.
            var position = _manager.Queues.PositionOf(this);
            if (queue.AnnouncePosition && _queueOffer is null && _recall is null && position > 0 && position <= _lastAnnounced)
            {
                Announce(position);
            }

            _announce = Stack.Scheduler.Schedule(queue.AnnounceEvery, _ => OnAnnounceDue(entry));
        }
    }

    private void OnMaxWait(int entry)
    {
        lock (_sync)
        {
            if (_queue is not { } queue || State == CallState.Ended || entry != _queueEntry)
            {
                return;
            }

            if (_queueOffer is not null)
            {
                AbandonAttempt();
            }

            LeaveQueue();
            Emit(Event(CallEventKind.QueueTimedOut) with { QueueId = queue.Id, Waited = queue.MaxWait });
            Follow(queue.OnTimeout, SipStatus.TemporarilyUnavailable, CallEndReason.NoAnswer);
        }
    }

    /// <summary>
    /// Gives up the current ringing: its phones are cancelled and their late answers and refusals
    /// belong to an attempt that is over (a late 487 must not count as a new failure).
    /// </summary>
    private void AbandonAttempt()
    {
        CancelBranches(except: null);
        _ringLimit?.Cancel();
        _attempt++;
        _manager.Queues.Unreserve(this);
    }

    /// <summary>The queue's music: a recording of its music prompt in the data directory, else the platform's music on hold.</summary>
    private AudioClip QueueMusic(Queue queue) =>
        queue.MusicPrompt is { } name && _manager.Prompts.Locate(PolicyPrompts.Key(name)) is not null
            ? _manager.Prompts.Get(PolicyPrompts.Key(name))
            : _manager.MusicOnHold;
}
