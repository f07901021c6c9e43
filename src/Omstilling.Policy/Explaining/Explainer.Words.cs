using System.Diagnostics;
using System.Globalization;
using Omstilling.Policy.Model;
using Omstilling.Policy.Schedule;

namespace Omstilling.Policy.Explaining;

/// <summary>Dates, times, numbers and names in words. Written out by hand so that the text does not depend on the machine's culture data.</summary>
internal sealed partial class Explainer
{
    private static readonly string[] DanishMonths =
        ["januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september", "oktober", "november", "december"];

    private static readonly string[] DanishWeekdays = ["søndag", "mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag"];

    /// <summary>"kl. 19:00 torsdag den 24. december 2026" / "at 19:00 on Thursday 24 December 2026".</summary>
    private string At(DateTime local) => T(
        $"kl. {Clock(local)} {Weekday(local)} den {DayMonth(local)} {local.Year}",
        $"at {Clock(local)} on {Weekday(local)} {DayMonth(local)} {local.Year}");

    private static string Clock(DateTime local) => local.ToString("HH:mm", CultureInfo.InvariantCulture);

    private static string Offset(DateTimeOffset instant) =>
        (instant.Offset < TimeSpan.Zero ? "-" : "+") + instant.Offset.ToString(@"hh\:mm", CultureInfo.InvariantCulture);

    private string Weekday(DateTime local) =>
        _english ? local.DayOfWeek.ToString() : DanishWeekdays[(int)local.DayOfWeek];

    private string DayMonth(DateTime local) => DayMonth(local.Month, local.Day);

    private string DayMonth(int month, int day) => _english
        ? $"{day} {CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(month)}"
        : $"{day}. {DanishMonths[month - 1]}";

    private static string Capital(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    private string DayName(DanishDay day) => _english ? DanishDayNames.English(day) : DanishDayNames.Danish(day);

    /// <summary>"08:00-15:00" or "08:00-12:00 og 13:00-15:00".</summary>
    private string Spans(DailyHours hours) => Join(hours.Ranges.Select(r => r.ToString()).ToList());

    private string Join(IReadOnlyList<string> items) => items.Count switch
    {
        0 => string.Empty,
        1 => items[0],
        _ => string.Join(", ", items.Take(items.Count - 1)) + T(" og ", " and ") + items[^1],
    };

    private string Phones(IReadOnlyList<string> extensions) =>
        (extensions.Count == 1 ? T("lokal ", "extension ") : T("lokal ", "extensions ")) + Join(extensions);

    private string Rings(RingLimit limit) => T(
        $"{limit.Rings} ring = {limit.Duration.TotalSeconds:0} sekunder",
        $"{limit.Rings} rings = {limit.Duration.TotalSeconds:0} seconds");

    /// <summary>"54 73 10 00 (hovednummeret)", "54 73 20 41 (Hjemmehjælp distrikt 1, kun for samarbejdspartnere; eksempelnummer)", "lokal 2011 (Bo Jensen)".</summary>
    private string NumberLabel(PlanNumber number)
    {
        var owner = OwnerName(number);
        if (number.Kind == NumberKind.Extension)
        {
            return T($"lokal {number.Number} ({owner})", $"extension {number.Number} ({owner})");
        }

        var parts = new List<string>
        {
            number.Kind == NumberKind.MainNumber ? T("hovednummeret", "the main number") : owner,
        };
        if (number.Visibility == NumberVisibility.PartnersOnly)
        {
            parts.Add(T("kun for samarbejdspartnere", "partners only"));
        }

        if (number.IsExample)
        {
            parts.Add(T("eksempelnummer", "example number"));
        }

        return $"{number.Display} ({string.Join(", ", parts)})";
    }

    private string OwnerName(PlanNumber number) => number.Owner switch
    {
        NumberOwner.Person => _policy.People.TryGetValue(number.OwnerId, out var person)
            ? $"{person.Name}, {_policy.Departments[person.DepartmentId].Name}"
            : number.OwnerId,
        NumberOwner.Operator => T($"telefonist, {_policy.Switchboard.Name}", $"operator, {_policy.Switchboard.Name}"),
        NumberOwner.Switchboard or NumberOwner.Department => _policy.Departments.TryGetValue(number.OwnerId, out var unit) ? unit.Name : number.OwnerId,
        _ => throw new UnreachableException($"Not a number owner: {number.Owner}"),
    };

    private string External(string number, bool isExample) =>
        DanishNumber.Display(number) + (isExample ? T(" (eksempelnummer)", " (example number)") : string.Empty);

    private string SeasonText(Season season) => season.Year is { } year
        ? $"{season.Name}: {DayMonth(season.FromMonth, season.FromDay)} {year}-{DayMonth(season.ToMonth, season.ToDay)} {(season.Wraps ? year + 1 : year)}"
        : $"{season.Name}: {DayMonth(season.FromMonth, season.FromDay)}-{DayMonth(season.ToMonth, season.ToDay)}";
}
