namespace Omstilling.Calls.Control;

/// <summary>
/// What the switchboard's console may do with calls, and how it sees them: commands by call id and
/// operator extension, each checked against the call's state under the call's own lock, so two
/// operators acting at once get one answer each. The web depends on this, never on the engine's
/// classes. Thread-safe.
/// </summary>
public interface ISwitchboardControl
{
    /// <summary>The calls in progress the switchboard has to do with (queued, answered by an operator, being transferred), oldest first.</summary>
    IReadOnlyList<CallView> Snapshots();

    CallView? Snapshot(Guid callId);

    /// <summary>The calls the extension is a party of now (talking, consulting, or ringing for).</summary>
    IReadOnlyList<CallView> CallsInvolving(string extension);

    /// <summary>The operator answers this waiting caller from the console: their phone rings for it.</summary>
    CallControlResult Pick(Guid callId, string op);

    /// <summary>The caller hears music until <see cref="TakeOffHold"/>.</summary>
    CallControlResult Hold(Guid callId, string op);

    /// <summary>The operator takes the caller back from hold.</summary>
    CallControlResult TakeOffHold(Guid callId, string op);

    /// <summary>The operator ends the call (every leg is hung up).</summary>
    CallControlResult HangUp(Guid callId, string op);

    /// <summary>
    /// Puts the caller through to <paramref name="target"/> at once; with <paramref name="announceName"/>
    /// the caller first hears "Du bliver stillet om til" and the name.
    /// </summary>
    Task<CallControlResult> BlindTransferAsync(Guid callId, string op, string target, string? targetName, bool announceName, CancellationToken cancellationToken);

    /// <summary>Announced transfer: the caller hears music while the operator's phone rings the target's.</summary>
    CallControlResult StartConsultation(Guid callId, string op, string target, string? targetName);

    /// <summary>Completes an announced transfer: the caller talks to the target; the operator is free.</summary>
    CallControlResult CompleteTransfer(Guid callId, string op);

    /// <summary>Ends a consultation (or acknowledges its failure): the operator talks to the caller again.</summary>
    CallControlResult ReturnToCaller(Guid callId, string op);

    /// <summary>The caller waits for the busy target, who is rung as soon as they are free.</summary>
    CallControlResult CampOn(Guid callId, string op, string target, string? targetName);

    /// <summary>The caller leaves a message in <paramref name="box"/>; the operator is free.</summary>
    CallControlResult TransferToVoicemail(Guid callId, string op, string box);

    /// <summary>
    /// "Ring op": the operator's phone rings, and when they answer, <paramref name="number"/> (an
    /// extension, or a Danish number through the trunk) is called and the two are connected.
    /// <see cref="CallControlResult.NotNow"/> when the operator has no free registered phone,
    /// <see cref="CallControlResult.TargetUnavailable"/> for an extension without a phone or an
    /// external number without a trunk, <see cref="CallControlResult.UnknownTarget"/> for anything else.
    /// </summary>
    CallControlResult CallBack(string op, string number);
}
