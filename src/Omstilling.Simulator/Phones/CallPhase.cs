namespace Omstilling.Simulator.Phones;

/// <summary>
/// Where a simulated call is, for either direction (RFC 3261 §13). It only moves forward:
/// Setup → Early → Accepting → Talking → Ending → Ended, each step optional but the last.
/// </summary>
internal enum CallPhase
{
    /// <summary>The INVITE is sent (outgoing) or here (incoming); nothing but 100 Trying yet.</summary>
    Setup,

    /// <summary>A 180 or 183 with a To tag came back (outgoing), or our 180 went out (incoming).</summary>
    Early,

    /// <summary>Incoming only: our 200 went out and is retransmitted until its ACK comes (§13.3.1.4).</summary>
    Accepting,

    /// <summary>Answered and acknowledged: the dialog is confirmed and audio flows.</summary>
    Talking,

    /// <summary>This phone hung up (BYE or CANCEL sent) and waits for the other side to confirm.</summary>
    Ending,

    /// <summary>Over; <see cref="SimulatedCall.Ended"/> says how.</summary>
    Ended,
}
