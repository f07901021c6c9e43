namespace Omstilling.Calls.Signalling;

/// <summary>The life of a <see cref="CallBack"/> ("Ring op"); it only moves forward, and any state may end.</summary>
internal enum CallBackState
{
    /// <summary>The operator's phones ring (our INVITEs, showing the number to be called).</summary>
    CallingOperator,

    /// <summary>The operator answered; the citizen's phones (or the trunk) ring; the operator hears the ringing tone.</summary>
    CallingCitizen,

    /// <summary>Operator and citizen talk through the bridge.</summary>
    Talking,

    /// <summary>Over: either hung up, a phone refused or rang out, or a step failed. Every leg is released.</summary>
    Ended,
}
