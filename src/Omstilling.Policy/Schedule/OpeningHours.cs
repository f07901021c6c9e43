using System.Diagnostics;
using System.Collections.Frozen;
using System.Collections.Immutable;
using Omstilling.Policy.Model;
using Omstilling.Policy.Routing;
using Omstilling.Yaml;

namespace Omstilling.Policy.Schedule;

/// <summary>
/// Official telephone hours of a unit (switchboard or department): the weekly hours, exceptions
/// by date and half days. Which rule wins, most specific first: an exception for the date, then
/// the organisation's closed days (holidays, optional and local closing days), then a half day,
/// then the week. Immutable and thread-safe; <see cref="Evaluate"/> allocates nothing.
/// </summary>
public sealed class OpeningHours
{
    public OpeningHours(
        WeeklyHours weekly,
        SourceLocation? weeklySource,
        IEnumerable<HoursException> exceptions,
        ImmutableArray<HalfDay> halfDays)
    {
        ArgumentNullException.ThrowIfNull(weekly);
        ArgumentNullException.ThrowIfNull(exceptions);
        Weekly = weekly;
        WeeklySource = weeklySource;
        Exceptions = exceptions.ToFrozenDictionary(e => e.Date);
        HalfDays = halfDays.IsDefault ? [] : halfDays;
    }

    /// <summary>No hours written anywhere: always open, holidays included.</summary>
    public static OpeningHours Always { get; } = new(WeeklyHours.AlwaysOpen, null, [], []);

    public bool IsAlways => ReferenceEquals(this, Always);

    public WeeklyHours Weekly { get; }

    public SourceLocation? WeeklySource { get; }

    public FrozenDictionary<DateOnly, HoursException> Exceptions { get; }

    public ImmutableArray<HalfDay> HalfDays { get; }

    /// <summary>Whether the unit is open at a local date and minute, and the rule that says so.</summary>
    public DecidingRule Evaluate(DateOnly date, int minuteOfDay, HolidayCalendar calendar, string unitId)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        if (IsAlways)
        {
            return new DecidingRule(RuleKind.AlwaysOpen, true) { UnitId = unitId };
        }

        if (Exceptions.TryGetValue(date, out var exception))
        {
            var open = exception.Hours.IsOpen(minuteOfDay, out _);
            return new DecidingRule(RuleKind.DateException, open)
            {
                Exception = exception,
                Source = exception.Source,
                HoursToday = exception.Hours,
                UnitId = unitId,
            };
        }

        var day = calendar.Classify(date);
        switch (day.Kind)
        {
            case DayKind.PublicHoliday:
                return new DecidingRule(RuleKind.PublicHoliday, false) { Day = day.Day, HoursToday = DailyHours.Closed, UnitId = unitId };
            case DayKind.OptionalClosingDay:
                return new DecidingRule(RuleKind.OptionalClosingDay, false)
                {
                    Day = day.Day,
                    Source = calendar.ClosedOptionalDays.TryGetValue(day.Day, out var where) ? where : null,
                    HoursToday = DailyHours.Closed,
                    UnitId = unitId,
                };
            case DayKind.LocalClosingDay:
                return new DecidingRule(RuleKind.LocalClosingDay, false)
                {
                    Day = day.Day,
                    ClosingDay = day.ClosingDay,
                    Source = day.ClosingDay?.Source,
                    HoursToday = DailyHours.Closed,
                    UnitId = unitId,
                };
            case DayKind.WorkingDay:
                // The weekly hours decide, after any half day.
                break;
            default:
                throw new UnreachableException($"Not a day kind: {day.Kind}");
        }

        foreach (var halfDay in HalfDays)
        {
            if (halfDay.Matches(date, day.Day))
            {
                var hours = halfDay.HoursOn(date.DayOfWeek);
                var open = hours.IsOpen(minuteOfDay, out _);
                var kind = open ? RuleKind.WithinHours : RuleKind.HalfDay;
                if (!open && minuteOfDay < halfDay.ClosesAtMinute)
                {
                    kind = ClosedKind(hours, minuteOfDay);
                }

                return new DecidingRule(kind, open) { Day = day.Day, Source = halfDay.Source, HoursToday = hours, UnitId = unitId };
            }
        }

        var weekday = Weekly[date.DayOfWeek];
        if (weekday.IsOpen(minuteOfDay, out _))
        {
            return new DecidingRule(RuleKind.WithinHours, true) { Day = day.Day, Source = WeeklySource, HoursToday = weekday, UnitId = unitId };
        }

        return new DecidingRule(ClosedKind(weekday, minuteOfDay), false) { Day = day.Day, Source = WeeklySource, HoursToday = weekday, UnitId = unitId };
    }

    private static RuleKind ClosedKind(DailyHours hours, int minuteOfDay) =>
        hours.IsClosedAllDay ? RuleKind.ClosedWeekday
        : minuteOfDay < hours.Ranges[0].StartMinute ? RuleKind.BeforeOpening
        : RuleKind.AfterClosing;
}
