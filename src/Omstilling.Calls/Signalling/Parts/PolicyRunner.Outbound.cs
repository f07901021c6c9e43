using Omstilling.Calls.Control;
using Omstilling.Calls.Events;
using Omstilling.Calls.Routing;
using Omstilling.Policy.Model;
using Omstilling.Policy.Outbound;
using Omstilling.Policy.Routing;
using Omstilling.Sip.Messages;

namespace Omstilling.Calls.Signalling;

/// <summary>Calls out through the trunk: a phone's, the policy's forwards, forwardings followed; each with the toll-fraud guard's leave.</summary>
internal sealed partial class PolicyRunner
{
    /// <summary>A phone's call to a number outside, allowed by the toll-fraud guard: the trunk rings it for the external ring limit.</summary>
    public void StartOutbound(OutboundVerdict allowed)
    {
        call.Emit(call.Event(CallEventKind.Started) with { External = false });
        if (call.PrepareCallerMedia())
        {
            Forward(allowed, services.Options.ExternalRingLimit, null, null);
        }
    }

    /// <summary>
    /// The policy's forward to an external number: the guard is asked as for the policy itself (a
    /// load already refused numbers <c>outbound:</c> does not allow; a reload may have changed it).
    /// </summary>
    private void ForwardFromPolicy(string number, TimeSpan limit, PolicyAction? onBusy, PolicyAction? onNoAnswer)
    {
        var verdict = services.Outbound.Check(null, number, OutboundPath.PolicyForward, null);
        if (!verdict.IsAllowed)
        {
            call.Emit(call.Event(CallEventKind.Routed) with { Decision = DecisionKind.Forward, Target = number, RouteFailure = RouteFailure.NotAllowed });
            Follow(onNoAnswer, SipStatus.Forbidden, CallEndReason.Failed);
            return;
        }

        Forward(verdict, limit, onBusy, onNoAnswer);
    }

    /// <summary>
    /// Calls a number outside through the trunk; only a number the toll-fraud guard allowed gets here.
    /// For a transfer (a forwarding followed), nobody answering there is a recall.
    /// </summary>
    private void Forward(OutboundVerdict allowed, TimeSpan limit, PolicyAction? onBusy, PolicyAction? onNoAnswer, RingPurpose purpose = RingPurpose.Call)
    {
        var group = new RingGroup(purpose, [], onBusy, onNoAnswer) { Diversions = _forwarder.Hops };
        if (services.Trunk is not { } trunk)
        {
            call.Emit(call.Event(CallEventKind.Routed) with { Decision = DecisionKind.Forward, Target = allowed.Number, RouteFailure = RouteFailure.NoTrunk });
            if (purpose == RingPurpose.Transfer)
            {
                call.RingFailed(group, RingOutcome.Unavailable, SipStatus.ServiceUnavailable);
            }
            else
            {
                Follow(onNoAnswer, SipStatus.ServiceUnavailable, CallEndReason.Failed);
            }

            return;
        }

        call.Ring(group, [BranchDialer.TrunkBinding(trunk, allowed)], limit, ringback: true, toTrunk: true);
    }
}
