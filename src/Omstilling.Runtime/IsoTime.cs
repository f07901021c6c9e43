using System.Globalization;

namespace Omstilling.Runtime;

/// <summary>
/// Times in logs as ISO 8601 with their UTC offset ("2026-10-25T02:30:00+01:00"), whatever the
/// machine's culture: a log line means the same in every locale and across a DST change.
/// </summary>
public static class IsoTime
{
    /// <summary>The console logger's timestamp, local time with its offset, then a space.</summary>
    public const string LogTimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fffzzz ";

    public static string Format(DateTimeOffset time) => time.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    /// <summary>The time, or "never" for none.</summary>
    public static string Format(DateTimeOffset? time) => time is { } value ? Format(value) : "never";
}
