using System.Collections.Concurrent;

namespace Omstilling.Calls.Signalling;

/// <summary>
/// Keys pressed on the call's phones, from the RTP receive threads (RFC 4733) or the bridge: they
/// are handled on the thread pool, never on a receive thread (which must not wait for the call's
/// lock), one at a time and in the order they came. Thread-safe.
/// </summary>
internal sealed class KeyQueue(Action<CallSide, char> handle)
{
    private readonly ConcurrentQueue<(CallSide Side, char Key)> _keys = new();
    private int _draining;

    public void Enqueue(CallSide side, char key)
    {
        _keys.Enqueue((side, key));
        if (Interlocked.CompareExchange(ref _draining, 1, 0) == 0)
        {
            ThreadPool.UnsafeQueueUserWorkItem(static queue => queue.Drain(), this, preferLocal: false);
        }
    }

    private void Drain()
    {
        while (true)
        {
            while (_keys.TryDequeue(out var key))
            {
                handle(key.Side, key.Key);
            }

            Volatile.Write(ref _draining, 0);
            if (_keys.IsEmpty || Interlocked.CompareExchange(ref _draining, 1, 0) != 0)
            {
                return;
            }
        }
    }
}
