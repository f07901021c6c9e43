namespace Omstilling.Directory.Model;

/// <summary>
/// Where a person's calendar is read from (directory key <c>calendar:</c>): an iCalendar file or
/// feed, a Microsoft 365 mailbox, or both. Immutable.
/// </summary>
/// <param name="Ics">An http(s) URL or a file path (a relative one is resolved against the directory file's folder); null when none.</param>
/// <param name="Microsoft365">The mailbox's user principal name or address for Microsoft Graph; null when none.</param>
public sealed record CalendarSource(string? Ics, string? Microsoft365)
{
    /// <summary>True when <see cref="Ics"/> is read over http(s) rather than from a file.</summary>
    public bool IcsIsUrl => Ics is { } ics
        && (ics.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || ics.StartsWith("https://", StringComparison.OrdinalIgnoreCase));
}
