using System.Collections.Immutable;

namespace Omstilling.Policy.Schedule;

/// <summary>
/// Danish public holidays and optional days, computed. Easter Sunday by the Gregorian computus
/// (the anonymous "Meeus/Jones/Butcher" algorithm), everything Easter-relative from it.
/// Pure functions; no allocation on the lookups the router uses.
/// </summary>
public static class DanishHolidays
{
    /// <summary>The last year Store Bededag was a public holiday (abolished by law from 2024).</summary>
    public const int LastGreatPrayerDayYear = 2023;

    /// <summary>Easter Sunday of a Gregorian year (1583 and later).</summary>
    public static DateOnly EasterSunday(int year)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, 1583);
        var a = year % 19;
        var b = year / 100;
        var c = year % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = ((19 * a) + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        var m = (a + (11 * h) + (22 * l)) / 451;
        var month = (h + l - (7 * m) + 114) / 31;
        var day = ((h + l - (7 * m) + 114) % 31) + 1;
        return new DateOnly(year, month, day);
    }

    /// <summary>True for the days in the first group of <see cref="DanishDay"/>.</summary>
    public static bool IsPublicHoliday(DanishDay day) => day is >= DanishDay.NewYearsDay and <= DanishDay.BoxingDay;

    /// <summary>
    /// The named day a date is, if any: a public holiday or one of the optional days.
    /// A date is at most one named day (no Easter-relative day ever falls on a fixed one that
    /// Denmark names, except that 5 June may be 2. pinsedag; the holiday wins then).
    /// </summary>
    public static DanishDay Identify(DateOnly date)
    {
        var fixedDay = (date.Month, date.Day) switch
        {
            (1, 1) => DanishDay.NewYearsDay,
            (12, 25) => DanishDay.ChristmasDay,
            (12, 26) => DanishDay.BoxingDay,
            (12, 24) => DanishDay.ChristmasEve,
            (12, 31) => DanishDay.NewYearsEve,
            _ => DanishDay.None,
        };
        if (fixedDay != DanishDay.None || date.Month is < 3 or > 6)
        {
            return fixedDay;
        }

        var fromEaster = date.DayNumber - EasterSunday(date.Year).DayNumber;
        var easterDay = fromEaster switch
        {
            -3 => DanishDay.MaundyThursday,
            -2 => DanishDay.GoodFriday,
            0 => DanishDay.EasterSunday,
            1 => DanishDay.EasterMonday,
            26 when date.Year <= LastGreatPrayerDayYear => DanishDay.GreatPrayerDay,
            39 => DanishDay.AscensionDay,
            40 => DanishDay.DayAfterAscension,
            49 => DanishDay.WhitSunday,
            50 => DanishDay.WhitMonday,
            _ => DanishDay.None,
        };
        if (easterDay != DanishDay.None)
        {
            return easterDay;
        }

        return (date.Month, date.Day) switch
        {
            (5, 1) => DanishDay.LabourDay,
            (6, 5) => DanishDay.ConstitutionDay,
            _ => DanishDay.None,
        };
    }

    /// <summary>Every public holiday of a year, in date order.</summary>
    public static ImmutableArray<(DateOnly Date, DanishDay Day)> PublicHolidays(int year)
    {
        var builder = ImmutableArray.CreateBuilder<(DateOnly, DanishDay)>();
        for (var date = new DateOnly(year, 1, 1); date.Year == year; date = date.AddDays(1))
        {
            var day = Identify(date);
            if (IsPublicHoliday(day))
            {
                builder.Add((date, day));
            }
        }

        return builder.ToImmutable();
    }

    /// <summary>The date a named day falls on in a year.</summary>
    public static DateOnly DateOf(DanishDay day, int year)
    {
        var easter = EasterSunday(year);
        return day switch
        {
            DanishDay.NewYearsDay => new DateOnly(year, 1, 1),
            DanishDay.MaundyThursday => easter.AddDays(-3),
            DanishDay.GoodFriday => easter.AddDays(-2),
            DanishDay.EasterSunday => easter,
            DanishDay.EasterMonday => easter.AddDays(1),
            DanishDay.GreatPrayerDay => easter.AddDays(26),
            DanishDay.AscensionDay => easter.AddDays(39),
            DanishDay.DayAfterAscension => easter.AddDays(40),
            DanishDay.WhitSunday => easter.AddDays(49),
            DanishDay.WhitMonday => easter.AddDays(50),
            DanishDay.ChristmasDay => new DateOnly(year, 12, 25),
            DanishDay.BoxingDay => new DateOnly(year, 12, 26),
            DanishDay.LabourDay => new DateOnly(year, 5, 1),
            DanishDay.ConstitutionDay => new DateOnly(year, 6, 5),
            DanishDay.ChristmasEve => new DateOnly(year, 12, 24),
            DanishDay.NewYearsEve => new DateOnly(year, 12, 31),
            DanishDay.None => throw new ArgumentOutOfRangeException(nameof(day), day, "Not a named day."),
            _ => throw new ArgumentOutOfRangeException(nameof(day), day, "Not a named day."),
        };
    }
}
