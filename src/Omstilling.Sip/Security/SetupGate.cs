namespace Omstilling.Sip.Security;

/// <summary>
/// The overload signal: new INVITEs waiting for their final answer (calls being routed or
/// ringing). A new INVITE enters the gate before anything is done for it and leaves at its first
/// final response; while <see cref="Limit"/> are in, the next is refused (503 with Retry-After)
/// instead of being taken on. A count, not a measure of CPU or latency, so it is the same on
/// every machine and in every test. Thread-safe (lock-free).
/// </summary>
public sealed class SetupGate(int limit)
{
    private int _inSetup;
    private volatile bool _closed;

    /// <summary>INVITEs let in at once; 0: no limit.</summary>
    public int Limit { get; } = limit >= 0 ? limit : throw new ArgumentOutOfRangeException(nameof(limit), limit, "The limit is a count (0: none).");

    /// <summary>INVITEs in setup now.</summary>
    public int InSetup => Volatile.Read(ref _inSetup);

    /// <summary>Whether the gate takes no new INVITE at all: the server is stopping (<see cref="Close"/>).</summary>
    public bool IsClosed => _closed;

    /// <summary>Every new INVITE from now on is refused (503 with Retry-After): the server drains its calls before it stops.</summary>
    public void Close() => _closed = true;

    /// <summary>Enters a new INVITE; false (and nothing counted) when <see cref="Limit"/> are in already, or the gate is closed.</summary>
    public bool TryEnter()
    {
        if (_closed)
        {
            return false;
        }

        var now = Interlocked.Increment(ref _inSetup);
        if (Limit == 0 || now <= Limit)
        {
            return true;
        }

        Interlocked.Decrement(ref _inSetup);
        return false;
    }

    /// <summary>An INVITE that entered got its final answer.</summary>
    public void Exit() => Interlocked.Decrement(ref _inSetup);
}
