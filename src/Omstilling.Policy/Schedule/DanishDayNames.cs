using System.Collections.Frozen;

namespace Omstilling.Policy.Schedule;

/// <summary>How each <see cref="DanishDay"/> is written in the policy file and spoken in explanations.</summary>
public static class DanishDayNames
{
    private static readonly (DanishDay Day, string Id, string Danish, string English)[] Names =
    [
        (DanishDay.NewYearsDay, "nytaarsdag", "nytårsdag", "New Year's Day"),
        (DanishDay.MaundyThursday, "skaertorsdag", "skærtorsdag", "Maundy Thursday"),
        (DanishDay.GoodFriday, "langfredag", "langfredag", "Good Friday"),
        (DanishDay.EasterSunday, "paaskedag", "påskedag", "Easter Sunday"),
        (DanishDay.EasterMonday, "2-paaskedag", "2. påskedag", "Easter Monday"),
        (DanishDay.GreatPrayerDay, "store-bededag", "store bededag", "Great Prayer Day"),
        (DanishDay.AscensionDay, "kristi-himmelfartsdag", "Kristi himmelfartsdag", "Ascension Day"),
        (DanishDay.WhitSunday, "pinsedag", "pinsedag", "Whit Sunday"),
        (DanishDay.WhitMonday, "2-pinsedag", "2. pinsedag", "Whit Monday"),
        (DanishDay.ChristmasDay, "juledag", "juledag", "Christmas Day"),
        (DanishDay.BoxingDay, "2-juledag", "2. juledag", "Boxing Day"),
        (DanishDay.LabourDay, "1-maj", "1. maj", "1 May"),
        (DanishDay.ConstitutionDay, "grundlovsdag", "grundlovsdag", "Constitution Day"),
        (DanishDay.ChristmasEve, "juleaftensdag", "juleaftensdag", "Christmas Eve"),
        (DanishDay.NewYearsEve, "nytaarsaftensdag", "nytårsaftensdag", "New Year's Eve"),
        (DanishDay.DayAfterAscension, "fredag-efter-kristi-himmelfartsdag", "fredagen efter Kristi himmelfartsdag", "the Friday after Ascension Day"),
    ];

    private static readonly FrozenDictionary<string, DanishDay> ById =
        Names.ToFrozenDictionary(n => n.Id, n => n.Day, StringComparer.Ordinal);

    /// <summary>The ids a policy file may use, for "expected one of" messages.</summary>
    public static IEnumerable<string> Ids => Names.Select(n => n.Id);

    /// <summary>The ids of the optional days only.</summary>
    public static IEnumerable<string> OptionalIds => Names.Where(n => !DanishHolidays.IsPublicHoliday(n.Day)).Select(n => n.Id);

    public static bool TryParse(string id, out DanishDay day) => ById.TryGetValue(id, out day);

    public static string Id(DanishDay day) => Find(day).Id;

    public static string Danish(DanishDay day) => Find(day).Danish;

    public static string English(DanishDay day) => Find(day).English;

    private static (DanishDay Day, string Id, string Danish, string English) Find(DanishDay day) =>
        Array.Find(Names, n => n.Day == day) is { Id: not null } found
            ? found
            : throw new ArgumentOutOfRangeException(nameof(day), day, "Not a named day.");
}
