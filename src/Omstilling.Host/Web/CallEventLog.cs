using Omstilling.Calls.Events;

namespace Omstilling.Host.Web;

/// <summary>
/// The most recent call events, newest last, for the status API (history and reports come from
/// storage later). Bounded, so a busy day cannot grow it. Thread-safe.
/// </summary>
internal sealed class CallEventLog(int capacity)
{
    private readonly Queue<CallEvent> _events = new();
    private readonly Lock _lock = new();

    public void Add(CallEvent e)
    {
        lock (_lock)
        {
            _events.Enqueue(e);
            while (_events.Count > capacity)
            {
                _events.Dequeue();
            }
        }
    }

    public IReadOnlyList<CallEvent> Recent()
    {
        lock (_lock)
        {
            return [.. _events];
        }
    }
}
