using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Omstilling.Policy.Schedule;

namespace Omstilling.Calendars.Ics;

/// <summary>Busy items of a parsed calendar over a window: recurrences expanded, free and cancelled events left out, private ones without their summary.</summary>
internal static class IcsExpansion
{
    /// <summary>At most this many occurrences are taken from one window (a runaway RRULE cannot take the poller's time).</summary>
    private const int MaxOccurrences = 5000;

    public static List<CalendarItem> Busy(Calendar calendar, DateTimeOffset from, DateTimeOffset to, TimeZoneInfo zone)
    {
        var start = new CalDateTime(from.UtcDateTime, "UTC");
        var end = new CalDateTime(to.UtcDateTime, "UTC");
        var items = new List<CalendarItem>();
        foreach (var occurrence in calendar.GetOccurrences<CalendarEvent>(start).TakeWhileBefore(end).Take(MaxOccurrences))
        {
            if (occurrence.Source is not CalendarEvent e || IsFree(e))
            {
                continue;
            }

            var itemStart = Instant(occurrence.Period.StartTime, zone);
            var itemEnd = occurrence.Period.EffectiveEndTime is { } effectiveEnd ? Instant(effectiveEnd, zone) : itemStart;
            if (itemEnd <= from || itemStart >= to || itemEnd <= itemStart)
            {
                continue;
            }

            var kind = string.Equals(e.Status, "TENTATIVE", StringComparison.OrdinalIgnoreCase) ? CalendarItemKind.Tentative
                : IsOutOfOffice(e) ? CalendarItemKind.OutOfOffice
                : CalendarItemKind.Busy;
            items.Add(new CalendarItem(itemStart, itemEnd, kind, IsPrivate(e) ? null : Clean(e.Summary)));
        }

        return items;
    }

    /// <summary>CLASS:PRIVATE and CLASS:CONFIDENTIAL (RFC 5545 §3.8.1.3) show only as busy.</summary>
    internal static bool IsPrivate(CalendarEvent e) =>
        e.Class is { } c && (c.Equals("PRIVATE", StringComparison.OrdinalIgnoreCase) || c.Equals("CONFIDENTIAL", StringComparison.OrdinalIgnoreCase));

    /// <summary>TRANSP:TRANSPARENT (§3.8.2.7) does not block time; STATUS:CANCELLED (§3.8.1.11) did not happen.</summary>
    private static bool IsFree(CalendarEvent e) =>
        string.Equals(e.Transparency, "TRANSPARENT", StringComparison.OrdinalIgnoreCase)
        || string.Equals(e.Status, "CANCELLED", StringComparison.OrdinalIgnoreCase);

    /// <summary>Outlook's export marks out-of-office time with X-MICROSOFT-CDO-BUSYSTATUS:OOF.</summary>
    private static bool IsOutOfOffice(CalendarEvent e) =>
        e.Properties.Get<string>("X-MICROSOFT-CDO-BUSYSTATUS") is { } status && status.Equals("OOF", StringComparison.OrdinalIgnoreCase);

    private static string? Clean(string? summary) => string.IsNullOrWhiteSpace(summary) ? null : summary.Trim();

    /// <summary>A time with a zone (or UTC) as it says; a floating time or a date is local time in <paramref name="zone"/>.</summary>
    private static DateTimeOffset Instant(CalDateTime time, TimeZoneInfo zone) =>
        time.IsFloating || !time.HasTime
            ? LocalTimeResolver.Resolve(DateTime.SpecifyKind(time.Value, DateTimeKind.Unspecified), zone).Instant
            : new DateTimeOffset(time.AsUtc, TimeSpan.Zero);
}
