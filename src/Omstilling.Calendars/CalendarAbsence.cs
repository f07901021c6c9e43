using Omstilling.Directory.Live;
using Omstilling.Directory.Model;

namespace Omstilling.Calendars;

/// <summary>
/// Codes people absent from their calendars: while a busy or out-of-office block covers now, the
/// person's absence is the calendar's (set by <see cref="SetBy"/>): "til møde" until the block's
/// end, or "ude af huset" with the reply's text until the reply ends. A coding made by the person
/// or an operator is never replaced; the calendar's own coding is cleared when its block is over.
/// Thread-safe: every change is a compare-and-set on the <see cref="AbsenceBook"/>.
/// </summary>
public sealed class CalendarAbsence(AbsenceBook book, TimeProvider time)
{
    /// <summary>The <see cref="Absence.SetBy"/> of codings made from calendars (Danish: staff and operators read it).</summary>
    public const string SetBy = Absence.SetByCalendar;

    private readonly AbsenceBook _book = book ?? throw new ArgumentNullException(nameof(book));
    private readonly TimeProvider _time = time ?? throw new ArgumentNullException(nameof(time));

    /// <summary>The coding the calendar gives at <paramref name="now"/>, or null when it gives none.</summary>
    public static Absence? Coding(string personId, CalendarSnapshot? calendar, DateTimeOffset now)
    {
        if (calendar?.AwayAt(now) is not { } block)
        {
            return null;
        }

        var code = block.OutOfOffice ? AbsenceCode.OutOfOffice : AbsenceCode.Meeting;
        return new Absence(personId, code, block.Note, block.End, now, SetBy);
    }

    /// <summary>Brings the person's coding in line with their calendar; true when it changed.</summary>
    public bool Apply(string personId, CalendarSnapshot? calendar)
    {
        ArgumentNullException.ThrowIfNull(personId);
        var now = _time.GetUtcNow();
        var current = _book.Current(personId, now);
        if (current is not null && current.SetBy != SetBy)
        {
            return false;
        }

        var wanted = Coding(personId, calendar, now);
        if (wanted is null)
        {
            return current is not null && _book.ClearIfCurrent(current);
        }

        if (current is not null && current.Code == wanted.Code && current.Note == wanted.Note && current.Until == wanted.Until)
        {
            return false;
        }

        return _book.SetIfCurrent(current, wanted);
    }
}
