namespace Omstilling.Media.Prompts;

/// <summary>
/// Builds what callers hear from the standard prompts, Danish-grammatically: positions in the
/// queue, times ("klokken tretten tredive"), weekdays and dates ("den fireogtyvende december").
/// Returns prompt names; <see cref="PromptLibrary"/> turns them into audio.
/// </summary>
public static class DanishPhrases
{
    /// <summary>"Du er nummer tre i køen." Position 1 is "et" (et nummer is neuter).</summary>
    public static IReadOnlyList<string> QueuePosition(int position)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(position, 1);
        return ["du-er-nummer", position == 1 ? "tal-1-et" : NumberName(Math.Min(position, 99)), "i-koeen"];
    }

    /// <summary>"klokken otte", "klokken tretten tredive", "klokken ni nul fem".</summary>
    public static IReadOnlyList<string> Time(int hour, int minute)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(hour);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(hour, 23);
        ArgumentOutOfRangeException.ThrowIfNegative(minute);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(minute, 59);
        var names = new List<string> { "klokken", NumberName(hour) };
        if (minute > 0)
        {
            if (minute < 10)
            {
                names.Add(NumberName(0));
            }

            names.Add(NumberName(minute));
        }

        return names;
    }

    /// <summary>"mandag den fireogtyvende december".</summary>
    public static IReadOnlyList<string> Date(DateOnly date, bool withWeekday = true)
    {
        var names = new List<string>();
        if (withWeekday)
        {
            names.Add(WeekdayName(date.DayOfWeek));
        }

        names.Add("den");
        names.Add(OrdinalName(date.Day));
        names.Add(MonthName(date.Month));
        return names;
    }

    /// <summary>"tast fire" before a menu option's description.</summary>
    public static IReadOnlyList<string> Press(char digit) => ["tast", DigitName(digit)];

    public static string NumberName(int n) => $"tal-{n}";

    public static string OrdinalName(int n) => $"dato-{n}";

    public static string WeekdayName(DayOfWeek day) => "ugedag-" + Ascii(DanishWords.Weekday(day));

    public static string MonthName(int month) => "maaned-" + DanishWords.Months[month - 1];

    public static string DigitName(char digit) => digit switch
    {
        '*' => "stjerne",
        '#' => "firkant",
        _ when char.IsAsciiDigit(digit) => NumberName(digit - '0'),
        _ => throw new ArgumentOutOfRangeException(nameof(digit), digit, "Menu keys are 0-9, * and #."),
    };

    /// <summary>File names stay ASCII: æ → ae, ø → oe, å → aa.</summary>
    public static string Ascii(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Replace("æ", "ae", StringComparison.Ordinal).Replace("ø", "oe", StringComparison.Ordinal).Replace("å", "aa", StringComparison.Ordinal);
    }
}
