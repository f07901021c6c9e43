using System.Collections.Immutable;

namespace Omstilling.Calendars;

/// <summary>
/// The calendars last read, per person and provider; a person's snapshot is all their providers
/// together. Thread-safe: one lock; readers get immutable snapshots.
/// </summary>
public sealed class CalendarBook
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, ImmutableDictionary<string, CalendarFetch>> _byPerson = new(StringComparer.Ordinal);

    /// <summary>Keeps what <paramref name="provider"/> read for the person, replacing its earlier read.</summary>
    public void Put(string personId, string provider, CalendarFetch fetch)
    {
        ArgumentNullException.ThrowIfNull(personId);
        ArgumentNullException.ThrowIfNull(provider);
        ArgumentNullException.ThrowIfNull(fetch);
        lock (_gate)
        {
            var reads = _byPerson.GetValueOrDefault(personId) ?? ImmutableDictionary.Create<string, CalendarFetch>(StringComparer.Ordinal);
            _byPerson[personId] = reads.SetItem(provider, fetch);
        }
    }

    /// <summary>Forgets people no longer in the directory (or without a calendar).</summary>
    public void Retain(IReadOnlySet<string> personIds)
    {
        ArgumentNullException.ThrowIfNull(personIds);
        lock (_gate)
        {
            foreach (var gone in _byPerson.Keys.Where(id => !personIds.Contains(id)).ToList())
            {
                _byPerson.Remove(gone);
            }
        }
    }

    /// <summary>The person's calendar from every provider, or null when none has been read.</summary>
    public CalendarSnapshot? Get(string personId)
    {
        ArgumentNullException.ThrowIfNull(personId);
        ImmutableDictionary<string, CalendarFetch>? reads;
        lock (_gate)
        {
            reads = _byPerson.GetValueOrDefault(personId);
        }

        if (reads is null)
        {
            return null;
        }

        var ordered = reads.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => r.Value).ToList();
        return new CalendarSnapshot(ordered.SelectMany(f => f.Items), ordered.Select(f => f.Reply).FirstOrDefault(r => r is not null));
    }

    /// <summary>The ids of everyone with a calendar read.</summary>
    public ImmutableArray<string> People
    {
        get
        {
            lock (_gate)
            {
                return [.. _byPerson.Keys.Order(StringComparer.Ordinal)];
            }
        }
    }
}
