namespace Omstilling.Media.Prompts;

/// <summary>
/// Danish number, ordinal, weekday and month words as they are spoken: units before tens joined
/// with "og" (21 = "enogtyve"), the vigesimal tens (50 = "halvtreds"), and ordinals for dates
/// ("den fireogtyvende december").
/// </summary>
public static class DanishWords
{
    private static readonly string[] Small =
    [
        "nul", "en", "to", "tre", "fire", "fem", "seks", "syv", "otte", "ni", "ti", "elleve", "tolv", "tretten",
        "fjorten", "femten", "seksten", "sytten", "atten", "nitten",
    ];

    private static readonly string[] Tens = ["", "", "tyve", "tredive", "fyrre", "halvtreds", "tres", "halvfjerds", "firs", "halvfems"];

    private static readonly string[] SmallOrdinals =
    [
        "", "første", "anden", "tredje", "fjerde", "femte", "sjette", "syvende", "ottende", "niende", "tiende", "ellevte",
        "tolvte", "trettende", "fjortende", "femtende", "sekstende", "syttende", "attende", "nittende",
    ];

    private static readonly string[] TensOrdinals = ["", "", "tyvende", "tredivte"];

    public static readonly IReadOnlyList<string> Weekdays = ["mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag"];

    public static readonly IReadOnlyList<string> Months =
        ["januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september", "oktober", "november", "december"];

    /// <summary>0-99 as a word: 21 → "enogtyve", 50 → "halvtreds".</summary>
    public static string Cardinal(int n)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(n, 99);
        if (n < 20)
        {
            return Small[n];
        }

        var unit = n % 10;
        return unit == 0 ? Tens[n / 10] : Small[unit] + "og" + Tens[n / 10];
    }

    /// <summary>1-31 as an ordinal, for dates: 24 → "fireogtyvende".</summary>
    public static string Ordinal(int n)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(n, 31);
        if (n < 20)
        {
            return SmallOrdinals[n];
        }

        var unit = n % 10;
        return unit == 0 ? TensOrdinals[n / 10] : Small[unit] + "og" + TensOrdinals[n / 10];
    }

    /// <summary>Monday-first weekday word for a <see cref="DayOfWeek"/>.</summary>
    public static string Weekday(DayOfWeek day) => Weekdays[((int)day + 6) % 7];
}
