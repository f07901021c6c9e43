namespace Omstilling.Calendars;

/// <summary>
/// A stretch the person is away by their calendar, adjacent and overlapping items merged: from
/// <see cref="Start"/> to <see cref="End"/> (null: an out-of-office reply with no end). Immutable.
/// </summary>
/// <param name="OutOfOffice">True for an out-of-office reply or item; false for meetings.</param>
/// <param name="Note">What the operator may read: the reply's text, or the subject of a meeting that is not private; null otherwise.</param>
public sealed record CalendarBlock(DateTimeOffset Start, DateTimeOffset? End, bool OutOfOffice, string? Note);
