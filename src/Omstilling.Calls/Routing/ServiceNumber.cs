namespace Omstilling.Calls.Routing;

/// <summary>Numbers the platform answers itself, for installers testing phones and lines (README).</summary>
public enum ServiceNumber
{
    /// <summary>Not a service number: ring an extension.</summary>
    None,
    /// <summary>8000: everything the caller says comes back; key presses are call events (the only place keys are recorded: checking them is the test's purpose).</summary>
    Echo,
    /// <summary>8001: plays the greeting "Guldborgsund Kommune - Goddag" and hangs up.</summary>
    Greeting,
}
