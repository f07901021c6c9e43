using System.Globalization;

namespace Omstilling.Web.Contact;

/// <summary>
/// The contact page's words: weekdays, dates and times written the Danish way ("torsdag",
/// "24. december", "08.00–15.00"). Written out here rather than taken from the culture, so that
/// the text does not change with the machine's ICU data. Pure.
/// </summary>
public static class ContactText
{
    private static readonly string[] Weekdays = ["søndag", "mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag"];

    private static readonly string[] Months =
        ["januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september", "oktober", "november", "december"];

    /// <summary>The week as a Danish reader lists it, Monday first.</summary>
    public static IReadOnlyList<DayOfWeek> MondayFirst { get; } =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    /// <summary>"mandag".</summary>
    public static string Weekday(DayOfWeek day) => Weekdays[(int)day];

    /// <summary>"24. december".</summary>
    public static string Date(DateOnly date) => string.Create(CultureInfo.InvariantCulture, $"{date.Day}. {Months[date.Month - 1]}");

    /// <summary>"kl. 15.00".</summary>
    public static string Clock(int minuteOfDay) =>
        string.Create(CultureInfo.InvariantCulture, $"kl. {minuteOfDay / 60:00}.{minuteOfDay % 60:00}");

    /// <summary>"08:00" → "08.00" (the Danish full stop between hours and minutes).</summary>
    public static string Time(string hoursAndMinutes)
    {
        ArgumentNullException.ThrowIfNull(hoursAndMinutes);
        return hoursAndMinutes.Replace(':', '.');
    }

    /// <summary>"08.00–15.00", "08.00–12.00 og 13.00–15.00", "Lukket", "Hele døgnet".</summary>
    public static string Spans(IReadOnlyList<ContactSpan> spans)
    {
        ArgumentNullException.ThrowIfNull(spans);
        if (spans.Count == 0)
        {
            return "Lukket";
        }

        if (spans is [{ From: "00:00", To: "24:00" }])
        {
            return "Hele døgnet";
        }

        var parts = spans.Select(s => $"{Time(s.From)}–{Time(s.To)}").ToList();
        return parts.Count == 1 ? parts[0] : string.Join(", ", parts.Take(parts.Count - 1)) + " og " + parts[^1];
    }

    /// <summary>The first letter in upper case: labels the policy writes in lower case start a line.</summary>
    public static string Capital(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Length == 0 ? text : char.ToUpper(text[0], CultureInfo.InvariantCulture) + text[1..];
    }

    /// <summary>
    /// The ordinary week in lines, days in a row with the same hours together:
    /// ("Mandag–onsdag", "08.00–15.00"), ("Torsdag", "08.00–17.00"), ("Lørdag–søndag", "Lukket").
    /// </summary>
    public static IReadOnlyList<(string Days, string Hours)> RegularLines(IReadOnlyList<ContactWeekday> week)
    {
        ArgumentNullException.ThrowIfNull(week);
        var lines = new List<(string Days, string Hours)>();
        var start = 0;
        for (var i = 1; i <= week.Count; i++)
        {
            if (i == week.Count || Spans(week[i].Spans) != Spans(week[start].Spans))
            {
                var days = i - 1 == start ? Capital(week[start].Weekday) : $"{Capital(week[start].Weekday)}–{week[i - 1].Weekday}";
                lines.Add((days, Spans(week[start].Spans)));
                start = i;
            }
        }

        return lines;
    }

    /// <summary>"torsdag 24. december".</summary>
    public static string DayAndDate(ContactDay day)
    {
        ArgumentNullException.ThrowIfNull(day);
        return $"{day.Weekday} {Date(day.Date)}";
    }

    /// <summary>"torsdag 24. december 2026 kl. 10.00".</summary>
    public static string Moment(DateTime local) =>
        string.Create(CultureInfo.InvariantCulture, $"{Weekday(local.DayOfWeek)} {Date(DateOnly.FromDateTime(local))} {local.Year} {Clock((local.Hour * 60) + local.Minute)}");

    /// <summary>What a deviation is called: its name ("Juledag"), or the kind of day when the policy names none.</summary>
    public static string DayReason(ContactDay day)
    {
        ArgumentNullException.ThrowIfNull(day);
        if (day.Reason is { Length: > 0 } reason)
        {
            return Capital(reason);
        }

        return day.Kind switch
        {
            ContactDayKind.Holiday => "Helligdag",
            ContactDayKind.ClosingDay => "Lukkedag",
            ContactDayKind.HalfDay => "Kortere telefontid",
            ContactDayKind.Exception => "Særlige telefontider",
            ContactDayKind.Regular or ContactDayKind.AlwaysOpen => string.Empty,
            _ => throw new System.Diagnostics.UnreachableException($"Not a day kind: {day.Kind}"),
        };
    }
}
