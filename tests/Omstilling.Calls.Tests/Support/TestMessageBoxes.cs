using System.Collections.Concurrent;
using Omstilling.Calls.Control;

namespace Omstilling.Calls.Tests.Support;

/// <summary>Voicemail boxes' counts as a test sets them; each change raises <see cref="Changed"/> on the test's thread.</summary>
public sealed class TestMessageBoxes : IMessageWaiting
{
    private readonly ConcurrentDictionary<string, MessageCounts> _counts = new(StringComparer.Ordinal);

    public event Action<string>? Changed;

    public MessageCounts CountsFor(string box) => _counts.GetValueOrDefault(box);

    /// <summary>Sets the box's counts and tells whoever listens, as a message left or heard does.</summary>
    public void Set(string box, int newMessages, int oldMessages)
    {
        _counts[box] = new MessageCounts(newMessages, oldMessages);
        Changed?.Invoke(box);
    }
}
