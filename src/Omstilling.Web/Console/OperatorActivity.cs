namespace Omstilling.Web.Console;

/// <summary>What a switchboard operator is doing, as every console shows it: first what their phone does, then their place in the queue.</summary>
public enum OperatorActivity
{
    /// <summary>In a call: talking, holding or consulting.</summary>
    InCall,

    /// <summary>Their phone rings: a caller the queue offers them or they picked, or another call.</summary>
    Ringing,

    /// <summary>No phone of theirs is registered: no caller can reach them.</summary>
    PhoneOffline,

    /// <summary>Logged out of the queue on the console.</summary>
    LoggedOut,

    /// <summary>On a pause, with or without a reason.</summary>
    Paused,

    /// <summary>Takes the next caller.</summary>
    Ready,
}
