using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Omstilling.Calls.Events;
using Omstilling.Policy.Model;
using Omstilling.Runtime;
using Omstilling.Storage;
using Omstilling.Storage.Tests;
using static Omstilling.Calls.Events.CallEventKind;

namespace Omstilling.History.Tests;

public sealed class HistoryRetentionTests
{
    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.PostgreSql)]
    public async Task Numbers_older_than_the_policy_says_are_anonymised_and_older_calls_deleted(StorageProvider provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        var time = new FakeTimeProvider(Script.Start);
        var faults = new FaultMonitor(NullLoggerFactory.Instance, time);
        await using (var writer = new HistoryWriter(test.Database, () => Script.Directory, faults, time, NullLogger<HistoryWriter>.Instance))
        {
            writer.Start();
            foreach (var e in new Script().At(0, Started).At(1, Ringing, e => e with { Party = "201" }).At(9, Ended).Events)
            {
                writer.Post(e);
            }

            await writer.FlushedAsync();
        }

        using var retention = new HistoryRetention(test.Database, () => new PolicyRetention(30, 365), time, faults, NullLogger<HistoryRetention>.Instance);

        // 29 days on: nothing is due.
        Assert.Equal(new RetentionResult(0, 0, 0, 0), await retention.ApplyAsync(new PolicyRetention(30, 365), Script.Start.AddDays(29), CancellationToken.None));

        // 31 days on: the caller's number goes, the call stays.
        Assert.Equal(new RetentionResult(0, 0, 1, 3), await retention.ApplyAsync(new PolicyRetention(30, 365), Script.Start.AddDays(31), CancellationToken.None));
        await using (var db = test.Database.CreateContext())
        {
            Assert.All(await db.CallEvents.ToListAsync(), e => Assert.Equal(HistoryRetention.Anonymised, e.Caller));
            Assert.Equal(HistoryRetention.Anonymised, (await db.CallRecords.SingleAsync()).Caller);
        }

        // A year and a day on: the call, its events and its rings are gone.
        Assert.Equal(new RetentionResult(1, 3, 0, 0), await retention.ApplyAsync(new PolicyRetention(30, 365), Script.Start.AddDays(366), CancellationToken.None));
        Assert.Equal((0, 0, 0), (await test.CountAsync(db => db.CallEvents), await test.CountAsync(db => db.CallRecords), await test.CountAsync(db => db.CallRings)));
    }

    [Fact]
    public async Task Started_it_applies_the_policy_in_force_at_once_and_then_daily()
    {
        await using var test = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        var time = new FakeTimeProvider(Script.Start.AddDays(100));
        var faults = new FaultMonitor(NullLoggerFactory.Instance, time);
        await using (var writer = new HistoryWriter(test.Database, () => Script.Directory, faults, time, NullLogger<HistoryWriter>.Instance))
        {
            writer.Start();
            foreach (var e in new Script().At(0, Started).At(1, Ended).Events)
            {
                writer.Post(e);
            }

            await writer.FlushedAsync();
        }

        var days = 120;
        using var retention = new HistoryRetention(test.Database, () => new PolicyRetention(10, days), time, faults, NullLogger<HistoryRetention>.Instance);
        retention.Start();
        await retention.LastRun;
        Assert.Equal(HistoryRetention.Anonymised, await CallerOfTheRecordAsync(test));
        Assert.Equal(1, await test.CountAsync(db => db.CallRecords));

        days = 90; // the policy changed: the next day's run deletes the call
        var first = retention.LastRun;
        time.Advance(HistoryRetention.Interval);
        Assert.NotSame(first, retention.LastRun);
        await retention.LastRun;
        Assert.Equal(0, await test.CountAsync(db => db.CallRecords));
        Assert.Equal(0, faults.Total);
    }

    private static async Task<string?> CallerOfTheRecordAsync(TestDatabase test)
    {
        await using var db = test.Database.CreateContext();
        return await db.CallRecords.Select(r => r.Caller).SingleOrDefaultAsync();
    }
}
