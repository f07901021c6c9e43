using Omstilling.Calls.Control;
using Omstilling.Media.Audio;
using Omstilling.Media.Clock;
using Omstilling.Media.Players;
using Omstilling.Sip.Timing;

namespace Omstilling.Calls.Signalling;

/// <summary>Where an operator's transfer of the caller is.</summary>
internal enum TransferState
{
    /// <summary>Blind: the caller hears "Du bliver stillet om til" and the name before the target rings.</summary>
    Announcing,

    /// <summary>Camp-on: the target is busy; the caller waits with music until they are free.</summary>
    WaitingForFree,

    /// <summary>The target's phones ring for the caller (a blind transfer, or a camp-on whose target is free now).</summary>
    RingingTarget,

    /// <summary>Announced: the operator's phone rings the target while the caller hears music.</summary>
    Consulting,

    /// <summary>Announced: the target answered the operator; they talk while the caller waits.</summary>
    Talking,

    /// <summary>Announced: the target did not take it; the console offers the choices (back, a message, a colleague, voicemail, camp-on).</summary>
    ConsultFailed,
}

/// <summary>
/// An operator puts the caller through. Blind: the target rings for the caller at once (after the
/// name, when given). Announced: the operator calls the target on a leg of its own while the
/// caller hears music, then completes or returns. Camp-on: the caller waits for a busy person, who
/// is rung as soon as their call ends. The session holds the transfer's state, the consultation's
/// ringing, bridge and the operator's tones, and its timers; what a state change means for the
/// call (a recall, the caller's music, the events) is the call's. Owned by its call and used under
/// the call's lock.
/// </summary>
internal sealed class TransferSession
{
    private ScheduledTimer? _limit;

    public TransferSession(TransferKind kind, string target, string? targetName, string op, DateTimeOffset startedAt)
    {
        Kind = kind;
        Target = target;
        TargetName = targetName;
        Operator = op;
        StartedAt = startedAt;
        State = kind switch
        {
            TransferKind.Blind => TransferState.Announcing,
            TransferKind.Announced => TransferState.Consulting,
            TransferKind.CampOn => TransferState.WaitingForFree,
            _ => throw new System.Diagnostics.UnreachableException($"TransferKind {kind}"),
        };
    }

    public TransferKind Kind { get; private set; }

    public string Target { get; }

    public string? TargetName { get; }

    public string Operator { get; }

    public DateTimeOffset StartedAt { get; }

    public TransferState State { get; private set; }

    /// <summary>An announced transfer (in any of its states).</summary>
    public bool IsAnnounced => Kind == TransferKind.Announced;

    /// <summary>The operator's ringing of the target (an announced transfer).</summary>
    public RingGroup? Consultation { get; private set; }

    /// <summary>The target's leg once they answered the operator.</summary>
    public Branch? Consult { get; private set; }

    /// <summary>Why the consultation failed, once it did.</summary>
    public RingOutcome? Failed { get; private set; }

    /// <summary>The operator and the target talk through this (announced, <see cref="TransferState.Talking"/>).</summary>
    public Bridge? ConsultBridge { get; private set; }

    /// <summary>What the operator hears while the target rings, or why it failed.</summary>
    public PromptPlayer? OperatorPlayer { get; private set; }

    /// <summary>The target has been rung for the caller (a camp-on rings once).</summary>
    public bool Rung => State is TransferState.RingingTarget;

    /// <summary>Arms the session's limit: the consultation's ring limit, or the camp-on's longest wait.</summary>
    public void ArmLimit(SipScheduler scheduler, TimeSpan limit, Action<TransferSession> expired)
    {
        _limit?.Cancel();
        _limit = scheduler.Schedule(limit, _ => expired(this));
    }

    /// <summary>Announced: the operator's phone rings the target's in <paramref name="ringing"/>.</summary>
    public void StartConsultation(RingGroup ringing)
    {
        Expect(TransferState.Consulting);
        Consultation = ringing;
    }

    /// <summary>The target's phones ring for the caller now (after the name, or once a camp-on's target is free).</summary>
    public void RingTarget()
    {
        if (State is not (TransferState.Announcing or TransferState.WaitingForFree))
        {
            throw new InvalidOperationException($"A transfer that is {State} does not ring its target.");
        }

        State = TransferState.RingingTarget;
    }

    /// <summary><see cref="TransferState.Consulting"/> to <see cref="TransferState.Talking"/>: the operator talks to the target through <paramref name="bridge"/>.</summary>
    public void ConsultAnswered(Branch target, Bridge bridge)
    {
        Expect(TransferState.Consulting);
        _limit?.Cancel();
        StopOperatorTone();
        Consult = target;
        ConsultBridge = bridge;
        State = TransferState.Talking;
    }

    /// <summary><see cref="TransferState.Consulting"/> to <see cref="TransferState.ConsultFailed"/>.</summary>
    public void ConsultationFailed(RingOutcome outcome)
    {
        Expect(TransferState.Consulting);
        _limit?.Cancel();
        Failed = outcome;
        State = TransferState.ConsultFailed;
    }

    /// <summary>The operator hung up while the consultation rang: it goes on as a blind transfer, ringing the same phones for the caller.</summary>
    public void ContinueBlind()
    {
        Expect(TransferState.Consulting);
        _limit?.Cancel();
        StopOperatorTone();
        Consultation!.BecomeTransfer();
        Kind = TransferKind.Blind;
        State = TransferState.RingingTarget;
    }

    /// <summary>Plays to the operator's leg (the ringing tone while the target rings, "optaget" when it fails).</summary>
    public void PlayToOperator(Branch operatorLeg, IMediaClock clock, AudioClip clip, bool loop)
    {
        OperatorPlayer?.Stop();
        OperatorPlayer = PromptPlayer.Start(operatorLeg.Media.Stream, clock, [clip], loop);
    }

    /// <summary>Plays clips one after another to the operator's leg (a person's absence greeting).</summary>
    public void PlayToOperator(Branch operatorLeg, IMediaClock clock, IReadOnlyList<AudioClip> clips)
    {
        OperatorPlayer?.Stop();
        OperatorPlayer = PromptPlayer.Start(operatorLeg.Media.Stream, clock, [.. clips], loop: false);
    }

    public void StopOperatorTone()
    {
        OperatorPlayer?.Stop();
        OperatorPlayer = null;
    }

    /// <summary>The consultation's bridge is taken down (completing, returning, the operator leaving).</summary>
    public void EndConsultBridge()
    {
        ConsultBridge?.Dispose();
        ConsultBridge = null;
    }

    /// <summary>The session's timer and media stop (it is over, however it ended).</summary>
    public void Stop()
    {
        _limit?.Cancel();
        StopOperatorTone();
        EndConsultBridge();
    }

    public TransferView View() => new(Kind, Target, TargetName, Operator, StartedAt, Consult is not null, Failed);

    private void Expect(TransferState state)
    {
        if (State != state)
        {
            throw new InvalidOperationException($"A transfer that is {State} cannot do this; it must be {state}.");
        }
    }
}
