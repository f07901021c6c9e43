using Omstilling.Calls.Control;
using Omstilling.Calls.Media;
using Omstilling.Calls.Routing;
using Omstilling.Calls.Signalling.Referral;

namespace Omstilling.Calls.Signalling;

/// <summary>What the manager does for staff's feature codes: absence (*41*) and forwarding (*21*, *67*, *61*).</summary>
public sealed partial class CallManager
{
    /// <summary>
    /// Carries out a staff feature code for the authenticated caller, before its call is answered
    /// and outside every call's lock (the absence and forwarding books tell their listeners on this
    /// thread); returns what the caller hears about it (nothing for the other service numbers).
    /// </summary>
    private IReadOnlyList<string> CarryOutFeature(DialTarget target, string caller)
    {
        var now = Stack.Scheduler.Time.GetUtcNow();
        return target.Service switch
        {
            ServiceNumber.SetAbsence when target.Absence is { Code: { } code } keys =>
                AbsencePrompts.Confirmation(Staff.Absence.SetFromPhone(caller, code, keys.Until, now), keys.Until),
            ServiceNumber.ClearAbsence => AbsencePrompts.Confirmation(Staff.Absence.ClearFromPhone(caller, now), null),
            ServiceNumber.Forwarding when target.Forward is { } keys => ForwardingPrompts.Confirmation(CarryOutForwarding(keys, caller, now), keys),
            ServiceNumber.SetAbsence or ServiceNumber.Forwarding => throw new System.Diagnostics.UnreachableException($"{target.Service} without its keys"),
            ServiceNumber.Echo or ServiceNumber.Greeting or ServiceNumber.MarkMisrouted or ServiceNumber.None => [],
            _ => throw new System.Diagnostics.UnreachableException($"ServiceNumber {target.Service}"),
        };
    }

    /// <summary>
    /// Sets or cancels a forwarding. The number is checked the way a phone's transfer is
    /// (<see cref="ResolveTransferTarget"/>): a colleague's extension or direct number is kept as
    /// the extension, the main number or the pass-back code as the main number, a department's
    /// number as it is; a number outside the municipality is refused until the class of service
    /// allows it (toll fraud), and one that leads nowhere is refused.
    /// </summary>
    private PhoneForwardingResult CarryOutForwarding(ForwardKeys keys, string caller, DateTimeOffset now)
    {
        if (keys.Target is not { } number)
        {
            return Staff.Forwarding.ClearFromPhone(caller, keys.Condition);
        }

        var target = ResolveTransferTarget(number);
        string? stored = target.Kind switch
        {
            PhoneTransferTargetKind.Person => target.Extension,
            PhoneTransferTargetKind.Switchboard => Policy?.MainNumber is { Length: > 0 } main ? main : null,
            PhoneTransferTargetKind.Department => Policy is { } policy && policy.TryFindNumber(number, out var planned) ? planned.Number : null,
            PhoneTransferTargetKind.External or PhoneTransferTargetKind.Unknown => null,
            _ => throw new System.Diagnostics.UnreachableException($"PhoneTransferTargetKind {target.Kind}"),
        };
        if (target.Kind == PhoneTransferTargetKind.External)
        {
            return PhoneForwardingResult.NotAllowed;
        }

        if (stored is null)
        {
            return PhoneForwardingResult.UnknownTarget;
        }

        return stored == caller ? PhoneForwardingResult.OwnNumber : Staff.Forwarding.SetFromPhone(caller, keys.Condition, stored, now);
    }
}
