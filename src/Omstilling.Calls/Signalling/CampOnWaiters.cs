using System.Collections.Concurrent;

namespace Omstilling.Calls.Signalling;

/// <summary>
/// The calls camped on a busy person, by extension: when the person's last call ends, each is told
/// on the thread pool (never under the lock of the call that ended). Thread-safe.
/// </summary>
internal sealed class CampOnWaiters
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<Call, byte>> _waiting = new(StringComparer.Ordinal);

    /// <summary>The call waits for the extension's calls to end.</summary>
    public void Add(string extension, Call call) =>
        _waiting.GetOrAdd(extension, static _ => new())[call] = 0;

    public void Remove(string extension, Call call)
    {
        if (_waiting.TryGetValue(extension, out var calls))
        {
            calls.TryRemove(call, out _);
        }
    }

    /// <summary>The extension is free: every call waiting for it hears so (raised from another call's event).</summary>
    public void OnFree(string extension)
    {
        if (_waiting.TryGetValue(extension, out var calls) && !calls.IsEmpty)
        {
            foreach (var call in calls.Keys)
            {
                ThreadPool.UnsafeQueueUserWorkItem(static s => s.Call.OnPartyFree(s.Extension), (Call: call, Extension: extension), preferLocal: false);
            }
        }
    }
}
