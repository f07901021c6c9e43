using System.Collections.Immutable;
using Omstilling.Policy.Model;
using Omstilling.Yaml;

namespace Omstilling.Policy.Schedule;

/// <summary>
/// A day that closes early, given as a named day (grundlovsdag) or a date. The week's hours
/// clipped at the closing time are computed once per weekday, so routing allocates nothing.
/// </summary>
public sealed class HalfDay
{
    private readonly ImmutableArray<DailyHours> _clippedByWeekday;

    public HalfDay(DanishDay day, DateOnly? date, int closesAtMinute, WeeklyHours weekly, SourceLocation source)
    {
        ArgumentNullException.ThrowIfNull(weekly);
        Day = day;
        Date = date;
        ClosesAtMinute = closesAtMinute;
        Source = source;
        _clippedByWeekday = [.. Enum.GetValues<DayOfWeek>().Select(d => weekly[d].ClosingAt(closesAtMinute))];
    }

    public DanishDay Day { get; }

    public DateOnly? Date { get; }

    public int ClosesAtMinute { get; }

    public SourceLocation Source { get; }

    public bool Matches(DateOnly date, DanishDay identified) =>
        Date is { } d ? d == date : Day != DanishDay.None && Day == identified;

    public DailyHours HoursOn(DayOfWeek weekday) => _clippedByWeekday[(int)weekday];

    /// <summary>The same half day over other weekly hours (when a lower level overrides the week).</summary>
    public HalfDay Over(WeeklyHours weekly) => new(Day, Date, ClosesAtMinute, weekly, Source);
}
