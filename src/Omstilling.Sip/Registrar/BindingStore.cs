using System.Collections.Concurrent;
using Omstilling.Sip.Timing;

namespace Omstilling.Sip.Registrar;

/// <summary>
/// The location service: bindings per address of record, expired lazily on lookup and swept
/// periodically so memory follows the live registrations. Thread-safe: each address of record's
/// list is changed under its own lock.
/// </summary>
public sealed class BindingStore
{
    private readonly ConcurrentDictionary<string, List<Binding>> _byAor = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;
    private long _count;

    public BindingStore(SipScheduler scheduler, TimeSpan sweepInterval)
    {
        ArgumentNullException.ThrowIfNull(scheduler);
        _time = scheduler.Time;
        SweepInterval = sweepInterval;
        scheduler.Schedule(sweepInterval, Sweep, scheduler);
    }

    public TimeSpan SweepInterval { get; }

    /// <summary>Bindings held, including expired ones not yet swept.</summary>
    public long Count => Interlocked.Read(ref _count);

    /// <summary>The live bindings of an address of record.</summary>
    public IReadOnlyList<Binding> Lookup(string aor)
    {
        ArgumentNullException.ThrowIfNull(aor);
        if (!_byAor.TryGetValue(aor, out var list))
        {
            return [];
        }

        var now = _time.GetUtcNow();
        lock (list)
        {
            return list.Where(b => b.ExpiresAt > now).ToArray();
        }
    }

    /// <summary>Runs <paramref name="change"/> on the address of record's list under its lock; returns the live bindings after it.</summary>
    public IReadOnlyList<Binding> Update(string aor, Action<List<Binding>, DateTimeOffset> change)
    {
        ArgumentNullException.ThrowIfNull(aor);
        ArgumentNullException.ThrowIfNull(change);
        var now = _time.GetUtcNow();
        while (true)
        {
            var list = _byAor.GetOrAdd(aor, static _ => []);
            lock (list)
            {
                if (!_byAor.TryGetValue(aor, out var current) || !ReferenceEquals(current, list))
                {
                    continue; // Swept away between GetOrAdd and lock: take the new list.
                }

                var before = list.Count;
                list.RemoveAll(b => b.ExpiresAt <= now);
                change(list, now);
                Interlocked.Add(ref _count, list.Count - before);
                return [.. list];
            }
        }
    }

    private void Sweep(object? state)
    {
        var now = _time.GetUtcNow();
        foreach (var (aor, list) in _byAor)
        {
            lock (list)
            {
                var removed = list.RemoveAll(b => b.ExpiresAt <= now);
                Interlocked.Add(ref _count, -removed);
                if (list.Count == 0)
                {
                    _byAor.TryRemove(new KeyValuePair<string, List<Binding>>(aor, list));
                }
            }
        }

        ((SipScheduler)state!).Schedule(SweepInterval, Sweep, state);
    }
}
