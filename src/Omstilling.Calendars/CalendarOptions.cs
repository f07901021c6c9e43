namespace Omstilling.Calendars;

/// <summary>How often calendars are read and how the poller backs off. Immutable.</summary>
public sealed record CalendarOptions
{
    /// <summary>Environment variable that sets <see cref="PollInterval"/> in minutes.</summary>
    public const string PollMinutesVariable = "OMSTILLING_CALENDAR_POLL_MINUTES";

    /// <summary>How often each calendar is read when it reads well.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>The wait after the first failure; doubled after each further one (1, 2, 4 … minutes).</summary>
    public TimeSpan FirstBackoff { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>The longest wait between tries of a failing calendar.</summary>
    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>Days read from today's local midnight: enough to find the next free time over a long weekend.</summary>
    public int DaysAhead { get; init; } = 8;

    /// <summary>Calendars read at once.</summary>
    public int Parallelism { get; init; } = 4;

    /// <summary>The wait after <paramref name="failures"/> failures in a row (1 or more).</summary>
    public TimeSpan Backoff(int failures)
    {
        var wait = FirstBackoff * Math.Pow(2, Math.Min(failures - 1, 20));
        return wait > MaxBackoff ? MaxBackoff : wait;
    }

    /// <summary>The defaults, with <see cref="PollMinutesVariable"/> applied when set.</summary>
    /// <exception cref="InvalidOperationException">The variable is not a whole number of minutes from 1 to 1440.</exception>
    public static CalendarOptions From(Func<string, string?> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        if (read(PollMinutesVariable) is not { Length: > 0 } text)
        {
            return new CalendarOptions();
        }

        return int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var minutes) && minutes is >= 1 and <= 1440
            ? new CalendarOptions { PollInterval = TimeSpan.FromMinutes(minutes) }
            : throw new InvalidOperationException($"{PollMinutesVariable} must be whole minutes from 1 to 1440, not '{text}'.");
    }
}
