namespace Omstilling.Calls.Routing;

/// <summary>Numbers the platform answers itself: for installers testing phones and lines, and feature codes for staff (README).</summary>
public enum ServiceNumber
{
    /// <summary>Not a service number: ring an extension.</summary>
    None,
    /// <summary>8000: everything the caller says comes back; key presses are call events (the only place keys are recorded: checking them is the test's purpose).</summary>
    Echo,
    /// <summary>8001: plays the greeting "Guldborgsund Kommune - Goddag" and hangs up.</summary>
    Greeting,

    /// <summary>
    /// *88: the caller's last call put through to them (within 15 minutes) is marked "fejlstillet";
    /// a short Danish prompt says whether there was one, then the call ends.
    /// </summary>
    MarkMisrouted,

    /// <summary>*41*C*HHMM# or *41*C#: the caller codes their absence (<see cref="DialTarget.Absence"/>); a prompt confirms it, then the call ends.</summary>
    SetAbsence,

    /// <summary>#41#: the caller clears their absence; a prompt confirms it, then the call ends.</summary>
    ClearAbsence,

    /// <summary>*21*, *67*, *61* and #21#, #67#, #61#: the caller sets or cancels a forwarding (<see cref="DialTarget.Forward"/>); a prompt confirms it, then the call ends.</summary>
    Forwarding,

    /// <summary>The voicemail number (the policy's, 8500 by default): the caller's own box, behind its PIN.</summary>
    Voicemail,
}
