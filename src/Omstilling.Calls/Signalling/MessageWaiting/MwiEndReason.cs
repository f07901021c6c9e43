namespace Omstilling.Calls.Signalling.MessageWaiting;

/// <summary>Why a message-summary subscription ended.</summary>
internal enum MwiEndReason
{
    /// <summary>The phone sent SUBSCRIBE with Expires: 0 in the subscription's dialog (RFC 6665 §4.2.1.4).</summary>
    Unsubscribed,

    /// <summary>A SUBSCRIBE with Expires: 0 outside a dialog: one NOTIFY with the counts, and no subscription (a fetch).</summary>
    Fetched,

    /// <summary>The phone did not refresh it in time (RFC 6665 §4.2.1.1).</summary>
    Expired,

    /// <summary>The phone answered a NOTIFY 481: it no longer knows the subscription (RFC 6665 §4.2.2).</summary>
    RefusedByPhone,

    /// <summary>A NOTIFY went unanswered (timed out): the phone is gone (RFC 6665 §4.2.2).</summary>
    PhoneUnreachable,
}
