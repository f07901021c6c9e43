using Omstilling.Calls.Control;
using Omstilling.Calls.Events;

namespace Omstilling.Calls.Signalling;

/// <summary>
/// What only a phone's transfer does (a REFER, docs/transfers.md): the caller passed back to the
/// switchboard ("fejlopkald"), and an attended transfer whose consultation was the phone's own
/// call. A blind transfer from a phone is the operator's <see cref="Blind"/>.
/// </summary>
internal sealed partial class Transfers
{
    /// <summary>
    /// "Fejlopkald" (the person's leg is released later, by <see cref="ReleaseLeg"/>): <paramref name="person"/> transfers the caller to the main number (or the pass-back
    /// code). They are released and the caller waits at the head of the switchboard's queue, marked
    /// as passed back by them (a <see cref="CallEventKind.Recalled"/> with <see cref="RingOutcome.PassedBack"/>).
    /// </summary>
    public CallControlResult PassBack(string person, string? personName)
    {
        if (Refusal(person, allowFailedConsult: true) is { } refused)
        {
            return refused;
        }

        ClearConsultation();
        recalls.Forget();
        ReleaseOperator(keepLeg: true);
        recalls.ToQueue(new Recall(person, personName, RingOutcome.PassedBack, null, call.Now));
        return CallControlResult.Done;
    }

    /// <summary>
    /// An attended transfer completed from <paramref name="person"/>'s phone: they consulted
    /// <paramref name="target"/> in a call of their own, which handed the target's answered leg over
    /// to this call. The person leaves (their leg is released later, by <see cref="ReleaseLeg"/>); the caller talks to the target.
    /// </summary>
    public CallControlResult JoinFromConsultation(string person, Branch target)
    {
        if (Refusal(person, allowFailedConsult: true) is { } refused)
        {
            return refused;
        }

        ClearConsultation();
        recalls.Forget();
        ringer.TakeOver(target); // its dialog was made this call's by the consultation handing it over
        call.Emit(call.Event(CallEventKind.TransferStarted) with { Party = target.Party, Operator = person, Transfer = TransferKind.Announced });
        call.Emit(call.Event(CallEventKind.ConsultAnswered) with { Party = target.Party, Operator = person });
        ReleaseOperator(keepLeg: true);
        var byOperator = services.IsOperator(target.Party);
        leg.StopPlaying();
        connection.Connect(leg.Media!.Stream, target, byOperator: byOperator);
        if (byOperator)
        {
            owner.ShowOnBoard(); // an operator took the caller over: the switchboard has the call now
        }

        Queues.Unreserve(owner);
        call.Emit(call.Event(CallEventKind.TransferCompleted) with { Party = target.Party, Operator = person });
        return CallControlResult.Done;
    }
}
