namespace Omstilling.Calls.Signalling;

/// <summary>
/// Where a call is as a whole, worked out from its parts (<c>Call.State</c>), never kept beside
/// them. Not monotonic: a call answered by an operator and transferred blind rings again.
/// </summary>
public enum CallState
{
    /// <summary>The platform has the caller: the policy is deciding, or a menu, message, queue music or voicemail plays.</summary>
    Routing,
    /// <summary>Phones ring for the caller (the policy's ringing, a queue's offer, a transfer or a recall).</summary>
    Ringing,
    /// <summary>A person talks to the caller (also while they hold it or consult a colleague).</summary>
    Answered,
    /// <summary>Over: every leg has been answered, cancelled or hung up.</summary>
    Ended,
}

/// <summary>Which leg of a call a message belongs to.</summary>
public enum CallSide
{
    Caller,
    Callee,
}
