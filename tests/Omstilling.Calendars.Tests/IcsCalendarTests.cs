using Omstilling.Calendars.Ics;
using Omstilling.Directory.Model;

namespace Omstilling.Calendars.Tests;

public sealed class IcsCalendarTests : IDisposable
{
    /// <summary>Monday 7 December 2026, a working day (UTC+1).</summary>
    private static readonly DateTimeOffset At1015 = Harness.Local(2026, 12, 7, 10, 15);

    private readonly string _folder = System.IO.Directory.CreateTempSubdirectory("omstilling-ics-").FullName;
    private readonly HttpClient _http = new();

    private string File(string name, params string[] events)
    {
        var path = Path.Combine(_folder, name);
        System.IO.File.WriteAllText(path, Ics(events));
        return path;
    }

    internal static string Ics(params string[] events) =>
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Omstilling//Test//DA\r\n" + string.Concat(events) + "END:VCALENDAR\r\n";

    internal static string Event(string uid, string start, string end, string summary, params string[] extra) =>
        $"BEGIN:VEVENT\r\nUID:{uid}\r\nDTSTAMP:20261201T000000Z\r\nDTSTART;TZID=Europe/Copenhagen:{start}\r\nDTEND;TZID=Europe/Copenhagen:{end}\r\nSUMMARY:{summary}\r\n"
        + string.Concat(extra.Select(e => e + "\r\n")) + "END:VEVENT\r\n";

    private Harness Make(string path, DateTimeOffset start) => new(start, new CalendarSource(path, null), new IcsCalendarProvider(_http, Harness.Copenhagen));

    [Fact]
    public async Task A_meeting_from_ten_to_half_past_eleven_codes_the_person_til_moede_til_kl_11_30_with_next_free_time_11_30()
    {
        var path = File("anne.ics", Event("m1", "20261207T100000", "20261207T113000", "Budgetmøde"));
        await using var h = Make(path, At1015);

        await h.PollAsync();

        var absence = Assert.IsType<Absence>(h.Absence);
        Assert.Equal(AbsenceCode.Meeting, absence.Code);
        Assert.Equal(Harness.Local(2026, 12, 7, 11, 30), absence.Until);
        Assert.Equal(CalendarAbsence.SetBy, absence.SetBy);
        Assert.Equal("Budgetmøde", absence.Note);
        var availability = await h.AvailabilityNowAsync();
        Assert.False(availability.AvailableNow);
        Assert.Equal("Til møde til kl. 11.30", availability.Reason);
        Assert.Equal(Harness.Local(2026, 12, 7, 11, 30), availability.NextFree);
    }

    [Fact]
    public async Task When_the_meeting_ends_the_calendars_coding_ends()
    {
        var path = File("anne.ics", Event("m1", "20261207T100000", "20261207T113000", "Budgetmøde"));
        await using var h = Make(path, At1015);
        await h.PollAsync();

        h.Clock.Advance(TimeSpan.FromMinutes(75));
        await h.PollAsync();

        Assert.Null(h.Absence);
        Assert.True((await h.AvailabilityNowAsync()).AvailableNow);
    }

    [Fact]
    public async Task Adjacent_and_overlapping_meetings_give_one_absence_until_the_last_end_and_next_free_after_them()
    {
        var path = File("anne.ics",
            Event("m1", "20261207T100000", "20261207T110000", "Budgetmøde"),
            Event("m2", "20261207T110000", "20261207T113000", "Opfølgning"),
            Event("m3", "20261207T112000", "20261207T120000", "Frokostmøde"));
        await using var h = Make(path, At1015);

        await h.PollAsync();

        Assert.Equal(Harness.Local(2026, 12, 7, 12, 0), h.Absence?.Until);
        Assert.Equal(Harness.Local(2026, 12, 7, 12, 0), (await h.AvailabilityNowAsync()).NextFree);
    }

    [Fact]
    public async Task A_private_meeting_shows_only_as_busy_without_its_summary_on_the_card_or_in_the_log()
    {
        var path = File("anne.ics", Event("p1", "20261207T100000", "20261207T113000", "Lægebesøg", "CLASS:PRIVATE"));
        await using var h = Make(path, At1015);

        await h.PollAsync();

        var absence = Assert.IsType<Absence>(h.Absence);
        Assert.Equal(AbsenceCode.Meeting, absence.Code);
        Assert.Null(absence.Note);
        Assert.DoesNotContain("Læge", (await h.AvailabilityNowAsync()).Reason, StringComparison.Ordinal);
        Assert.All(h.Calendars.Get(h.Person.Id)!.Items, i => Assert.Null(i.Subject));
        Assert.DoesNotContain("Læge", h.Log.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_daily_recurring_meeting_is_expanded_for_today_in_its_time_zone()
    {
        // Started in summer time (UTC+2); at 09.00 local in winter it is 08.00 UTC.
        var path = File("anne.ics", Event("r1", "20260601T090000", "20260601T091500", "Morgenmøde", "RRULE:FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR"));
        await using var h = Make(path, Harness.Local(2026, 12, 7, 9, 5));

        await h.PollAsync();

        Assert.Equal(Harness.Local(2026, 12, 7, 9, 15), h.Absence?.Until);
        Assert.Equal("Til møde til kl. 09.15", (await h.AvailabilityNowAsync()).Reason);
    }

    [Fact]
    public async Task A_meeting_past_the_end_of_the_working_day_makes_the_next_free_time_the_next_working_morning()
    {
        // Thursday 24 December 2026 is a working day (closing at 15.30 by default); 25 and 26 are holidays, then a weekend.
        var path = File("anne.ics", Event("m1", "20261224T150000", "20261224T160000", "Juleafslutning"));
        await using var h = Make(path, Harness.Local(2026, 12, 24, 15, 10));

        await h.PollAsync();

        Assert.Equal(Harness.Local(2026, 12, 28, 8, 0), (await h.AvailabilityNowAsync()).NextFree);
    }

    [Fact]
    public async Task A_manual_absence_is_not_overwritten_by_the_calendar()
    {
        var path = File("anne.ics", Event("m1", "20261207T100000", "20261207T113000", "Budgetmøde"));
        await using var h = Make(path, At1015);
        var lunch = new Absence(h.Person.Id, AbsenceCode.Lunch, null, Harness.Local(2026, 12, 7, 10, 45), At1015, "2010");
        h.Absences.Set(lunch);

        await h.PollAsync();

        Assert.Equal(lunch, h.Absence);
    }

    [Fact]
    public async Task A_broken_file_is_logged_the_previous_calendar_kept_and_tries_back_off()
    {
        var path = File("anne.ics", Event("m1", "20261207T100000", "20261207T113000", "Budgetmøde"));
        await using var h = Make(path, At1015);
        await h.PollAsync();
        System.IO.File.WriteAllText(path, "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART:ikke en dato\r\nSUMMARY:halv");
        System.IO.File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddMinutes(1));

        h.Clock.Advance(TimeSpan.FromMinutes(5));
        await h.PollAsync();
        var first = h.Poller.StateOf(h.Person.Id, "ics");
        h.Clock.Advance(TimeSpan.FromSeconds(30));
        await h.PollAsync();
        var notYet = h.Poller.StateOf(h.Person.Id, "ics");
        h.Clock.Advance(TimeSpan.FromSeconds(30));
        await h.PollAsync();
        var second = h.Poller.StateOf(h.Person.Id, "ics");

        Assert.Equal((At1015.AddMinutes(6), 1), first);
        Assert.Equal(first, notYet);
        Assert.Equal((At1015.AddMinutes(8), 2), second);
        Assert.Equal(2, h.Log.Entries.Count(e => e.EventId == 5010));
        Assert.Equal(AbsenceCode.Meeting, h.Absence?.Code);
        Assert.Single(h.Calendars.Get(h.Person.Id)!.Items);
    }

    [Fact]
    public async Task A_feed_with_an_etag_answered_304_is_not_parsed_again()
    {
        var body = Ics(Event("m1", "20261207T100000", "20261207T113000", "Budgetmøde"));
        using var server = new LocalHttpServer(r => r.IfNoneMatch == "\"v1\""
            ? new LocalHttpServer.Reply(304, Headers: [("ETag", "\"v1\"")])
            : new LocalHttpServer.Reply(200, body, "text/calendar", [("ETag", "\"v1\"")]));
        var provider = new IcsCalendarProvider(_http, Harness.Copenhagen);
        var source = new CalendarSource(new Uri(server.BaseUrl, "anne.ics?token=hemmelig").ToString(), null);
        var from = Harness.Local(2026, 12, 7, 0, 0);

        var first = await provider.FetchAsync(source, from, from.AddDays(1), CancellationToken.None);
        var second = await provider.FetchAsync(source, from, from.AddDays(1), CancellationToken.None);

        Assert.False(first.Unchanged);
        Assert.True(second.Unchanged);
        Assert.Equal(1, provider.Parses);
        Assert.Equal(first.Items, second.Items);
        Assert.Equal([null, "\"v1\""], server.Requests.Select(r => r.IfNoneMatch));
    }

    public void Dispose()
    {
        _http.Dispose();
        System.IO.Directory.Delete(_folder, recursive: true);
    }
}
