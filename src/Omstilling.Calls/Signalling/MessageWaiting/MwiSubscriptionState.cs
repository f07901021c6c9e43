namespace Omstilling.Calls.Signalling.MessageWaiting;

/// <summary>
/// Where a message-summary subscription is (RFC 6665 §4.2). One NOTIFY at a time is out in its
/// dialog (§4.2.2: the next waits for the answer to the last), so a change while one is out is
/// remembered and told once that is answered, with the counts as they are then.
/// </summary>
internal enum MwiSubscriptionState
{
    /// <summary>Made and indexed, its 200 not yet sent: no request can come in its dialog before that 200 gives our tag.</summary>
    New,

    /// <summary>Active, no NOTIFY out.</summary>
    Idle,

    /// <summary>Active, a NOTIFY out; nothing newer to tell.</summary>
    Notifying,

    /// <summary>Active, a NOTIFY out, and the box changed (or the phone refreshed) since: another NOTIFY follows its answer.</summary>
    NotifyingThenAgain,

    /// <summary>Ended (unsubscribed or expired) and forgotten; the terminating NOTIFY waits for the one out to be answered.</summary>
    EndingAfterNotify,

    /// <summary>Ended: the terminating NOTIFY is out, or none is due (the phone refused a NOTIFY). Nothing more is sent.</summary>
    Terminated,
}
