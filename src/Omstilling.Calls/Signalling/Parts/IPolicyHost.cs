using Omstilling.Calls.Control;
using Omstilling.Calls.Events;
using Omstilling.Policy.Model;
using Omstilling.Sip.Registrar;

namespace Omstilling.Calls.Signalling;

/// <summary>What the <see cref="PolicyRunner"/> of a call asks of it; under the call's lock.</summary>
internal interface IPolicyHost : ICallSteps
{
    /// <summary>Our 200 went to the caller (the platform or a phone answered).</summary>
    bool CallerAnswered { get; }

    /// <summary>Makes the caller's stream and answers its SDP offer; false when the caller was refused instead (the call has ended).</summary>
    bool PrepareCallerMedia();

    /// <summary>Rings <paramref name="bindings"/> for the caller as <paramref name="group"/>.</summary>
    void Ring(RingGroup group, IReadOnlyList<Binding> bindings, TimeSpan limit, bool ringback, bool toTrunk);

    /// <summary>Nobody took <paramref name="group"/>'s ringing (or it could not start).</summary>
    void RingFailed(RingGroup group, RingOutcome outcome, int status);

    /// <summary>The caller joins the queue.</summary>
    void EnterQueue(Queue queue, PolicyAction? onBusy, bool recalled);

    /// <summary>
    /// A transfer's target is taken by their own rules (voicemail, a department) instead of their
    /// phone: the transfer is over (<see cref="CallEventKind.TransferFailed"/> with
    /// <paramref name="outcome"/>) and will not come back; nothing when no transfer is under way.
    /// </summary>
    void LeaveTransfer(RingOutcome outcome);

    /// <summary>A final refusal to a caller not yet answered, and the end of the call.</summary>
    void Refuse(int status, string? phrase, CallEndReason reason);
}
