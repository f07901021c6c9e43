using Omstilling.Calendars.Graph;
using Omstilling.Directory.Model;

namespace Omstilling.Calendars.Tests;

/// <summary>The Graph provider against a local server that answers in the documented shapes.</summary>
public sealed class GraphCalendarTests : IDisposable
{
    private const string Mailbox = "anne.soerensen@guldborgsund.example";

    /// <summary>Monday 7 December 2026, 10.30 in Copenhagen (09.30 UTC).</summary>
    private static readonly DateTimeOffset Now = Harness.Local(2026, 12, 7, 10, 30);

    private readonly LocalHttpServer _server;
    private readonly GraphTestTokens _tokens = new();
    private readonly ListLogger _log = new();

    public GraphCalendarTests()
    {
        _server = new LocalHttpServer(Answer);
    }

    /// <summary>What the server says to each request; tests change it.</summary>
    private Func<LocalHttpServer.Request, LocalHttpServer.Reply?> Override { get; set; } = _ => null;

    private string Replies { get; set; } = RepliesJson("disabled", null);

    private LocalHttpServer.Reply Answer(LocalHttpServer.Request request)
    {
        if (Override(request) is { } reply)
        {
            return reply;
        }

        if (request.Path.EndsWith("/calendar/getSchedule", StringComparison.Ordinal) && request.Method == "POST")
        {
            return new(200, Schedule(null, Item("busy", "2026-12-07T09:00:00", "2026-12-07T10:00:00", "Budgetmøde", false)));
        }

        if (request.Path.EndsWith("/mailboxSettings/automaticRepliesSetting", StringComparison.Ordinal))
        {
            return new(200, Replies);
        }

        return new(404, """{"error":{"code":"ResourceNotFound","message":"No such thing."}}""");
    }

    private GraphCalendarProvider Provider(TimeProvider time) =>
        new(new GraphOptions("tenant", "client", "secret", new Uri(_server.BaseUrl, "v1.0")), _tokens, time, _log);

    private Harness Make(GraphCalendarProvider provider) => new(Now, new CalendarSource(null, Mailbox), provider);

    [Fact]
    public async Task A_busy_item_in_getSchedule_codes_the_person_in_a_meeting_until_its_end()
    {
        await using var h = Make(Provider(TimeProvider.System));

        await h.PollAsync();

        Assert.Equal(AbsenceCode.Meeting, h.Absence?.Code);
        Assert.Equal(Harness.Local(2026, 12, 7, 11, 0), h.Absence?.Until);
        Assert.Equal(CalendarAbsence.SetBy, h.Absence?.SetBy);
        var schedule = _server.Requests.First(r => r.Path.EndsWith("/getSchedule", StringComparison.Ordinal));
        Assert.Contains(Mailbox, schedule.Body, StringComparison.Ordinal);
        Assert.StartsWith("/v1.0/users/", schedule.Path, StringComparison.Ordinal);
        Assert.Equal("Bearer t1", schedule.Authorization);
    }

    [Fact]
    public async Task Automatic_replies_always_enabled_make_the_person_absent_with_the_reply_text()
    {
        Replies = RepliesJson("alwaysEnabled", "<html><body><p>Jeg er p&aring; ferie til 4. januar.</p><p>Kontakt Borgerservice.</p></body></html>");
        Override = r => r.Path.EndsWith("/getSchedule", StringComparison.Ordinal) ? new(200, Schedule(null)) : null;
        await using var h = Make(Provider(TimeProvider.System));

        await h.PollAsync();

        var absence = Assert.IsType<Absence>(h.Absence);
        Assert.Equal(AbsenceCode.OutOfOffice, absence.Code);
        Assert.Equal("Jeg er på ferie til 4. januar. Kontakt Borgerservice.", absence.Note);
        Assert.Null(absence.Until);
        Assert.False((await h.AvailabilityNowAsync()).AvailableNow);
    }

    [Fact]
    public async Task A_scheduled_reply_ends_with_its_scheduled_end()
    {
        Replies = RepliesJson("scheduled", "Til kursus", "2026-12-07T07:00:00", "2026-12-08T07:00:00");
        await using var h = Make(Provider(TimeProvider.System));

        await h.PollAsync();

        Assert.Equal(AbsenceCode.OutOfOffice, h.Absence?.Code);
        Assert.Equal(Harness.Local(2026, 12, 8, 8, 0), h.Absence?.Until);
        Assert.Equal(Harness.Local(2026, 12, 8, 8, 0), (await h.AvailabilityNowAsync()).NextFree);
    }

    [Fact]
    public async Task Pages_of_getSchedule_are_followed_by_their_next_link()
    {
        var next = new Uri(_server.BaseUrl, "v1.0/users/" + Uri.EscapeDataString(Mailbox) + "/calendar/getSchedule?$skiptoken=side2").ToString();
        Override = r => !r.Path.EndsWith("/getSchedule", StringComparison.Ordinal) ? null
            : r.RawUrl.Contains("skiptoken", StringComparison.Ordinal)
                ? new(200, Schedule(null, Item("busy", "2026-12-07T10:00:00", "2026-12-07T10:30:00", "Andet møde", false)))
                : new(200, Schedule(next, Item("busy", "2026-12-07T09:00:00", "2026-12-07T10:00:00", "Første møde", false)));
        using var provider = Provider(TimeProvider.System);

        var fetch = await provider.FetchAsync(new CalendarSource(null, Mailbox), Now.AddHours(-10), Now.AddDays(1), CancellationToken.None);

        Assert.Equal(["Første møde", "Andet møde"], fetch.Items.Select(i => i.Subject));
        Assert.Equal(2, _server.Count("/getSchedule"));
    }

    [Fact]
    public async Task A_private_item_keeps_no_subject()
    {
        Override = r => r.Path.EndsWith("/getSchedule", StringComparison.Ordinal)
            ? new(200, Schedule(null, Item("busy", "2026-12-07T09:00:00", "2026-12-07T10:00:00", "Lægebesøg", true)))
            : null;
        using var provider = Provider(TimeProvider.System);

        var fetch = await provider.FetchAsync(new CalendarSource(null, Mailbox), Now.AddHours(-10), Now.AddDays(1), CancellationToken.None);

        Assert.Null(Assert.Single(fetch.Items).Subject);
    }

    [Fact]
    public async Task Throttling_429_with_Retry_After_2_is_retried_after_two_seconds_of_the_clock_and_not_before()
    {
        var throttled = 0;
        Override = r => r.Path.EndsWith("/getSchedule", StringComparison.Ordinal) && Interlocked.Increment(ref throttled) == 1
            ? new(429, """{"error":{"code":"TooManyRequests","message":"Please retry again later."}}""", Headers: [("Retry-After", "2")])
            : null;
        var clock = new SignallingClock(Now);
        using var provider = Provider(clock);

        var fetch = provider.FetchAsync(new CalendarSource(null, Mailbox), Now.AddHours(-10), Now.AddDays(1), CancellationToken.None);
        await clock.TimerSetAsync(TimeSpan.FromSeconds(2));
        clock.Advance(TimeSpan.FromMilliseconds(1999));
        var before = _server.Count("/getSchedule");
        clock.Advance(TimeSpan.FromMilliseconds(1));
        var result = await fetch;

        Assert.Equal(1, before);
        Assert.Equal(2, _server.Count("/getSchedule"));
        Assert.Single(result.Items);
        Assert.Contains(_log.Entries, e => e.EventId == 5013);
    }

    [Fact]
    public async Task An_expired_token_is_renewed_once_and_the_request_sent_again()
    {
        Override = r => r.Authorization == "Bearer t1"
            ? new(401, """{"error":{"code":"InvalidAuthenticationToken","message":"Lifetime validation failed, the token is expired."}}""")
            : null;
        using var provider = Provider(TimeProvider.System);

        var fetch = await provider.FetchAsync(new CalendarSource(null, Mailbox), Now.AddHours(-10), Now.AddDays(1), CancellationToken.None);

        Assert.Single(fetch.Items);
        Assert.Equal([false, true, false], _tokens.Asked);
        Assert.Equal(["Bearer t1", "Bearer t2", "Bearer t2"], _server.Requests.Select(r => r.Authorization));
    }

    [Fact]
    public async Task A_failing_graph_keeps_the_manual_absence_and_backs_off()
    {
        Override = _ => new(500, """{"error":{"code":"generalException","message":"Boom."}}""");
        await using var h = Make(Provider(TimeProvider.System));
        var ill = new Absence(h.Person.Id, AbsenceCode.Ill, null, null, Now, "2010");
        h.Absences.Set(ill);

        await h.PollAsync();

        Assert.Equal(ill, h.Absence);
        Assert.Equal((Now.AddMinutes(1), 1), h.Poller.StateOf(h.Person.Id, "microsoft365"));
    }

    private static string Item(string status, string start, string end, string subject, bool isPrivate) => $$$"""
        {"isPrivate":{{{(isPrivate ? "true" : "false")}}},"status":"{{{status}}}","subject":"{{{subject}}}","location":"Rådhuset",
         "start":{"dateTime":"{{{start}}}.0000000","timeZone":"UTC"},"end":{"dateTime":"{{{end}}}.0000000","timeZone":"UTC"} }
        """;

    private static string Schedule(string? nextLink, params string[] items) => $$$"""
        {"@odata.context":"https://graph.microsoft.com/v1.0/$metadata#Collection(microsoft.graph.scheduleInformation)",
         {{{(nextLink is null ? "" : $"\"@odata.nextLink\":\"{nextLink}\",")}}}
         "value":[{"scheduleId":"{{{Mailbox}}}","availabilityView":"0022","scheduleItems":[{{{string.Join(',', items)}}}],
           "workingHours":{"daysOfWeek":["monday","tuesday","wednesday","thursday","friday"],"startTime":"08:00:00.0000000","endTime":"15:30:00.0000000","timeZone":{"name":"Romance Standard Time"} } }]}
        """;

    private static string RepliesJson(string status, string? message, string start = "2026-12-01T08:00:00", string end = "2026-12-02T08:00:00") => $$$"""
        {"@odata.context":"https://graph.microsoft.com/v1.0/$metadata#users('{{{Mailbox}}}')/mailboxSettings/automaticRepliesSetting",
         "status":"{{{status}}}","externalAudience":"all",
         "scheduledStartDateTime":{"dateTime":"{{{start}}}.0000000","timeZone":"UTC"},
         "scheduledEndDateTime":{"dateTime":"{{{end}}}.0000000","timeZone":"UTC"},
         "internalReplyMessage":{{{System.Text.Json.JsonSerializer.Serialize(message ?? "")}}},"externalReplyMessage":""}
        """;

    public void Dispose() => _server.Dispose();
}
