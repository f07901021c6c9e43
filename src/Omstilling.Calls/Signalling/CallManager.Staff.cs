using Omstilling.Calls.Control;
using Omstilling.Calls.Media;
using Omstilling.Calls.Routing;
using Omstilling.Calls.Signalling.Referral;
using Omstilling.Policy.Model;
using Omstilling.Policy.Outbound;

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
            ServiceNumber.Echo or ServiceNumber.Greeting or ServiceNumber.MarkMisrouted or ServiceNumber.Voicemail or ServiceNumber.None => [],
            _ => throw new System.Diagnostics.UnreachableException($"ServiceNumber {target.Service}"),
        };
    }

    /// <summary>Sets or cancels a forwarding keyed on the phone, its number checked by <see cref="CheckForwarding"/>.</summary>
    private PhoneForwardingResult CarryOutForwarding(ForwardKeys keys, string caller, DateTimeOffset now)
    {
        if (keys.Target is not { } number)
        {
            return Staff.Forwarding.ClearFromPhone(caller, keys.Condition);
        }

        var check = CheckForwarding(caller, number);
        return check is { Result: PhoneForwardingResult.Set, Target: { } target } ? Staff.Forwarding.SetFromPhone(caller, keys.Condition, target, now) : check.Result;
    }

    ForwardingTargetCheck IForwardingRules.Check(string extension, string number) => CheckForwarding(extension, number);

    /// <summary>
    /// A forwarding to a number outside, as the toll-fraud guard allows it for the person (their
    /// class of service, the policy's patterns), kept as the trunk is sent it; never to an
    /// emergency number (a person's calls are no alarm).
    /// </summary>
    private ForwardingTargetCheck CheckForwardingOutside(string extension, string number)
    {
        var typed = DanishNumber.TryNormalizeExternal(number, out var normalized) ? normalized : number;
        var verdict = Outbound.Check(extension, typed, OutboundPath.ForwardingSet, null);
        return verdict switch
        {
            { Class: NumberClass.Emergency } => new(PhoneForwardingResult.NotAllowed, null) { Refusal = "Der kan ikke viderestilles til et alarmnummer." },
            { IsAllowed: true, Number: { } outside } => new(PhoneForwardingResult.Set, outside),
            _ => new(PhoneForwardingResult.NotAllowed, null) { Refusal = OutboundWords.Danish(verdict) },
        };
    }

    /// <summary>
    /// A forwarding's number is checked the way a phone's transfer is (<see cref="ResolveTransferTarget"/>):
    /// a colleague's extension or direct number is kept as the extension, the main number or the
    /// pass-back code as the main number, a department's number as it is; a number outside the
    /// municipality only as the toll-fraud guard allows it (<see cref="CheckForwardingOutside"/>), one that leads
    /// nowhere is refused, and so is the person's own.
    /// </summary>
    internal ForwardingTargetCheck CheckForwarding(string extension, string number)
    {
        ArgumentNullException.ThrowIfNull(extension);
        ArgumentNullException.ThrowIfNull(number);
        number = number.Trim();
        var target = ResolveTransferTarget(number);
        var stored = target.Kind switch
        {
            PhoneTransferTargetKind.Person => target.Extension,
            PhoneTransferTargetKind.Switchboard => Policy?.MainNumber is { Length: > 0 } main ? main : null,
            PhoneTransferTargetKind.Department => Policy is { } policy && policy.TryFindNumber(number, out var planned) ? planned.Number : null,
            PhoneTransferTargetKind.External or PhoneTransferTargetKind.Unknown => null,
            _ => throw new System.Diagnostics.UnreachableException($"PhoneTransferTargetKind {target.Kind}"),
        };
        return target.Kind == PhoneTransferTargetKind.External ? CheckForwardingOutside(extension, number)
            : stored is null ? new(PhoneForwardingResult.UnknownTarget, null)
            : stored == extension ? new(PhoneForwardingResult.OwnNumber, null)
            : new(PhoneForwardingResult.Set, stored);
    }
}
