using System.Collections.Concurrent;
using System.Net;
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
    private readonly ConcurrentDictionary<IPAddress, int> _bySource = new();
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

    /// <summary>
    /// Bindings registered from <paramref name="source"/> (across every address of record, expired
    /// ones not yet swept included), for the limit per address. The list being changed in an
    /// <see cref="Update"/> is left out until its change is done.
    /// </summary>
    public int CountFrom(IPAddress source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return _bySource.TryGetValue(source, out var n) ? n : 0;
    }

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
                CountSources(list, -1);
                list.RemoveAll(b => b.ExpiresAt <= now);
                change(list, now);
                CountSources(list, +1);
                Interlocked.Add(ref _count, list.Count - before);
                return [.. list];
            }
        }
    }

    private void CountSources(List<Binding> list, int delta)
    {
        foreach (var binding in list)
        {
            CountSource(binding.Source.EndPoint.Address, delta);
        }
    }

    private void CountSource(IPAddress source, int delta)
    {
        while (true)
        {
            if (_bySource.TryGetValue(source, out var n))
            {
                var next = n + delta;
                if (next <= 0 ? _bySource.TryRemove(new KeyValuePair<IPAddress, int>(source, n)) : _bySource.TryUpdate(source, next, n))
                {
                    return;
                }
            }
            else if (delta <= 0 || _bySource.TryAdd(source, delta))
            {
                return;
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
                foreach (var binding in list)
                {
                    if (binding.ExpiresAt <= now)
                    {
                        CountSource(binding.Source.EndPoint.Address, -1);
                    }
                }

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
