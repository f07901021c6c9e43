namespace Omstilling.Calls.Events;

/// <summary>
/// Something that happened to a call. Events are the single source of truth for history, reports
/// and the live console (see docs/architecture.md). Immutable.
/// </summary>
public sealed record CallEvent(Guid CallId, CallEventKind Kind, DateTimeOffset At, string Caller, string Dialled)
{
    /// <summary>For <see cref="CallEventKind.Ended"/>: why.</summary>
    public CallEndReason? EndReason { get; init; }

    /// <summary>The SIP status the caller was given, when the call ended unanswered.</summary>
    public int? Status { get; init; }

    /// <summary>The extension that answered, for <see cref="CallEventKind.Answered"/>.</summary>
    public string? AnsweredBy { get; init; }

    /// <summary>
    /// The key pressed: the option's key for <see cref="CallEventKind.MenuChoice"/> (and for an
    /// <see cref="CallEventKind.InvalidChoice"/> of an option not offered now), and the key the
    /// installers' echo test got for <see cref="CallEventKind.Digit"/>. Keys pressed anywhere else
    /// are never recorded (a caller may type a CPR number or a PIN).
    /// </summary>
    public char? Digit { get; init; }

    /// <summary>What was decided or chosen, in words (the policy rule, the menu option, the voicemail file).</summary>
    public string? Detail { get; init; }

    /// <summary>
    /// The extension the event is about: the phone ringing or done ringing, the party who held or
    /// left, the target of a transfer or camp-on, the person a diverted call was meant for.
    /// </summary>
    public string? Party { get; init; }

    /// <summary>The switchboard operator who acted (transferred, picked a caller, was recalled), when one did.</summary>
    public string? Operator { get; init; }
}

public enum CallEventKind
{
    /// <summary>A call arrived and was routed to its target.</summary>
    Started,
    /// <summary>A person's phone rings for the call (the first of their phones to send 180/183; <see cref="CallEvent.Party"/> says whose).</summary>
    Ringing,
    /// <summary>The person's last ringing phone stopped without taking the call (detail: cancelled, busy, no answer, refused).</summary>
    RingEnded,
    Answered,
    /// <summary>A party put the other on hold (re-INVITE sendonly or inactive); the other hears music.</summary>
    Held,
    Resumed,
    /// <summary>A key press (RFC 4733 or SIP INFO) on the echo test number (8000), which is there to show the keys a phone sends.</summary>
    Digit,
    /// <summary>The policy decided what happens next (ring, queue, menu, message, voicemail, forward).</summary>
    Routed,
    /// <summary>A menu option was chosen.</summary>
    MenuChoice,
    /// <summary>A key that leads nowhere now, or no key at all (detail: why; digit: only when the key is one of the menu's options).</summary>
    InvalidChoice,
    /// <summary>A voicemail is being recorded.</summary>
    Voicemail,
    /// <summary>The caller joined a queue (detail: "queue: position").</summary>
    Queued,
    /// <summary>"Du er nummer x i køen" was played (detail: the position).</summary>
    PositionAnnounced,
    /// <summary>The queue offered the caller to members (detail: their extensions; operator: who picked it on the console).</summary>
    Offered,
    /// <summary>The call was meant for <see cref="CallEvent.Party"/>, who was busy or did not answer (detail), and went on as the policy says.</summary>
    Diverted,
    /// <summary>The operator puts the caller through to <see cref="CallEvent.Party"/> (detail: blind or announced).</summary>
    TransferStarted,
    /// <summary>The operator talks to the transfer target while the caller waits (an announced transfer).</summary>
    ConsultAnswered,
    /// <summary>The caller is connected to the transfer target (<see cref="CallEvent.Party"/>).</summary>
    TransferCompleted,
    /// <summary>The target did not take the transfer (detail: no answer, busy, unavailable, hung up, returned).</summary>
    TransferFailed,
    /// <summary>An unanswered transfer comes back to the switchboard (operator: whose phone rings, or none when queued).</summary>
    Recalled,
    /// <summary>The caller waits for a busy person (<see cref="CallEvent.Party"/>), who is rung as soon as they are free.</summary>
    CampOn,
    /// <summary>A party left the call while it goes on (the operator after a transfer; <see cref="CallEvent.Party"/>).</summary>
    PartyLeft,
    Ended,
}

public enum CallEndReason
{
    CallerHungUp,
    CalleeHungUp,
    CallerCancelled,
    Busy,
    /// <summary>Not answered within the ring limit.</summary>
    NoAnswer,
    /// <summary>The target has no registered phone.</summary>
    Unavailable,
    Rejected,
    /// <summary>Our 2xx was never acknowledged, or the far end vanished.</summary>
    Failed,
    /// <summary>The platform ended the call as planned (after a message, a voicemail, a menu's hang-up).</summary>
    Completed,
}
