using Omstilling.Calls.Control;
using Omstilling.Calls.Queues;

namespace Omstilling.Web.Tests.Console;

/// <summary>Phones' states as the test sets them; a phone not set is not registered.</summary>
internal sealed class FakePhonePresence : IPhonePresence
{
    public Dictionary<string, PhoneState> Phones { get; } = new(StringComparer.Ordinal);

    public PhoneState StateOf(string extension) => Phones.GetValueOrDefault(extension, PhoneState.Offline);
}
