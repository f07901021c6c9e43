namespace Omstilling.Calendars;

/// <summary>What a calendar item says of the person's time; free time is not kept at all.</summary>
public enum CalendarItemKind
{
    /// <summary>Busy (a meeting, an appointment).</summary>
    Busy = 0,
    /// <summary>Tentatively accepted: counted as busy, as the person has said they may be there.</summary>
    Tentative = 1,
    /// <summary>Marked out of office (Graph <c>oof</c>).</summary>
    OutOfOffice = 2,
}
