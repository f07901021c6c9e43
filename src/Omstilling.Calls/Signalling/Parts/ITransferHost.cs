using Omstilling.Sip.Registrar;

namespace Omstilling.Calls.Signalling;

/// <summary>What the <see cref="Transfers"/> of a call ask of it; under the call's lock.</summary>
internal interface ITransferHost : ICallSteps
{
    /// <summary>Rings <paramref name="bindings"/> for the caller as <paramref name="group"/>; the caller hears the ringing tone when <paramref name="ringback"/>.</summary>
    void Ring(RingGroup group, IReadOnlyList<Binding> bindings, TimeSpan limit, bool ringback);

    /// <summary>
    /// Rings a blind transfer's target for the caller by the person's own rules, as a call dialled
    /// to them (<see cref="PolicyRunner.RingTransferTarget"/>): forwarding, absence, then their phones.
    /// </summary>
    void RingTransferTarget(string extension);

    /// <summary>Whom an operator's consultation with the person reaches by their rules (<see cref="PolicyRunner.ReachForConsultation"/>).</summary>
    ConsultationReach ReachForConsultation(string extension);

    /// <summary>The operator's ringing of the target goes on for the caller (the operator hung up): it is the caller's ringing now, for <paramref name="left"/>.</summary>
    void RingOn(RingGroup group, TimeSpan left);

    /// <summary>Gives up the caller's ringing now, if any.</summary>
    void AbandonRinging();

    /// <summary>The caller waits at the head of the switchboard's queue (or the call ends when there is none).</summary>
    void RequeueAtHead();
}
