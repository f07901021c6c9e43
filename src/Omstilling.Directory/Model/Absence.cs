namespace Omstilling.Directory.Model;

/// <summary>
/// A person's absence coding: why they are away, until when, and who said so. One per person is
/// current at a time (<see cref="Live.AbsenceBook"/>). Immutable.
/// </summary>
/// <param name="PersonId">The <see cref="Person.Id"/>.</param>
/// <param name="Note">Free text for the operator ("på rådhuset i Nykøbing"), or null.</param>
/// <param name="Until">When the person is back; null for "until further notice" (illness).</param>
/// <param name="SetAt">When it was set.</param>
/// <param name="SetBy">Who set it: the person's id, an operator's extension, or a system name ("calendar").</param>
public sealed record Absence(string PersonId, AbsenceCode Code, string? Note, DateTimeOffset? Until, DateTimeOffset SetAt, string SetBy)
{
    /// <summary>The <see cref="SetBy"/> of a coding made from the person's calendar (Danish: the console shows it).</summary>
    public const string SetByCalendar = "kalender";

    /// <summary>In force at <paramref name="now"/>: no end given, or the end not reached (the end itself is back).</summary>
    public bool IsActive(DateTimeOffset now) => Until is not { } until || now < until;
}
