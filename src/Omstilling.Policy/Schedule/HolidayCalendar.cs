using System.Collections.Frozen;
using System.Collections.Immutable;
using Omstilling.Policy.Model;
using Omstilling.Yaml;

namespace Omstilling.Policy.Schedule;

/// <summary>
/// Which days the whole organisation is closed: the computed Danish public holidays, the optional
/// days this policy closes, and its local closing days. Immutable and thread-safe; classifying a
/// date allocates nothing.
/// </summary>
public sealed class HolidayCalendar
{
    private readonly uint _closedOptionalMask;

    public HolidayCalendar(
        bool usesDanishHolidays,
        ImmutableDictionary<DanishDay, SourceLocation> closedOptionalDays,
        IEnumerable<ClosingDay> closingDays)
    {
        ArgumentNullException.ThrowIfNull(closedOptionalDays);
        ArgumentNullException.ThrowIfNull(closingDays);
        UsesDanishHolidays = usesDanishHolidays;
        ClosedOptionalDays = closedOptionalDays;
        foreach (var day in closedOptionalDays.Keys)
        {
            _closedOptionalMask |= 1u << (int)day;
        }

        ClosingDays = closingDays.ToFrozenDictionary(d => d.Date);
    }

    public static HolidayCalendar Danish { get; } = new(true, ImmutableDictionary<DanishDay, SourceLocation>.Empty, []);

    /// <summary>Whether the Danish public holidays close the organisation (`public-holidays: denmark`).</summary>
    public bool UsesDanishHolidays { get; }

    /// <summary>Optional days this policy closes, with where the policy says so.</summary>
    public ImmutableDictionary<DanishDay, SourceLocation> ClosedOptionalDays { get; }

    public FrozenDictionary<DateOnly, ClosingDay> ClosingDays { get; }

    public DayClassification Classify(DateOnly date)
    {
        var day = DanishHolidays.Identify(date);
        if (ClosingDays.TryGetValue(date, out var closing))
        {
            return new DayClassification(DayKind.LocalClosingDay, day, closing);
        }

        if (day == DanishDay.None)
        {
            return default;
        }

        if (DanishHolidays.IsPublicHoliday(day))
        {
            return new DayClassification(UsesDanishHolidays ? DayKind.PublicHoliday : DayKind.WorkingDay, day, null);
        }

        var closed = (_closedOptionalMask & (1u << (int)day)) != 0;
        return new DayClassification(closed ? DayKind.OptionalClosingDay : DayKind.WorkingDay, day, null);
    }
}
