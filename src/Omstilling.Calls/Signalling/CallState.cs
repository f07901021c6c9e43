namespace Omstilling.Calls.Signalling;

/// <summary>The life of a call through the B2BUA.</summary>
public enum CallState
{
    /// <summary>The INVITE is being sent to the target's phones; nothing heard back yet.</summary>
    Routing,
    /// <summary>At least one phone rings (180/183 relayed to the caller).</summary>
    Ringing,
    /// <summary>A phone answered; both legs are confirmed dialogs.</summary>
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
