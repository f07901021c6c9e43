namespace Omstilling.Web.Console;

/// <summary>What the status bar offers the operator for their place in the queue.</summary>
public enum PauseControls
{
    /// <summary>Nothing: the user has no phone.</summary>
    None,

    /// <summary>The reason dropdown, "Pause" and "Log ud af køen".</summary>
    PauseOrLogOut,

    /// <summary>"Klar": the pause ends.</summary>
    Ready,

    /// <summary>"Log ind i køen".</summary>
    LogIn,
}
