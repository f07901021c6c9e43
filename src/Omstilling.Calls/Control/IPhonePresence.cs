using Omstilling.Calls.Queues;

namespace Omstilling.Calls.Control;

/// <summary>What a person's phone is doing, as the console's cards show it. Thread-safe.</summary>
public interface IPhonePresence
{
    /// <summary>Offline when no phone of the extension is registered; else idle, ringing or busy.</summary>
    PhoneState StateOf(string extension);
}
