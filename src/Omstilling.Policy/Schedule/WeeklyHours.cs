using System.Collections.Immutable;

namespace Omstilling.Policy.Schedule;

/// <summary>Hours for each day of the week, indexed by <see cref="DayOfWeek"/>. Immutable.</summary>
public sealed class WeeklyHours
{
    private readonly DailyHours[] _days;

    public WeeklyHours(IReadOnlyList<DailyHours> days)
    {
        ArgumentNullException.ThrowIfNull(days);
        if (days.Count != 7)
        {
            throw new ArgumentException("A week has seven days.", nameof(days));
        }

        _days = [.. days];
    }

    public static WeeklyHours AlwaysOpen { get; } = new(Enumerable.Repeat(DailyHours.AllDay, 7).ToArray());

    public DailyHours this[DayOfWeek day] => _days[(int)day];

    public ImmutableArray<DailyHours> Days => [.. _days];

    /// <summary>True when no day of the week has any open span.</summary>
    public bool IsNeverOpen => Array.TrueForAll(_days, d => d.IsClosedAllDay);
}
