using Omstilling.Directory.Live;
using Omstilling.Directory.Model;

namespace Omstilling.Calendars.Tests;

/// <summary>The calendar parts wired as the host wires them, on a fake clock, for one person.</summary>
internal sealed class Harness : IAsyncDisposable
{
    public static readonly TimeZoneInfo Copenhagen = TimeZoneInfo.FindSystemTimeZoneById("Europe/Copenhagen");

    public Harness(DateTimeOffset start, CalendarSource source, params ICalendarProvider[] providers)
    {
        Clock = new SignallingClock(start);
        Person = new Person("anne-soerensen", "Anne Sørensen", "borgerservice") { Extension = "2010", Calendar = source };
        Absences = new AbsenceBook(Clock);
        Calendars = new CalendarBook();
        var hours = new WorkingHours(() => null, Copenhagen);
        Availability = new CompositeAvailability([new AbsenceAvailability(Absences, Copenhagen), new CalendarAvailability(Calendars, hours, Copenhagen)]);
        Poller = new CalendarPoller(() => [Person], providers, Calendars, new CalendarAbsence(Absences, Clock), new CalendarOptions(), Copenhagen, Clock, Log);
    }

    public SignallingClock Clock { get; }

    public Person Person { get; }

    public AbsenceBook Absences { get; }

    public CalendarBook Calendars { get; }

    public CompositeAvailability Availability { get; }

    public CalendarPoller Poller { get; }

    public ListLogger Log { get; } = new();

    /// <summary>Local Copenhagen time on the test's day as an instant.</summary>
    public static DateTimeOffset Local(int year, int month, int day, int hour, int minute) =>
        new(new DateTime(year, month, day, hour, minute, 0), Copenhagen.GetUtcOffset(new DateTime(year, month, day, hour, minute, 0)));

    public Task<DateTimeOffset> PollAsync() => Poller.PollAsync(CancellationToken.None);

    public Absence? Absence => Absences.Current(Person.Id);

    public async Task<Availability> AvailabilityNowAsync() => await Availability.GetAsync(Person, Clock.GetUtcNow(), CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        await Poller.DisposeAsync();
        Absences.Dispose();
    }
}
