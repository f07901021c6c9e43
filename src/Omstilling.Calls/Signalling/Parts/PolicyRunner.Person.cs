using Omstilling.Calls.Control;
using Omstilling.Calls.Events;
using Omstilling.Calls.Media;
using Omstilling.Calls.Signalling.Referral;
using Omstilling.Policy.Model;
using Omstilling.Policy.Routing;
using Omstilling.Sip.Messages;

namespace Omstilling.Calls.Signalling;

/// <summary>
/// A call for one person, however it reached them: dialled (<see cref="RingPurpose.Call"/>) or put
/// through by an operator or a colleague's phone (<see cref="RingPurpose.Transfer"/>). Their
/// forwarding and absence are decided here once for both (README, "Forwarding from the phone" and
/// "Absence from the phone"); only what "nobody took it" means differs: a dialled call goes on by
/// the policy's busy or no-answer rule, a transfer comes back to the switchboard (a recall).
/// </summary>
internal sealed partial class PolicyRunner
{
    /// <summary>
    /// A transfer's target is rung for the caller by the same rules as a call dialled to them: their
    /// forwarding of every call, their absence (greeting, then their no-answer rule in the policy),
    /// else their phones for their ring limit, then their forwarding on busy or no answer. A new
    /// transfer starts a new chain of forwardings (the phone is told only this one's).
    /// </summary>
    public void RingTransferTarget(string extension)
    {
        _forwarder.Restart();
        var person = services.Policy is { } policy && policy.People.ContainsKey(extension)
            ? policy.Route(extension, call.Now, services.PolicyState)
            : null;
        var rules = person is { Kind: DecisionKind.Ring, Person: not null } ? person : null;
        RingPerson(RingPurpose.Transfer, extension, [extension], rules?.OnBusy, rules?.OnNoAnswer, services.RingLimitFor(extension));
    }

    /// <summary>
    /// Whom an operator's consultation with the person reaches by the same rules as a call dialled
    /// to them: their forwarding of every call, followed from colleague to colleague as far as the
    /// forwarder allows (a loop or a long chain is cut, as for a call), else their absence, else
    /// their own phones. A forwarding to a number that is not a person's reaches nobody to consult.
    /// </summary>
    public ConsultationReach ReachForConsultation(string extension)
    {
        _forwarder.Restart();
        var current = extension;
        while (_forwarder.Next(current, ForwardCondition.Always) is { } step)
        {
            if (step.Target.Kind != PhoneTransferTargetKind.Person)
            {
                return new ConsultationReach(null, _forwarder.Hops, null);
            }

            current = step.Target.Extension!;
        }

        return current == extension && services.Staff.Absence.GreetingFor(extension, call.Now) is { } away
            ? new ConsultationReach(extension, [], away)
            : new ConsultationReach(current, _forwarder.Hops, null);
    }

    /// <summary>
    /// Nobody took a ringing of one person on a condition they forward on (busy or not registered,
    /// no answer): the forwarding is followed, for the same purpose; false when there is none to follow.
    /// </summary>
    public bool ForwardOnFailure(RingGroup group, RingOutcome outcome)
    {
        var forwardOn = outcome switch
        {
            RingOutcome.Busy or RingOutcome.Unavailable => ForwardCondition.Busy,
            RingOutcome.NoAnswer => ForwardCondition.NoAnswer,
            RingOutcome.Refused or RingOutcome.HungUp or RingOutcome.Returned or RingOutcome.PassedBack
                or RingOutcome.Absent or RingOutcome.Forwarded or RingOutcome.ForwardingCut => (ForwardCondition?)null,
            _ => throw new System.Diagnostics.UnreachableException($"RingOutcome {outcome}"),
        };
        return group.Purpose is RingPurpose.Call or RingPurpose.Transfer
            && group.Targets is [var only] && forwardOn is { } condition
            && Forward(group.Purpose, only, condition, group.OnBusy, group.OnNoAnswer);
    }

    /// <summary>
    /// A call for one person: their forwarding of every call first, then their absence, else their
    /// phones ring for their ring limit (and a busy or unanswered ring may still be forwarded).
    /// </summary>
    private void RingPerson(RingPurpose purpose, string extension, IReadOnlyList<string> phones, PolicyAction? onBusy, PolicyAction? onNoAnswer, TimeSpan limit)
    {
        if (Forward(purpose, extension, ForwardCondition.Always, onBusy, onNoAnswer))
        {
            return;
        }

        if (services.Staff.Absence.GreetingFor(extension, call.Now) is { } away)
        {
            Absent(purpose, extension, away, onNoAnswer);
            return;
        }

        RingFor(new RingGroup(purpose, phones, onBusy, onNoAnswer), limit, ringback: call.CallerAnswered);
    }

    /// <summary>
    /// Follows the forwarding of <paramref name="extension"/> on the condition, if it has one that
    /// may be followed: a colleague's phones ring (after their own forwarding of every call, as a
    /// chain) telling them whose call it is; a department's number is routed by the policy, and so
    /// is the switchboard's for a dialled call (a transfer comes back to the switchboard as a recall
    /// instead). When nobody takes the colleague's ringing, the original rules still apply.
    /// </summary>
    private bool Forward(RingPurpose purpose, string extension, ForwardCondition condition, PolicyAction? onBusy, PolicyAction? onNoAnswer)
    {
        if (_forwarder.Next(extension, condition) is not { } step)
        {
            return false;
        }

        if (purpose == RingPurpose.Call)
        {
            Diversion = new DiversionView(extension, RingOutcome.Forwarded); // whom the call was for, should it reach the switchboard (a transfer's recall says it)
        }

        switch (step.Target.Kind)
        {
            case PhoneTransferTargetKind.Person:
                var colleague = step.Target.Extension!;
                if (!Forward(purpose, colleague, ForwardCondition.Always, onBusy, onNoAnswer))
                {
                    var group = new RingGroup(purpose, [colleague], onBusy, onNoAnswer) { Diversions = _forwarder.Hops };
                    RingFor(group, services.RingLimitFor(colleague), ringback: call.CallerAnswered);
                }

                return true;
            case PhoneTransferTargetKind.Switchboard when purpose == RingPurpose.Transfer:
                call.RingFailed(new RingGroup(purpose, []), RingOutcome.Forwarded, SipStatus.TemporarilyUnavailable);
                return true;
            case PhoneTransferTargetKind.Switchboard or PhoneTransferTargetKind.Department:
                call.LeaveTransfer(RingOutcome.Forwarded); // a department's own rules take the caller from here
                Execute(services.Policy!.Route(step.Hop.Target, call.Now, services.PolicyState)); // the forwarder follows these only with a policy
                return true;
            case PhoneTransferTargetKind.External when step.Outside is { } allowed:
                Forward(allowed, services.Options.ExternalRingLimit, onBusy, onNoAnswer, purpose);
                return true;
            case PhoneTransferTargetKind.External or PhoneTransferTargetKind.Unknown:
                throw new System.Diagnostics.UnreachableException($"A forwarding to {step.Target.Kind} without the guard's leave is cut, not followed");
            default:
                throw new System.Diagnostics.UnreachableException($"PhoneTransferTargetKind {step.Target.Kind}");
        }
    }

    /// <summary>
    /// The person is coded absent: their phone does not ring; the caller hears the absence greeting
    /// (their recorded one, else the generated one), then the call goes on by the no-answer rule
    /// (voicemail, the switchboard), or ends with "Farvel" for want of one. The person's own
    /// voicemail plays the greeting itself. The switchboard learns whom the call was for, as for a
    /// diversion. For a transfer, a rule that leads to the switchboard (or none) is the recall: the
    /// caller comes back to whoever put them through, who sees why.
    /// </summary>
    private void Absent(RingPurpose purpose, string extension, AbsenceGreeting away, PolicyAction? onNoAnswer)
    {
        if (purpose == RingPurpose.Call)
        {
            Diversion = new DiversionView(extension, RingOutcome.Absent); // a transfer's recall says it instead
        }

        call.Emit(call.Event(CallEventKind.Diverted) with { Party = extension, Outcome = RingOutcome.Absent });
        var rule = purpose == RingPurpose.Transfer && onNoAnswer is null or { Kind: ActionKind.Operator } ? null : onNoAnswer;
        if (rule is { Kind: ActionKind.Voicemail } voicemail && voicemail.Target == extension)
        {
            call.LeaveTransfer(RingOutcome.Absent);
            Follow(rule, SipStatus.TemporarilyUnavailable, CallEndReason.Unavailable);
            return;
        }

        var (recordings, prompts) = VoicemailPrompts.Away(services.Voicemail.GreetingFor(extension), away);
        call.PlayThen(recordings, prompts, () =>
        {
            if (purpose == RingPurpose.Transfer && rule is null)
            {
                call.RingFailed(new RingGroup(purpose, []), RingOutcome.Absent, SipStatus.TemporarilyUnavailable);
            }
            else if (rule is null)
            {
                call.PlayThen(["farvel"], () => call.HangUp(CallEndReason.Unavailable));
            }
            else
            {
                call.LeaveTransfer(RingOutcome.Absent);
                Follow(rule, SipStatus.TemporarilyUnavailable, CallEndReason.Unavailable);
            }
        });
    }
}
