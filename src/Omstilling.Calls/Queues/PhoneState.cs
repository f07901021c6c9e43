namespace Omstilling.Calls.Queues;

/// <summary>What an extension's phone is doing, as the console shows it.</summary>
public enum PhoneState
{
    /// <summary>No phone of the extension is registered.</summary>
    Offline,
    Idle,
    Ringing,
    /// <summary>In a call (talking, holding, or being transferred).</summary>
    Busy,
}
