using Omstilling.Calls.Control;
using Omstilling.Calls.Events;
using Omstilling.Calls.Queues;
using Omstilling.Policy.Model;
using Omstilling.Sip.Messages;

namespace Omstilling.Calls.Signalling;

/// <summary>
/// The switchboard's side of a call: the console's commands (each checked against the call as it
/// is, under its lock, so two operators acting at once get one answer each), the call as the
/// console sees it, and the queue's offers.
/// </summary>
internal sealed partial class Call
{
    public CallControlResult BlindTransfer(string op, string target, string? targetName, IReadOnlyList<string>? announcement)
    {
        lock (_sync)
        {
            return _transfers.Blind(op, target, targetName, announcement);
        }
    }

    public CallControlResult StartConsultation(string op, string target, string? targetName)
    {
        lock (_sync)
        {
            return _transfers.Consult(op, target, targetName);
        }
    }

    public CallControlResult CompleteTransfer(string op)
    {
        lock (_sync)
        {
            return _transfers.Complete(op);
        }
    }

    public CallControlResult ReturnToCaller(string op)
    {
        lock (_sync)
        {
            return _transfers.Return(op);
        }
    }

    public CallControlResult CampOn(string op, string target, string? targetName)
    {
        lock (_sync)
        {
            return _transfers.CampOn(op, target, targetName);
        }
    }

    /// <summary>The caller leaves a message in <paramref name="box"/>; the operator is free.</summary>
    public CallControlResult TransferToVoicemail(string op, string box)
    {
        lock (_sync)
        {
            var result = _transfers.ToVoicemail(op, box);
            if (result == CallControlResult.Done)
            {
                _menus.RecordVoicemail(box);
            }

            return result;
        }
    }

    /// <summary>The operator puts the caller on hold from the console (the caller hears music).</summary>
    public CallControlResult Hold(string op)
    {
        lock (_sync)
        {
            if (_transfers.Refusal(op, allowFailedConsult: false) is { } refused)
            {
                return refused;
            }

            if (_connection.Hold())
            {
                Emit(Event(CallEventKind.Held) with { Party = op, Operator = op });
            }

            return CallControlResult.Done;
        }
    }

    public CallControlResult TakeOffHold(string op)
    {
        lock (_sync)
        {
            if (_transfers.Refusal(op, allowFailedConsult: false) is { } refused)
            {
                return refused;
            }

            if (_connection.TakeOffHold())
            {
                Emit(Event(CallEventKind.Resumed) with { Party = op, Operator = op });
            }

            return CallControlResult.Done;
        }
    }

    /// <summary>The operator ends the call from the console (every leg is hung up).</summary>
    public CallControlResult HangUpBy(string op)
    {
        lock (_sync)
        {
            if (_ended)
            {
                return CallControlResult.NoSuchCall;
            }

            if (_connection.Party?.Party != op)
            {
                return CallControlResult.NotYourCall;
            }

            End(CallEndReason.CalleeHungUp, null);
            return CallControlResult.Done;
        }
    }

    /// <summary>The operator answers this waiting caller from the console: their phone rings for it.</summary>
    public CallControlResult Pick(string op)
    {
        if (_ended)
        {
            return CallControlResult.NoSuchCall;
        }

        return _services.Queues.Pick(this, op) switch
        {
            PickResult.Offered => CallControlResult.Done,
            PickResult.TakenByOther => CallControlResult.TakenByOther,
            PickResult.NotWaiting => CallControlResult.NotNow,
            PickResult.NotFree => CallControlResult.TargetUnavailable,
            _ => throw new System.Diagnostics.UnreachableException("PickResult"),
        };
    }

    /// <summary>The call as the console shows it now.</summary>
    public CallView Snapshot()
    {
        lock (_sync)
        {
            return new CallView(
                Id,
                Caller,
                Dialled,
                StartedAt,
                State,
                _connection.Party?.Party,
                _connection.AnsweredAt,
                _connection.HandledBy,
                _queue.Queue?.Id,
                [.. _menus.Choices],
                _connection.State == ConnectionState.OnHold,
                _diversion,
                _transfers.Session?.View(),
                _transfers.Recall?.View());
        }
    }

    /// <summary>Whether <paramref name="extension"/> is a party of the call now: talking, consulting, or ringing for it.</summary>
    public bool Involves(string extension)
    {
        lock (_sync)
        {
            return !_ended
                && (_connection.Party?.Party == extension || _transfers.IsConsultingOperator(extension)
                    || _ringer.Branches.Any(b => b.Party == extension && b.State == BranchState.Calling));
        }
    }

    /// <summary>A camped-on target's call ended (called without any lock held).</summary>
    internal void OnPartyFree(string extension) => Locked(() => _transfers.OnPartyFree(extension), "a camp-on's target became free");

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
            if (_ended || _connection.Party is not null || !_queue.MayTakeOffer(offerId))
            {
                _queue.RefuseOffer(offerId);
                return;
            }

            var bindings = members.SelectMany(m => _services.Bindings.Lookup(m)).ToList();
            if (bindings.Count == 0)
            {
                _queue.RefuseOffer(offerId);
                return;
            }

            _queue.Offered(members, pickedBy, offerId);
            Ring(new RingGroup(RingPurpose.QueueOffer, members), bindings, ringFor, ringback: false);
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
            if (_ended || _connection.Party is not null || _queue.OfferedTo is not { } offered || !offered.Contains(member, StringComparer.Ordinal)
                || _ringing is not { Purpose: RingPurpose.QueueOffer, IsRinging: true } ringing)
            {
                return;
            }

            foreach (var branch in ringing.Branches.Where(b => b.Party == member && !b.IsDone))
            {
                branch.Transaction?.Cancel();
            }
        }
    }

    /// <summary>Joins the queue (the switchboard has to do with the call from now on).</summary>
    private void EnterQueue(Queue queue, PolicyAction? onBusy, bool recalled)
    {
        _queue.Enter(queue, onBusy, recalled, OnAnnounceDue, OnMaxWait);
        if (_queue.Queue is not null)
        {
            _onBoard = true;
        }
    }

    public void RequeueAtHead()
    {
        if (_services.Policy is { Switchboard.QueueId: { } queueId } policy && policy.Queues.TryGetValue(queueId, out var queue))
        {
            EnterQueue(queue, onBusy: null, recalled: true);
            return;
        }

        Finish(SipStatus.TemporarilyUnavailable, CallEndReason.NoAnswer, null);
    }

    private void OnAnnounceDue(int entry) => Locked(() => _queue.OnAnnounceDue(entry, _transfers.Recall is not null, OnAnnounceDue), "a queue announcement");

    private void OnMaxWait(int entry) => Locked(
        () =>
        {
            if (_queue.State == QueueWaitState.Offered)
            {
                AbandonRinging();
            }

            if (_queue.OnMaxWait(entry) is { } queue)
            {
                Follow(queue.OnTimeout, SipStatus.TemporarilyUnavailable, CallEndReason.NoAnswer);
            }
        },
        "a queue's longest wait");
}
