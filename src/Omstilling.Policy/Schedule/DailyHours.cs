using System.Collections.Immutable;

namespace Omstilling.Policy.Schedule;

/// <summary>
/// The open spans of one day, sorted and not overlapping (the loader rejects overlaps).
/// Immutable and thread-safe.
/// </summary>
public sealed class DailyHours
{
    public static readonly DailyHours Closed = new([]);

    public static readonly DailyHours AllDay = new([new TimeRange(0, TimeRange.MinutesPerDay)]);

    public DailyHours(ImmutableArray<TimeRange> ranges)
    {
        Ranges = ranges.IsDefault ? [] : ranges.Sort((a, b) => a.StartMinute.CompareTo(b.StartMinute));
    }

    public ImmutableArray<TimeRange> Ranges { get; }

    public bool IsClosedAllDay => Ranges.IsEmpty;

    /// <summary>Whether the minute falls in an open span; <paramref name="range"/> is that span.</summary>
    public bool IsOpen(int minuteOfDay, out TimeRange range)
    {
        foreach (var r in Ranges)
        {
            if (r.Contains(minuteOfDay))
            {
                range = r;
                return true;
            }
        }

        range = default;
        return false;
    }

    /// <summary>The first span that starts after the minute, if any (to say "opens again at").</summary>
    public bool TryGetNextOpening(int minuteOfDay, out TimeRange range)
    {
        foreach (var r in Ranges)
        {
            if (r.StartMinute > minuteOfDay)
            {
                range = r;
                return true;
            }
        }

        range = default;
        return false;
    }

    /// <summary>These hours cut off at <paramref name="closesAtMinute"/>, for half days.</summary>
    public DailyHours ClosingAt(int closesAtMinute)
    {
        var builder = ImmutableArray.CreateBuilder<TimeRange>(Ranges.Length);
        foreach (var r in Ranges)
        {
            if (r.StartMinute < closesAtMinute)
            {
                builder.Add(r with { EndMinute = Math.Min(r.EndMinute, closesAtMinute) });
            }
        }

        return new DailyHours(builder.ToImmutable());
    }

    public override string ToString() => IsClosedAllDay ? "closed" : string.Join(", ", Ranges);
}
