using System.Net;
using System.Text;
using Microsoft.Playwright;
using Omstilling.History.Tests;
using Omstilling.Host.Tests.Support;
using Omstilling.Storage;
using Omstilling.Storage.Entities;
using Omstilling.Storage.Users;

namespace Omstilling.Host.Tests.Web;

/// <summary>
/// <c>/rapporter</c> on a server whose database holds docs/kpis.md's worked example (moved by whole
/// weeks to the last such Thursday, so retention leaves it whole): the administrator sees the three
/// goals with targets and figures, drills down to a call's timeline and downloads a CSV equal to the
/// page; a department head sees their department only; operators and staff are refused.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ReportsPageTests
{
    private static readonly TimeZoneInfo Copenhagen = TimeZoneInfo.FindSystemTimeZoneById("Europe/Copenhagen");

    [Fact]
    public async Task The_admin_sees_the_goals_drills_down_to_a_calls_timeline_and_downloads_a_csv_equal_to_the_page()
    {
        await using var seeded = await SeededServer.StartAsync();
        await using var chromium = await Chromium.LaunchAsync();
        var page = await chromium.LogInAsync(seeded.Server, "admin", Password("admin"), "/beskeder");

        await page.GotoAsync($"/rapporter?periode=dag&dato={seeded.Day:yyyy-MM-dd}&opdel=afdeling");

        Assert.Equal(
            [
                ["Besvaret inden for ringegrænsen", "80", "83,3", "5", "6", "Opfyldt"],
                ["Stillet korrekt om", "90", "33,3", "1", "3", "Ikke opfyldt"],
                ["Tilfredse borgere", "85", "50,0", "1", "2", "Ikke opfyldt"],
            ],
            await RowsAsync(page, "maal"));
        var goals = await page.Locator("table[data-section=maal]").InnerTextAsync();
        Assert.Contains("✓ Opfyldt", goals, StringComparison.Ordinal);
        Assert.Contains("✗ Ikke opfyldt", goals, StringComparison.Ordinal);
        Assert.Equal(3, await page.Locator("svg[role=img] line.target-line").CountAsync());
        Assert.Equal("Besvaret inden for ringegrænsen, dag for dag", await page.Locator("#trend-ring-title").TextContentAsync());
        Assert.Contains("Målet er 80 %", await page.Locator("#trend-ring-desc").TextContentAsync(), StringComparison.Ordinal);
        var byDepartment = await RowsAsync(page, "opdeling");
        var borgerservice = Assert.Single(byDepartment, row => row[0].Contains("borgerservice", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(["3", "100,0 % (3 af 3)", "33,3 % (1 af 3)", "50,0 % (1 af 2)"], borgerservice[1..]);

        // The CSV of the same query equals the page, table for table and cell for cell.
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("[data-testid=csv-link]"));
        var bytes = await File.ReadAllBytesAsync(await download.PathAsync());
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        Assert.Equal(await PageAsCsvAsync(page), Encoding.UTF8.GetString(bytes[3..]));

        // From the correctly transferred calls to the one call behind the figure, and its timeline.
        await page.Locator("table[data-section=maal] tr", new() { HasText = "Stillet korrekt om" }).Locator("td").Nth(3).GetByRole(AriaRole.Link).ClickAsync();
        var calls = page.Locator("[data-testid=drill-calls] tbody tr");
        await calls.First.WaitForAsync();
        Assert.Equal(1, await calls.CountAsync());
        Assert.Contains("20000004", await calls.First.InnerTextAsync(), StringComparison.Ordinal);
        await calls.First.GetByRole(AriaRole.Link, new() { Name = "Se forløbet" }).ClickAsync();
        var events = page.Locator("[data-testid=timeline-events] li");
        await events.First.WaitForAsync();
        Assert.Equal(
            ["09.06.40 Opkaldet kom ind", "09.06.40 Sat i kø", "09.06.41 Tilbudt en omstillingsmedarbejder", "09.06.44 Besvaret", "09.07.10 Omstilling begyndt", "09.07.20 Omstillet", "09.11.40 Opkaldet sluttede"],
            await events.EvaluateAllAsync<string[]>("items => items.map(li => li.querySelector('time').textContent + ' ' + li.querySelector('strong').textContent)"));
    }

    [Fact]
    public async Task A_department_head_sees_their_department_only_and_operators_and_staff_are_refused()
    {
        await using var seeded = await SeededServer.StartAsync();
        var day = $"periode=dag&dato={seeded.Day:yyyy-MM-dd}";
        using var head = await WebLogin.LogInAsync(seeded.Server.WebPort, "2012", Password("2012"));
        using var op = await WebLogin.LogInAsync(seeded.Server.WebPort, "100", Password("100"));
        using var staff = await WebLogin.LogInAsync(seeded.Server.WebPort, "2001", Password("2001"));

        // Asking for the switchboard's calls changes nothing: a head's report is their department's.
        var own = WebUtility.HtmlDecode(await head.GetStringAsync(new Uri($"/rapporter?{day}&afdeling=switchboard&vis=AnsweredWithinRingLimit&del=naevner", UriKind.Relative)));
        var csv = await head.GetStringAsync(new Uri($"/rapporter/csv?{day}&afdeling=switchboard", UriKind.Relative));
        var switchboardCall = await head.GetStringAsync(new Uri($"/rapporter/opkald?id={WorkedExample.Records()[0].CallId}", UriKind.Relative));
        var ownCall = await head.GetStringAsync(new Uri($"/rapporter/opkald?id={WorkedExample.Records()[3].CallId}", UriKind.Relative));

        Assert.Contains("Besvaret inden for ringegrænsen;80;100,0;3;3;Opfyldt", csv, StringComparison.Ordinal);
        Assert.Contains("Opkald i alt;3;;", csv, StringComparison.Ordinal);
        foreach (var caller in new[] { "20000004", "20000005", "20000006" })
        {
            Assert.Contains(caller, own, StringComparison.Ordinal);
        }

        foreach (var caller in new[] { "20000001", "20000002", "20000003" })
        {
            Assert.DoesNotContain(caller, own, StringComparison.Ordinal);
        }

        Assert.Contains("Opkaldet findes ikke", switchboardCall, StringComparison.Ordinal);
        Assert.DoesNotContain("20000001", switchboardCall, StringComparison.Ordinal);
        Assert.Contains("20000004", ownCall, StringComparison.Ordinal);
        foreach (var refused in new[] { op, staff })
        {
            using var pageAnswer = await refused.GetAsync(new Uri($"/rapporter?{day}", UriKind.Relative));
            using var csvAnswer = await refused.GetAsync(new Uri($"/rapporter/csv?{day}", UriKind.Relative));
            using var callAnswer = await refused.GetAsync(new Uri($"/rapporter/opkald?id={WorkedExample.Records()[3].CallId}", UriKind.Relative));
            Assert.Equal(HttpStatusCode.Redirect, pageAnswer.StatusCode);
            Assert.Contains("ingen-adgang", pageAnswer.Headers.Location?.OriginalString, StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.Forbidden, csvAnswer.StatusCode);
            Assert.Equal(HttpStatusCode.Redirect, callAnswer.StatusCode);
        }
    }

    private static string Password(string user) => "hemmelig-" + user;

    private static async Task<List<List<string>>> RowsAsync(IPage page, string section)
    {
        var rows = new List<List<string>>();
        foreach (var row in await page.Locator($"table[data-section={section}] tbody tr").AllAsync())
        {
            rows.Add([.. await row.Locator("td").EvaluateAllAsync<string[]>("cells => cells.map(c => c.dataset.value)")]);
        }

        return rows;
    }

    /// <summary>Every table of the page that the CSV holds (caption, header, cells' values), written as the CSV writes it.</summary>
    private static async Task<string> PageAsCsvAsync(IPage page)
    {
        var text = new StringBuilder();
        foreach (var table in await page.Locator("table[data-section]").AllAsync())
        {
            text.Append(await table.Locator("caption").InnerTextAsync()).Append("\r\n");
            text.AppendJoin(';', await table.Locator("thead th").AllInnerTextsAsync()).Append("\r\n");
            foreach (var row in await table.Locator("tbody tr:not(.empty-row)").AllAsync())
            {
                text.AppendJoin(';', await row.Locator("td").EvaluateAllAsync<string[]>("cells => cells.map(c => c.dataset.value)")).Append("\r\n");
            }

            text.Append("\r\n");
        }

        return text.ToString();
    }

    /// <summary>The server on a data directory with users of each role and the worked example's calls, with call D's events.</summary>
    private sealed class SeededServer : IAsyncDisposable
    {
        private SeededServer(ServerProcess server, string data, DateOnly day) => (Server, Data, Day) = (server, data, day);

        public ServerProcess Server { get; }

        public string Data { get; }

        /// <summary>The worked example's Thursday, moved by whole weeks to the last one before today.</summary>
        public DateOnly Day { get; }

        public static async Task<SeededServer> StartAsync()
        {
            var data = System.IO.Directory.CreateTempSubdirectory("omstilling-reports-").FullName;
            var database = new OmstillingDatabase(DatabaseOptions.EmbeddedIn(data));
            await database.MigrateAsync(CancellationToken.None);
            await new UserStore(database, TimeProvider.System).CreateManyAsync(
            [
                new NewUser("100", "Lise Jørgensen", [UserRole.Operator], Password("100")) { Extension = "100" },
                new NewUser("2001", "Birgitte Holst", [UserRole.Staff], Password("2001")) { Extension = "2001", PersonId = "birgitte-holst" },
                new NewUser("2012", "Camilla Holm", [UserRole.Staff, UserRole.DepartmentHead], Password("2012")) { Extension = "2012", PersonId = "camilla-holm", DepartmentId = "borgerservice" },
                new NewUser("admin", "Administrator", [UserRole.Admin], Password("admin")),
            ], CancellationToken.None);

            var example = new DateOnly(2026, 12, 3);
            var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Copenhagen).DateTime);
            var weeks = Math.Max(0, (today.DayNumber - example.DayNumber - 1) / 7);
            var records = WorkedExample.Records();
            foreach (var r in records)
            {
                (r.ArrivedAt, r.EndedAt, r.FirstRingAt, r.AnsweredAt) = (Shift(r.ArrivedAt, weeks), Shift(r.EndedAt, weeks), Shift(r.FirstRingAt, weeks), Shift(r.AnsweredAt, weeks));
            }

            await using (var db = database.CreateContext())
            {
                db.CallRecords.AddRange(records);
                db.CallEvents.AddRange(EventsOfD(records[3]));
                await db.SaveChangesAsync();
            }

            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            return new SeededServer(await ServerProcess.StartWithoutDemoAsync(data), data, example.AddDays(7 * weeks));
        }

        public async ValueTask DisposeAsync()
        {
            await Server.DisposeAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            System.IO.Directory.Delete(Data, recursive: true);
        }

        /// <summary>The same local time of day <paramref name="weeks"/> weeks later (DST may lie between).</summary>
        private static DateTimeOffset Shift(DateTimeOffset at, int weeks) =>
            new(TimeZoneInfo.ConvertTimeToUtc(TimeZoneInfo.ConvertTime(at, Copenhagen).DateTime.AddDays(7 * weeks), Copenhagen), TimeSpan.Zero);

        private static DateTimeOffset? Shift(DateTimeOffset? at, int weeks) => at is { } a ? Shift(a, weeks) : null;

        /// <summary>Call D: queued at 09:06:40, offered, answered at 09:06:44, transferred to 201 who takes it, ended 09:11:40.</summary>
        private static IEnumerable<CallEventRecord> EventsOfD(CallRecord d)
        {
            CallEventRecord Event(int sequence, string kind, double seconds) => new() { CallId = d.CallId, Sequence = sequence, Kind = kind, At = d.ArrivedAt.AddSeconds(seconds), Caller = d.Caller, Dialled = d.Dialled };
            return
            [
                Event(0, "Started", 0),
                Event(1, "Queued", 0),
                Event(2, "Offered", 1),
                Event(3, "Answered", 4),
                Event(4, "TransferStarted", 30),
                Event(5, "TransferCompleted", 40),
                Event(6, "Ended", 300),
            ];
        }
    }
}
