namespace Omstilling.Web.Console;

/// <summary>Whether the operator can take a waiting caller from the console ("Besvar", Alt+B) now, and if not, why.</summary>
public enum PickState
{
    /// <summary>Their phone is registered and free: it rings for the caller they pick.</summary>
    Possible,

    /// <summary>The user has no phone (an administrator watching the switchboard).</summary>
    NoPhone,

    /// <summary>Their phone is not registered: nothing could ring.</summary>
    PhoneOffline,

    /// <summary>They are in a call already.</summary>
    InCall,

    /// <summary>Their phone rings already (the queue's offer, or a recall).</summary>
    Ringing,
}
