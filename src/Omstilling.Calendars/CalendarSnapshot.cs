using System.Collections.Immutable;

namespace Omstilling.Calendars;

/// <summary>
/// What is known of one person's calendar: busy items (all sources together, by start) and an
/// out-of-office reply. Immutable and thread-safe; every question takes the instant to judge by.
/// </summary>
public sealed class CalendarSnapshot
{
    public CalendarSnapshot(IEnumerable<CalendarItem> items, AutomaticReply? reply)
    {
        ArgumentNullException.ThrowIfNull(items);
        Items = [.. items.Where(i => i.End > i.Start).OrderBy(i => i.Start).ThenBy(i => i.End)];
        Reply = reply;
    }

    public static CalendarSnapshot Empty { get; } = new([], null);

    public ImmutableArray<CalendarItem> Items { get; }

    public AutomaticReply? Reply { get; }

    /// <summary>
    /// Why the person is away at <paramref name="now"/>, or null: an out-of-office reply in force
    /// (its text as the note), else the busy items around now merged with those adjacent or
    /// overlapping, ending at the last end.
    /// </summary>
    public CalendarBlock? AwayAt(DateTimeOffset now)
    {
        if (Reply is { } reply && reply.IsActive(now))
        {
            return new CalendarBlock(reply.From ?? now, reply.Until, true, reply.Message);
        }

        foreach (var (start, end) in Merge(Items.Select(i => (i.Start, i.End))))
        {
            if (start <= now && now < end)
            {
                var within = Items.Where(i => i.Start < end && i.End > start).ToList();
                var current = within.Where(i => i.Start <= now && now < i.End).ToList();
                return new CalendarBlock(
                    start,
                    end,
                    within.Exists(i => i.Kind == CalendarItemKind.OutOfOffice),
                    current.Select(i => i.Subject).FirstOrDefault(s => s is not null));
            }
        }

        return null;
    }

    /// <summary>The busy spans from <paramref name="now"/> on, merged and in order; an open-ended reply runs to <see cref="DateTimeOffset.MaxValue"/>.</summary>
    public IReadOnlyList<(DateTimeOffset Start, DateTimeOffset End)> BusyFrom(DateTimeOffset now)
    {
        var spans = Items.Where(i => i.End > now).Select(i => (i.Start, i.End)).ToList();
        if (Reply is { } reply && (reply.Until is not { } until || until > now))
        {
            spans.Add((reply.From ?? now, reply.Until ?? DateTimeOffset.MaxValue));
        }

        return Merge(spans);
    }

    /// <summary>The first moment after <paramref name="now"/> at which an item or the reply starts or ends, or null.</summary>
    public DateTimeOffset? NextChangeAfter(DateTimeOffset now)
    {
        DateTimeOffset? next = null;
        foreach (var moment in Items.SelectMany(i => new DateTimeOffset?[] { i.Start, i.End }).Append(Reply?.From).Append(Reply?.Until))
        {
            if (moment is { } at && at > now && (next is null || at < next))
            {
                next = at;
            }
        }

        return next;
    }

    /// <summary>Spans merged where they overlap or touch (10.00-11.00 and 11.00-11.30 are one), in order.</summary>
    internal static List<(DateTimeOffset Start, DateTimeOffset End)> Merge(IEnumerable<(DateTimeOffset Start, DateTimeOffset End)> spans)
    {
        var merged = new List<(DateTimeOffset Start, DateTimeOffset End)>();
        foreach (var (start, end) in spans.OrderBy(s => s.Start))
        {
            if (merged.Count > 0 && start <= merged[^1].End)
            {
                if (end > merged[^1].End)
                {
                    merged[^1] = (merged[^1].Start, end);
                }
            }
            else
            {
                merged.Add((start, end));
            }
        }

        return merged;
    }
}
