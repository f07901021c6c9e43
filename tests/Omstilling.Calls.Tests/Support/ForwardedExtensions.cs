using System.Collections.Concurrent;
using Omstilling.Calls.Control;

namespace Omstilling.Calls.Tests.Support;

/// <summary>Forwarding by extension as a test (or a feature code in it) sets it; the Web tests cover the directory's.</summary>
public sealed class ForwardedExtensions : IStaffForwarding
{
    private readonly ConcurrentDictionary<(string, ForwardCondition), CallForwarding> _forwarded = new();

    public void Set(string extension, ForwardCondition condition, string name, string target) => _forwarded[(extension, condition)] = new CallForwarding(name, target);

    public CallForwarding? ForwardingOf(string extension, ForwardCondition condition) => _forwarded.GetValueOrDefault((extension, condition));

    public PhoneForwardingResult SetFromPhone(string extension, ForwardCondition condition, string target, DateTimeOffset now)
    {
        _forwarded[(extension, condition)] = new CallForwarding("Ekstension " + extension, target);
        return PhoneForwardingResult.Set;
    }

    public PhoneForwardingResult ClearFromPhone(string extension, ForwardCondition condition) =>
        _forwarded.TryRemove((extension, condition), out _) ? PhoneForwardingResult.Cleared : PhoneForwardingResult.NothingToClear;
}
