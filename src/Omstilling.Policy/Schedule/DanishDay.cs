namespace Omstilling.Policy.Schedule;

/// <summary>
/// The named days of the Danish calendar the policy can speak of. The first group are public
/// holidays (helligdage), always closed when the policy uses the Danish holidays; the second
/// group are days each policy chooses to close (or to close early).
/// </summary>
public enum DanishDay
{
    None = 0,

    /// <summary>1 January.</summary>
    NewYearsDay = 1,
    /// <summary>Skærtorsdag: Easter Sunday − 3.</summary>
    MaundyThursday = 2,
    /// <summary>Langfredag: Easter Sunday − 2.</summary>
    GoodFriday = 3,
    /// <summary>Påskedag.</summary>
    EasterSunday = 4,
    /// <summary>2. påskedag: Easter Sunday + 1.</summary>
    EasterMonday = 5,
    /// <summary>Store Bededag: Easter Sunday + 26; a holiday up to and including 2023, abolished from 2024.</summary>
    GreatPrayerDay = 6,
    /// <summary>Kristi himmelfartsdag: Easter Sunday + 39.</summary>
    AscensionDay = 7,
    /// <summary>Pinsedag: Easter Sunday + 49.</summary>
    WhitSunday = 8,
    /// <summary>2. pinsedag: Easter Sunday + 50.</summary>
    WhitMonday = 9,
    /// <summary>Juledag, 25 December.</summary>
    ChristmasDay = 10,
    /// <summary>2. juledag, 26 December.</summary>
    BoxingDay = 11,

    /// <summary>1 May (optional).</summary>
    LabourDay = 20,
    /// <summary>Grundlovsdag, 5 June (optional; often closed from noon).</summary>
    ConstitutionDay = 21,
    /// <summary>Juleaftensdag, 24 December (optional).</summary>
    ChristmasEve = 22,
    /// <summary>Nytårsaftensdag, 31 December (optional).</summary>
    NewYearsEve = 23,
    /// <summary>The Friday after Kristi himmelfartsdag (optional; a common closing day).</summary>
    DayAfterAscension = 24,
}
