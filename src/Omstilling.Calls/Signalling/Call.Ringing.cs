using Omstilling.Calls.Control;
using Omstilling.Calls.Events;
using Omstilling.Media.Prompts;
using Omstilling.Sip.Messages;
using Omstilling.Sip.Registrar;

namespace Omstilling.Calls.Signalling;

/// <summary>
/// Ringing for the caller and what its outcome means: the first answer is bridged to the caller;
/// when nobody takes it, each kind of ringing ends its own way (<see cref="RingFailed"/>).
/// </summary>
internal sealed partial class Call
{
    public void Ring(RingGroup group, IReadOnlyList<Binding> bindings, TimeSpan limit, bool ringback) =>
        Ring(group, bindings, limit, ringback, toTrunk: false);

    public void Ring(RingGroup group, IReadOnlyList<Binding> bindings, TimeSpan limit, bool ringback, bool toTrunk)
    {
        // Whom this call rings is theirs until the ringing ends: the queue must not offer them
        // another caller meanwhile (its own offers are kept apart by the queue).
        if (group.Purpose != RingPurpose.QueueOffer && !toTrunk)
        {
            _services.Queues.Reserve(this, bindings.Select(b => b.Aor));
        }

        if (!_ringer.StartForCaller(group, bindings, limit, CreateMedia, toTrunk))
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
        _ringer.Adopt(group);
        PlayToCaller(_services.Prompts.Get(StandardPrompts.Ringback));
        group.ArmLimit(_services.Scheduler, left, g => Locked(() => { if (g.IsRinging) { OnRingLimit(g); } }, "a ring limit"));
    }

    public void AbandonRinging()
    {
        _ringer.AbandonCurrent();
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
        : ReferenceEquals(group, _ringer.Current) && _connection.Party is null;

    public void OnAnswered(RingGroup group, Branch branch)
    {
        if (group.Purpose == RingPurpose.Consultation)
        {
            _transfers.ConsultAnswered(branch);
            return;
        }

        if (!_leg.Answer(_keyRouter))
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

        if (!ReferenceEquals(group, _ringer.Current) || _connection.Party is not null)
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
    public void RingFailed(RingGroup group, RingOutcome outcome, int status)
    {
        _services.Queues.Unreserve(this);
        switch (group.Purpose)
        {
            case RingPurpose.QueueOffer:
                _queue.OfferFailed();
                return;
            case RingPurpose.Transfer when _policy.ForwardOnFailure(group, outcome):
                return; // the target forwards on busy or no answer: the transfer follows it, and its recall waits for the last phone
            case RingPurpose.Transfer:
                _transfers.TargetFailed(outcome);
                return;
            case RingPurpose.Recall:
                _recalls.Unanswered();
                return;
            case RingPurpose.Consultation:
                _transfers.ConsultRefused(group);
                return;
            case RingPurpose.Call:
                _policy.NobodyAnswered(group, outcome, status);
                return;
            default:
                throw new System.Diagnostics.UnreachableException($"RingPurpose {group.Purpose}");
        }
    }

    public void RingTransferTarget(string extension) => _policy.RingTransferTarget(extension);

    public ConsultationReach ReachForConsultation(string extension) => _policy.ReachForConsultation(extension);

    public void LeaveTransfer(RingOutcome outcome) => _transfers.LeftToRules(outcome);

    /// <summary>A leg other than the caller's hung up.</summary>
    private void OnPartyHungUp(Branch branch)
    {
        if (!_transfers.OnHungUp(branch) && ReferenceEquals(_connection.Party, branch))
        {
            _connection.Leave();
            if (!_survey.AskAfterHangUp(branch.Party))
            {
                End(CallEndReason.CalleeHungUp, null);
            }
        }
    }
}
