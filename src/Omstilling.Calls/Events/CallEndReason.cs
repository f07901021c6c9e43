namespace Omstilling.Calls.Events;

/// <summary>Why a call ended.</summary>
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

    /// <summary>
    /// The call's parties went on in another call: the phone that made this call (a consultation)
    /// completed an attended transfer, and the person it called now talks to the transferred caller.
    /// </summary>
    Transferred,

    /// <summary>The server was stopped: the call was still up when the drain time ran out, and was ended with BYE.</summary>
    Shutdown,

    /// <summary>
    /// The platform stopped (a crash, <c>kill -9</c>, a power cut) while the call was up; the next
    /// start closed its record with this reason, so no call stays open in the history.
    /// </summary>
    PlatformRestarted,
}
