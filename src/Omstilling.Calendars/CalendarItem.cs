namespace Omstilling.Calendars;

/// <summary>
/// A span the person is busy, [Start, End). Immutable. A private or confidential item has no
/// <see cref="Subject"/>: providers drop it on reading, so it reaches no card and no log.
/// </summary>
/// <param name="Subject">The item's title, or null when private or not given.</param>
public sealed record CalendarItem(DateTimeOffset Start, DateTimeOffset End, CalendarItemKind Kind, string? Subject);
