namespace Omstilling.Calls.Control;

/// <summary>What came of an operator's command on a call (hold, transfer, complete, ...).</summary>
public enum CallControlResult
{
    Done,
    /// <summary>No such call (it may have just ended).</summary>
    NoSuchCall,
    /// <summary>The operator is not the one talking to the caller.</summary>
    NotYourCall,
    /// <summary>The call is not in a state where this makes sense (e.g. complete without a consultation).</summary>
    NotNow,
    /// <summary>The target has no registered phone.</summary>
    TargetUnavailable,
    /// <summary>The target is unknown (not an extension of the number plan or the directory).</summary>
    UnknownTarget,
    /// <summary>Another operator took the caller first.</summary>
    TakenByOther,
    /// <summary>The number outside may not be called (the toll-fraud guard: the operator's class of service or the policy's outbound patterns).</summary>
    NotAllowed,
}
