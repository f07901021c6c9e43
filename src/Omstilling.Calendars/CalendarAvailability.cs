using Omstilling.Directory.Live;
using Omstilling.Directory.Model;

namespace Omstilling.Calendars;

/// <summary>
/// Availability from calendars, for <see cref="CompositeAvailability"/>: away while a busy or
/// out-of-office block covers now, with the next free time by <see cref="WorkingHours"/> (working
/// hours, holidays and the rest of the calendar). Completes synchronously; thread-safe.
/// </summary>
public sealed class CalendarAvailability(CalendarBook book, WorkingHours hours, TimeZoneInfo zone) : IAvailabilitySource
{
    /// <summary>The <see cref="Availability.Source"/> this gives.</summary>
    public const string SourceName = "calendar";

    private readonly CalendarBook _book = book ?? throw new ArgumentNullException(nameof(book));
    private readonly WorkingHours _hours = hours ?? throw new ArgumentNullException(nameof(hours));
    private readonly TimeZoneInfo _zone = zone ?? throw new ArgumentNullException(nameof(zone));

    public ValueTask<Availability> GetAsync(Person person, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(person);
        cancellationToken.ThrowIfCancellationRequested();
        var calendar = _book.Get(person.Id);
        if (CalendarAbsence.Coding(person.Id, calendar, now) is not { } coding)
        {
            return ValueTask.FromResult(Availability.Free(SourceName));
        }

        var nextFree = _hours.NextFree(person, calendar!.BusyFrom(now), now);
        var reason = AbsenceAvailability.Describe(coding.Code, coding.Until, now, _zone);
        return ValueTask.FromResult(new Availability(false, nextFree, reason, SourceName));
    }
}
