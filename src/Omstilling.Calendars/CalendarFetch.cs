namespace Omstilling.Calendars;

/// <summary>What one provider read of one person's calendar. Immutable.</summary>
/// <param name="Items">Busy items overlapping the window asked for, by start.</param>
/// <param name="Reply">The out-of-office reply switched on, or null.</param>
/// <param name="Unchanged">True when the source said it had not changed (HTTP 304, same file) and the cached copy was used.</param>
public sealed record CalendarFetch(IReadOnlyList<CalendarItem> Items, AutomaticReply? Reply, bool Unchanged);
