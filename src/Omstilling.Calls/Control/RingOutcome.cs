namespace Omstilling.Calls.Control;

/// <summary>Why a phone did not take a call.</summary>
public enum RingOutcome
{
    Busy,
    /// <summary>Not answered within the ring limit.</summary>
    NoAnswer,
    /// <summary>No phone registered.</summary>
    Unavailable,
    /// <summary>Declined, or an error response.</summary>
    Refused,
    /// <summary>Answered the operator's consultation, then hung up.</summary>
    HungUp,
    /// <summary>The operator went back to the caller before the consultation's target answered.</summary>
    Returned,
    /// <summary>The person put the caller back to the switchboard from their phone ("fejlopkald": a transfer to the main number or the pass-back code).</summary>
    PassedBack,
    /// <summary>The person is coded absent: no phone rang, the caller heard their absence greeting.</summary>
    Absent,
    /// <summary>The person's calls are forwarded (<c>Target</c> says where): their phone did not ring, or no longer rings.</summary>
    Forwarded,
    /// <summary>The person's forwarding was not followed: it would loop, the chain is at its limit, or its number leads nowhere allowed.</summary>
    ForwardingCut,
}
