using Omstilling.Policy.Outbound;
using Omstilling.Sip.Messages;
using Omstilling.Sip.Transactions;

namespace Omstilling.Calls.Signalling;

/// <summary>What the manager answers a phone that dials a number outside (the toll-fraud guard's verdict, docs/security.md).</summary>
public sealed partial class CallManager
{
    /// <summary>
    /// Answers an INVITE to a number outside that may not go out, and says so (true); false when
    /// it may (and a trunk is there to take it). Malformed strings get 484, strings that are no
    /// number 404, refusals of the guard 403 with the reason.
    /// </summary>
    private bool RefuseOutside(ServerInviteTransaction transaction, OutboundVerdict verdict)
    {
        switch (verdict.Outcome)
        {
            case OutboundOutcome.Allowed when Trunk is null:
                transaction.Respond(SipStatus.NotFound, "No line out");
                return true;
            case OutboundOutcome.Allowed:
                return false;
            case OutboundOutcome.Malformed:
                transaction.Respond(SipStatus.AddressIncomplete, "Only digits, +, * and # may be dialled");
                return true;
            case OutboundOutcome.NotANumber:
                transaction.Respond(SipStatus.NotFound);
                return true;
            case OutboundOutcome.ClassOfService:
                transaction.Respond(SipStatus.Forbidden, "Class of service does not allow this number");
                return true;
            case OutboundOutcome.NotAllowedByPolicy:
                transaction.Respond(SipStatus.Forbidden, "The policy does not allow this number");
                return true;
            default:
                throw new System.Diagnostics.UnreachableException($"OutboundOutcome {verdict.Outcome}");
        }
    }

    /// <summary>
    /// Whether a call for a public number may come in without credentials: from the trunk's
    /// address when there is a trunk (IP trust); from anywhere when there is none (a lab or demo,
    /// where phones and test callers stand in for the telephone network).
    /// </summary>
    private bool FromOutside(ServerInviteTransaction transaction) =>
        Trunk is not { } trunk || transaction.Incoming.Source.EndPoint.Address.Equals(trunk.Peer.EndPoint.Address);
}
