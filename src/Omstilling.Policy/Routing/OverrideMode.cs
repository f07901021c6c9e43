namespace Omstilling.Policy.Routing;

/// <summary>What a manual override forces.</summary>
public enum OverrideMode
{
    /// <summary>Open the switchboard or department, or offer the menu option, whatever the hours say.</summary>
    ForceOpen = 0,
    /// <summary>Close the switchboard or department, or withdraw the menu option.</summary>
    ForceClosed = 1,
}
