using System.Globalization;
using Microsoft.Graph.Models;

namespace Omstilling.Calendars.Graph;

/// <summary>Graph's <c>dateTimeTimeZone</c> (a local time and a zone name, Windows or IANA) to an instant, and back in UTC.</summary>
internal static class GraphTime
{
    public static DateTimeTimeZone Utc(DateTimeOffset instant) => new()
    {
        DateTime = instant.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture),
        TimeZone = "UTC",
    };

    /// <exception cref="FormatException">Not a time, or a zone not known.</exception>
    public static DateTimeOffset Instant(DateTimeTimeZone? value)
    {
        if (value?.DateTime is not { } text)
        {
            throw new FormatException("Graph gave a time without dateTime.");
        }

        var local = DateTime.SpecifyKind(DateTime.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces), DateTimeKind.Unspecified);
        var zone = value.TimeZone;
        if (string.IsNullOrEmpty(zone) || zone.Equals("UTC", StringComparison.OrdinalIgnoreCase) || zone.Equals("Coordinated Universal Time", StringComparison.OrdinalIgnoreCase))
        {
            return new DateTimeOffset(local, TimeSpan.Zero);
        }

        if (!TimeZoneInfo.TryFindSystemTimeZoneById(zone, out var info))
        {
            throw new FormatException($"Graph gave the time zone '{zone}', which is not known here.");
        }

        return Policy.Schedule.LocalTimeResolver.Resolve(local, info).Instant;
    }
}
