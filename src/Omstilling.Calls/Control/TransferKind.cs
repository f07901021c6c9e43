namespace Omstilling.Calls.Control;

/// <summary>How the operator puts a caller through (the policy's words: blind or announced transfer).</summary>
public enum TransferKind
{
    /// <summary>The target's phone rings for the caller at once; the operator is free (recalled if unanswered).</summary>
    Blind,

    /// <summary>The operator talks to the target first while the caller hears music, then completes or returns.</summary>
    Announced,

    /// <summary>The target is busy: the caller waits and the target is rung as soon as they are free.</summary>
    CampOn,
}
