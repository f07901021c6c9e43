using System.Globalization;

namespace Omstilling.Directory.Text;

/// <summary>
/// Times as the switchboard says them: "kl. 14.00", "i morgen kl. 08.00", "mandag kl. 09.00",
/// "d. 24. december kl. 08.00". Days are counted on the local calendar of the zone, not in
/// 24-hour steps, so a DST change (Europe/Copenhagen: 23- and 25-hour days) never moves a time to
/// the wrong day. Pure; names are written out here rather than taken from the culture so that the
/// text does not change with the ICU version.
/// </summary>
public static class DanishTime
{
    /// <summary>Beyond this many days the year is said too ("d. 3. marts 2027 kl. 08.00").</summary>
    private const int DaysWithoutYear = 180;

    private static readonly string[] Weekdays = ["søndag", "mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag"];

    private static readonly string[] Months =
        ["januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september", "oktober", "november", "december"];

    /// <summary>
    /// When <paramref name="until"/> is, seen from <paramref name="now"/>: the clock alone today,
    /// "i morgen" tomorrow, the weekday within the coming week, else the date.
    /// </summary>
    public static string Until(DateTimeOffset until, DateTimeOffset now, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = TimeZoneInfo.ConvertTime(until, zone);
        var days = DateOnly.FromDateTime(local.DateTime).DayNumber - DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime).DayNumber;
        var clock = ClockOf(local);
        return days switch
        {
            0 => clock,
            1 => "i morgen " + clock,
            >= 2 and <= 6 => $"{Weekdays[(int)local.DayOfWeek]} {clock}",
            _ => $"{DateOf(local, Math.Abs(days) > DaysWithoutYear)} {clock}",
        };
    }

    /// <summary>"kl. 14.00" in the zone: the Danish clock, 24 hours, a full stop between hours and minutes.</summary>
    public static string Clock(DateTimeOffset instant, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return ClockOf(TimeZoneInfo.ConvertTime(instant, zone));
    }

    /// <summary>"d. 24. december" (or "d. 24. december 2027").</summary>
    public static string Date(DateTimeOffset instant, TimeZoneInfo zone, bool withYear = false)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return DateOf(TimeZoneInfo.ConvertTime(instant, zone), withYear);
    }

    /// <summary>"fredag d. 4. december 2026 kl. 14.05" in the zone: weekday, date with the year, and clock (a mail's "received").</summary>
    public static string Full(DateTimeOffset instant, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = TimeZoneInfo.ConvertTime(instant, zone);
        return $"{Weekdays[(int)local.DayOfWeek]} {DateOf(local, withYear: true)} {ClockOf(local)}";
    }

    private static string ClockOf(DateTimeOffset local) =>
        string.Create(CultureInfo.InvariantCulture, $"kl. {local.Hour:00}.{local.Minute:00}");

    private static string DateOf(DateTimeOffset local, bool withYear) => withYear
        ? string.Create(CultureInfo.InvariantCulture, $"d. {local.Day}. {Months[local.Month - 1]} {local.Year}")
        : string.Create(CultureInfo.InvariantCulture, $"d. {local.Day}. {Months[local.Month - 1]}");
}
