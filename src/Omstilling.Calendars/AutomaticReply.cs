namespace Omstilling.Calendars;

/// <summary>
/// An out-of-office reply that is switched on (Graph <c>automaticRepliesSetting</c>): always, or
/// between <see cref="From"/> and <see cref="Until"/>. Immutable.
/// </summary>
/// <param name="Message">The internal reply as plain text (markup removed), or null when empty.</param>
/// <param name="From">When a scheduled reply starts; null when always on.</param>
/// <param name="Until">When a scheduled reply ends; null when always on (until switched off).</param>
public sealed record AutomaticReply(string? Message, DateTimeOffset? From, DateTimeOffset? Until)
{
    /// <summary>In force at <paramref name="now"/>.</summary>
    public bool IsActive(DateTimeOffset now) => (From is not { } from || from <= now) && (Until is not { } until || now < until);
}
