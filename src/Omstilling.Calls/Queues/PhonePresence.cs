using Omstilling.Calls.Control;
using Omstilling.Sip.Registrar;

namespace Omstilling.Calls.Queues;

/// <summary>A phone's state from the registrar (is one registered) and the calls (is it ringing, in a call). Thread-safe.</summary>
internal sealed class PhonePresence(BindingStore bindings, PhoneActivity activity) : IPhonePresence
{
    public PhoneState StateOf(string extension) =>
        bindings.Lookup(extension).Count == 0 ? PhoneState.Offline : activity.StateOf(extension);
}
