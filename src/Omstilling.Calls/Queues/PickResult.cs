namespace Omstilling.Calls.Queues;

/// <summary>What came of an operator answering a waiting caller from the console.</summary>
public enum PickResult
{
    /// <summary>The operator's phone rings for the caller (or already did).</summary>
    Offered,
    /// <summary>Another operator's phone rings for this caller or took it.</summary>
    TakenByOther,
    /// <summary>The caller is no longer waiting (answered, gone).</summary>
    NotWaiting,
    /// <summary>The operator's phone is not registered, is in a call or rings, or they are paused or logged out.</summary>
    NotFree,
}
