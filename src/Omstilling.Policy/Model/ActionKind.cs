namespace Omstilling.Policy.Model;

/// <summary>What a menu option, an overflow rule or a number leads to.</summary>
public enum ActionKind
{
    /// <summary>Ring one internal extension.</summary>
    Extension = 0,
    /// <summary>Route as if the department's number was dialled (its hours and overflow apply).</summary>
    Department = 1,
    /// <summary>Put the caller in a queue.</summary>
    Queue = 2,
    /// <summary>Route as if one of the policy's own numbers was dialled.</summary>
    Number = 3,
    /// <summary>Forward to a number outside the organisation (a night phone, an on-call service).</summary>
    External = 4,
    /// <summary>Play a sub-menu.</summary>
    Menu = 5,
    /// <summary>Play a message, then do <see cref="PolicyAction.Then"/> (hang up by default).</summary>
    Message = 6,
    /// <summary>Record a voicemail for a department (by id) or an extension.</summary>
    Voicemail = 7,
    /// <summary>Return to the previous menu.</summary>
    Back = 8,
    /// <summary>Go to the main switchboard (routed as the main number at that instant).</summary>
    Operator = 9,
    /// <summary>End the call.</summary>
    Hangup = 10,
}
