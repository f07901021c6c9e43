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

    /// <summary>The key pressed, for <see cref="CallEventKind.Digit"/>.</summary>
    public char? Digit { get; init; }

    /// <summary>What was decided or chosen, in words (the policy rule, the menu option, the voicemail file).</summary>
    public string? Detail { get; init; }
}

public enum CallEventKind
{
    /// <summary>A call arrived and was routed to its target.</summary>
    Started,
    /// <summary>The target is ringing (first 180/183).</summary>
    Ringing,
    Answered,
    /// <summary>A party put the other on hold (re-INVITE sendonly or inactive); the other hears music.</summary>
    Held,
    Resumed,
    /// <summary>A key press (RFC 4733 or SIP INFO).</summary>
    Digit,
    /// <summary>The policy decided what happens next (ring, queue, menu, message, voicemail, forward).</summary>
    Routed,
    /// <summary>A menu option was chosen.</summary>
    MenuChoice,
    /// <summary>A key that leads nowhere now (or no key at all).</summary>
    InvalidChoice,
    /// <summary>A voicemail is being recorded.</summary>
    Voicemail,
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
