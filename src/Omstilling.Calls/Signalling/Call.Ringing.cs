using Omstilling.Calls.Control;
using Omstilling.Calls.Events;
using Omstilling.Media.Prompts;
using Omstilling.Policy.Model;
using Omstilling.Sip.Messages;
using Omstilling.Sip.Registrar;

namespace Omstilling.Calls.Signalling;

/// <summary>
/// Ringing for the caller and what its outcome means: the first answer is bridged to the caller;
/// when nobody takes it, each kind of ringing ends its own way (<see cref="RingFailed"/>).
/// </summary>
internal sealed partial class Call
{
    /// <summary>
    /// Rings every phone of the group's targets. No phone registered counts as busy (the policy's
    /// words: "all busy or nobody logged in"), and so does a person already in a call when the
    /// caller is from outside (the policy: a busy direct line goes to the switchboard).
    /// </summary>
    private void RingFor(RingGroup group, TimeSpan limit, bool ringback)
    {
        var bindings = group.Targets.SelectMany(e => _services.Bindings.Lookup(e)).ToList();
        if (bindings.Count == 0)
        {
            RingFailed(group, RingOutcome.Unavailable, SipStatus.TemporarilyUnavailable);
            return;
        }

        if (FromOutside && group.Targets.Count > 0 && group.Targets.All(_services.Activity.IsBusy))
        {
            RingFailed(group, RingOutcome.Busy, SipStatus.BusyHere);
            return;
        }

        Ring(group, bindings, limit, ringback);
    }

    /// <summary>Calls an external number through the trunk (only numbers the policy names get here).</summary>
    private void Forward(string number, TimeSpan limit, PolicyAction? onBusy, PolicyAction? onNoAnswer)
    {
        if (_services.Trunk is not { } trunk)
        {
            Emit(Event(CallEventKind.Routed) with { Decision = Omstilling.Policy.Routing.DecisionKind.Forward, Target = number, RouteFailure = RouteFailure.NoTrunk });
            Follow(onNoAnswer, SipStatus.ServiceUnavailable, CallEndReason.Failed);
            return;
        }

        var group = new RingGroup(RingPurpose.Call, [], onBusy, onNoAnswer);
        StartRinging(group, [BranchDialer.TrunkBinding(trunk, number)], limit, ringback: true, toTrunk: true);
    }

    public void Ring(RingGroup group, IReadOnlyList<Binding> bindings, TimeSpan limit, bool ringback) =>
        StartRinging(group, bindings, limit, ringback, toTrunk: false);

    private void StartRinging(RingGroup group, IReadOnlyList<Binding> bindings, TimeSpan limit, bool ringback, bool toTrunk)
    {
        if (_ringing is { } before)
        {
            before.Abandon();
        }

        _ringing = group;

        // Whom this call rings is theirs until the ringing ends: the queue must not offer them
        // another caller meanwhile (its own offers are kept apart by the queue).
        if (group.Purpose != RingPurpose.QueueOffer && !toTrunk)
        {
            _services.Queues.Reserve(this, bindings.Select(b => b.Aor));
        }

        if (!_ringer.Start(group, bindings, limit, CreateMedia, toTrunk))
        {
            return; // out of media ports: the call has ended
        }

        if (ringback && _leg.IsAnswered)
        {
            PlayToCaller(_services.Prompts.Get(StandardPrompts.Ringback));
        }
    }

    public void RingOn(RingGroup group, TimeSpan left)
    {
        _ringing = group;
        PlayToCaller(_services.Prompts.Get(StandardPrompts.Ringback));
        group.ArmLimit(_services.Scheduler, left, g => Locked(() => { if (g.IsRinging) { OnRingLimit(g); } }, "a ring limit"));
    }

    public void AbandonRinging()
    {
        if (_ringing is { } ringing)
        {
            ringing.Abandon();
        }

        _services.Queues.Unreserve(this);
    }

    public void OnRinging(SipResponse response)
    {
        if (_connection.Party is null)
        {
            _leg.RelayRinging(response);
        }
    }

    public bool Takes(RingGroup group) => group.Purpose == RingPurpose.Consultation
        ? _transfers.TakesConsultAnswer(group)
        : ReferenceEquals(group, _ringing) && _connection.Party is null;

    public void OnAnswered(RingGroup group, Branch branch)
    {
        if (group.Purpose == RingPurpose.Consultation)
        {
            _transfers.ConsultAnswered(branch);
            return;
        }

        if (!_leg.Answer(_callerKeys))
        {
            // The caller's CANCEL won (our 200 could not go out): the call is over.
            _ringer.StopAlerting(branch, RingEndReason.CallerGone);
            _ringer.Release(branch);
            End(CallEndReason.CallerCancelled, SipStatus.RequestTerminated);
            return;
        }

        _ringer.AnsweredBy(branch);
        group.Answered(branch);
        var picked = _queue.PickedBy;
        var byOperator = _services.IsOperator(branch.Party);
        _leg.StopPlaying();
        _connection.Connect(_leg.Media!.Stream, branch, Now, byOperator);

        // Answered before the queue lets go, so the member is busy before they are no longer offered.
        Emit(Event(CallEventKind.Answered) with { AnsweredBy = branch.Party, Operator = picked });
        _queue.Leave(answeredBy: branch.Party);
        _services.Queues.Unreserve(this);
        _transfers.Connected();
        _onBoard |= byOperator;
    }

    public void OnRingFailed(RingGroup group)
    {
        var (outcome, status) = group.Refusal();
        RingFailed(group, outcome, status);
    }

    public void OnRingLimit(RingGroup group)
    {
        if (group.Purpose == RingPurpose.Consultation)
        {
            _transfers.ConsultTimedOut(group);
            return;
        }

        if (!ReferenceEquals(group, _ringing) || _connection.Party is not null)
        {
            return;
        }

        AbandonRinging();
        RingFailed(group, RingOutcome.NoAnswer, SipStatus.TemporarilyUnavailable);
    }

    /// <summary>
    /// Nobody took the call: a queue offer keeps the caller's place, a transfer or camp-on comes
    /// back to the switchboard, a recall waits at the head of the queue, a consultation offers the
    /// operator the choices; a call of the policy goes on by its busy or no-answer rule (and the
    /// switchboard learns whom the call was for).
    /// </summary>
    private void RingFailed(RingGroup group, RingOutcome outcome, int status)
    {
        _services.Queues.Unreserve(this);
        switch (group.Purpose)
        {
            case RingPurpose.QueueOffer:
                _queue.OfferFailed();
                return;
            case RingPurpose.Transfer:
                _transfers.TargetFailed(outcome);
                return;
            case RingPurpose.Recall:
                _transfers.RecallUnanswered();
                return;
            case RingPurpose.Consultation:
                _transfers.ConsultRefused(group);
                return;
            case RingPurpose.Call:
                break;
            default:
                throw new System.Diagnostics.UnreachableException($"RingPurpose {group.Purpose}");
        }

        var busy = outcome is RingOutcome.Busy;
        var rule = busy || outcome == RingOutcome.Unavailable ? group.OnBusy ?? group.OnNoAnswer : group.OnNoAnswer;
        if (rule is not null && group.Targets.Count > 0)
        {
            _diversion = new DiversionView(group.Targets[0], outcome);
            Emit(Event(CallEventKind.Diverted) with { Party = group.Targets[0], Outcome = outcome });
        }

        var reason = outcome switch
        {
            RingOutcome.Busy => CallEndReason.Busy,
            RingOutcome.NoAnswer => CallEndReason.NoAnswer,
            RingOutcome.Unavailable => CallEndReason.Unavailable,
            RingOutcome.Refused or RingOutcome.HungUp or RingOutcome.Returned => CallEndReason.Rejected,
            _ => throw new System.Diagnostics.UnreachableException($"RingOutcome {outcome}"),
        };
        Follow(rule, status, reason);
    }

    public void ReleaseOperator()
    {
        if (_connection.Leave() is { } op)
        {
            _ringer.Release(op);
            Emit(Event(CallEventKind.PartyLeft) with { Party = op.Party });
        }
    }

    public void ForgetOperator() => _connection.Leave();

    public void MusicForCaller()
    {
        _connection.Consult();
        PlayToCaller(_services.MusicOnHold);
    }

    public void ConnectTo(Branch target)
    {
        _leg.StopPlaying();
        _connection.Connect(_leg.Media!.Stream, target);
    }

    public void ReconnectOperator()
    {
        _leg.StopPlaying();
        if (_connection.Party is { } op)
        {
            _connection.Reconnect(_leg.Media!.Stream);

            // The caller's music (held for the consultation) ends: the history and the consoles learn it here.
            Emit(Event(CallEventKind.Resumed) with { Party = op.Party, Operator = op.Party });
        }
    }

    /// <summary>A leg other than the caller's hung up.</summary>
    private void OnPartyHungUp(Branch branch)
    {
        if (!_transfers.OnHungUp(branch) && ReferenceEquals(branch, _connection.Party))
        {
            End(CallEndReason.CalleeHungUp, null);
        }
    }
}
