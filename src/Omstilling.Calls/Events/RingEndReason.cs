namespace Omstilling.Calls.Events;

/// <summary>Why a person's phones stopped ringing without taking the call.</summary>
public enum RingEndReason
{
    /// <summary>We stopped the ringing (the caller hung up, the ring limit, an answer elsewhere in a queue offer).</summary>
    Cancelled,

    /// <summary>486 or 600.</summary>
    Busy,

    /// <summary>480 or 408 from the phone itself.</summary>
    NoAnswer,

    /// <summary>Declined, or another error.</summary>
    Refused,

    /// <summary>Another phone answered first; this one answered too late and was hung up.</summary>
    AnsweredElsewhere,

    /// <summary>It answered, but with no audio we share; hung up.</summary>
    NoUsableMedia,

    /// <summary>It answered as the caller's CANCEL won.</summary>
    CallerGone,
}
