using Omstilling.Directory.Model;

namespace Omstilling.Calendars;

/// <summary>
/// Reads one kind of calendar source (an iCalendar file or feed, Microsoft 365). Implementations
/// are thread-safe; the poller asks for several people at once. Failure is an exception (the
/// poller logs it, keeps what it had and backs off).
/// </summary>
public interface ICalendarProvider
{
    /// <summary>A short name for logs and state: "ics", "microsoft365".</summary>
    string Name { get; }

    /// <summary>True when the source names something this provider reads.</summary>
    bool Reads(CalendarSource source);

    /// <summary>The person's busy items overlapping [<paramref name="windowStart"/>, <paramref name="windowEnd"/>) and any out-of-office reply.</summary>
    Task<CalendarFetch> FetchAsync(CalendarSource source, DateTimeOffset windowStart, DateTimeOffset windowEnd, CancellationToken cancellationToken);
}
