using System.Globalization;

namespace Omstilling.Policy.Schedule;

/// <summary>
/// A half-open span of a day, [Start, End), in minutes after local midnight; End may be 1440
/// (24:00). 08:00-15:00 is open at 14:59 and closed at 15:00.
/// </summary>
public readonly record struct TimeRange(int StartMinute, int EndMinute)
{
    public const int MinutesPerDay = 24 * 60;

    public bool Contains(int minuteOfDay) => minuteOfDay >= StartMinute && minuteOfDay < EndMinute;

    public bool Overlaps(TimeRange other) => StartMinute < other.EndMinute && other.StartMinute < EndMinute;

    public static string FormatMinute(int minute) =>
        string.Create(CultureInfo.InvariantCulture, $"{minute / 60:00}:{minute % 60:00}");

    public override string ToString() => FormatMinute(StartMinute) + "-" + FormatMinute(EndMinute);
}
