using Omstilling.History.Reports;
using Omstilling.Policy;
using Omstilling.Policy.Loading;
using Omstilling.Storage;
using Omstilling.Storage.Entities;
using Omstilling.Storage.Tests;

namespace Omstilling.History.Tests;

/// <summary>
/// The reports' queries against SQLite and PostgreSQL, with the bundled policy: the worked example
/// read back by period, area, department and person; the operator's letting go read from the
/// transfer events; a call's timeline in order.
/// </summary>
public sealed class HistoryReportsTests
{
    private static readonly DateOnly Day = new(2026, 12, 3);
    private static readonly Lazy<TelephonePolicy> Policy = new(LoadBundledPolicy);

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.PostgreSql)]
    public async Task The_worked_example_read_from_the_database(StorageProvider provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        var records = await SeedAsync(test);
        var reports = new HistoryReports(test.Database);

        var all = await reports.ReportAsync(new ReportQuery(Day, Day), Policy.Value, CancellationToken.None);
        var borgerservice = await reports.ReportAsync(new ReportQuery(Day, Day) { DepartmentId = "borgerservice" }, Policy.Value, CancellationToken.None);
        var area = await reports.ReportAsync(new ReportQuery(Day, Day) { AreaId = "borger-og-arbejdsmarked" }, Policy.Value, CancellationToken.None);
        var person = await reports.ReportAsync(new ReportQuery(Day, Day) { PersonId = "camilla-holm" }, Policy.Value, CancellationToken.None);
        var dayAfter = await reports.ReportAsync(new ReportQuery(Day.AddDays(1), Day.AddDays(1)), Policy.Value, CancellationToken.None);

        Assert.Equal(7, all.Goals.Calls);
        Assert.Equal((5, 6), (all.Goals.AnsweredWithinRingLimit.Numerator, all.Goals.AnsweredWithinRingLimit.Denominator));
        Assert.Equal((1, 3), (all.Goals.CorrectlyTransferred.Numerator, all.Goals.CorrectlyTransferred.Denominator));
        Assert.Equal((1, 2), (all.Goals.Satisfied.Numerator, all.Goals.Satisfied.Denominator));
        Assert.Equal(await reports.KpisAsync(Day, Day, null, Policy.Value, CancellationToken.None), all.Goals);
        Assert.Equal(3, borgerservice.Goals.Calls);

        // F's caller called the main number again (G, a switchboard call): still matched in a department's report.
        Assert.Equal(1, borgerservice.Goals.CorrectlyTransferred.Numerator);
        Assert.Equal(3, area.Goals.Calls);
        Assert.Equal(["00000000-0000-0000-0000-00000000000d"], person.Calls.Select(r => r.CallId.ToString()));
        Assert.Equal(0, dayAfter.Goals.Calls);

        // D's operator let go at the transfer's completion (36 s after answering), not at the call's end.
        Assert.Equal((55 + 74 + 36 + 197 + 96 + 97) / 6.0, all.Staffing[9].AverageHandling!.Value.TotalSeconds, 6);
        Assert.Equal(TimeSpan.FromSeconds(36), Staffing.HandlingTime(records[3], new Dictionary<Guid, DateTimeOffset> { [records[3].CallId] = records[3].AnsweredAt!.Value.AddSeconds(36) }));
    }

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.PostgreSql)]
    public async Task A_calls_timeline_has_its_events_in_order_and_an_unknown_call_has_none(StorageProvider provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        var records = await SeedAsync(test);
        var reports = new HistoryReports(test.Database);

        var timeline = await reports.TimelineAsync(records[3].CallId, CancellationToken.None);

        Assert.NotNull(timeline);
        Assert.Equal("20000004", timeline.Record.Caller);
        Assert.Equal(["Started", "Queued", "Offered", "Answered", "TransferStarted", "TransferCompleted", "Ended"], timeline.Events.Select(e => e.Kind));
        Assert.Null(await reports.TimelineAsync(Guid.NewGuid(), CancellationToken.None));
    }

    private static async Task<IReadOnlyList<CallRecord>> SeedAsync(TestDatabase test)
    {
        var records = WorkedExample.Records();
        foreach (var r in records.Where(r => r.DepartmentId == "borgerservice"))
        {
            r.AreaId = "borger-og-arbejdsmarked";
        }

        records[3].PersonId = "camilla-holm";
        var d = records[3];
        CallEventRecord Event(int sequence, string kind, double seconds, string? transfer = null) =>
            new() { CallId = d.CallId, Sequence = sequence, Kind = kind, At = d.ArrivedAt.AddSeconds(seconds), Caller = d.Caller, Dialled = d.Dialled, Transfer = transfer };
        await using var db = test.Database.CreateContext();
        db.CallRecords.AddRange(records);

        // Written out of order: the timeline orders by the call's sequence, not by insertion.
        db.CallEvents.AddRange(
            Event(6, "Ended", 300), Event(0, "Started", 0), Event(1, "Queued", 0), Event(2, "Offered", 1), Event(3, "Answered", 4),
            Event(4, "TransferStarted", 30, "Announced"), Event(5, "TransferCompleted", 40));
        await db.SaveChangesAsync();
        return records;
    }

    private static TelephonePolicy LoadBundledPolicy()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "config", "guldborgsund.yaml")))
        {
            folder = folder.Parent;
        }

        var loaded = PolicyLoader.LoadFile(Path.Combine(folder?.FullName ?? throw new InvalidOperationException("No config/guldborgsund.yaml above the tests."), "config", "guldborgsund.yaml"));
        return loaded.Policy ?? throw new InvalidOperationException(loaded.Report());
    }
}
