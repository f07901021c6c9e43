using Microsoft.EntityFrameworkCore;
using Omstilling.Storage.Bulk;
using Omstilling.Storage.Entities;

namespace Omstilling.Storage.Tests;

/// <summary>
/// Rows written by <see cref="BulkInsert"/> read back through EF exactly as written, on both
/// databases: many rows in one go, nulls (also after a value in the same column), empty, long and
/// non-ASCII text, instants (compared and sorted in SQL), Guids (filtered in SQL), booleans, and
/// children written after their parents.
/// </summary>
public sealed class BulkInsertTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 4, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.PostgreSql)]
    public async Task Rows_read_back_as_written(StorageProvider provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        const int count = 133;
        var records = Enumerable.Range(0, count).Select(Record).ToList();

        await using (var db = test.Database.CreateContext())
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            await BulkInsert.InsertAsync(db, records);
            await BulkInsert.InsertAsync(db, records.SelectMany(r => r.Rings).ToList());
            await transaction.CommitAsync();
        }

        await using var read = test.Database.CreateContext();
        var back = await read.CallRecords.AsNoTracking().Include(r => r.Rings).OrderBy(r => r.ArrivedAt).ToListAsync();
        Assert.Equal(count, back.Count);
        for (var i = 0; i < count; i++)
        {
            var (expected, actual) = (records[i], back[i]);
            Assert.Equal(
                (expected.CallId, expected.ArrivedAt, expected.Caller, expected.External, expected.AnsweredAt, expected.SurveyAnswer, expected.DepartmentId, expected.QueueWaitMs, expected.MenuPath),
                (actual.CallId, actual.ArrivedAt, actual.Caller, actual.External, actual.AnsweredAt, actual.SurveyAnswer, actual.DepartmentId, actual.QueueWaitMs, actual.MenuPath));
            Assert.Equal(expected.Rings.Select(r => (r.Party, r.StartedAt, r.Outcome)), actual.Rings.Select(r => (r.Party, r.StartedAt, r.Outcome)));
        }

        var middle = records[count / 2];
        Assert.Equal(middle.Caller, (await read.CallRecords.SingleAsync(r => r.CallId == middle.CallId)).Caller);
        Assert.Equal(10, await read.CallRecords.CountAsync(r => r.ArrivedAt >= Start.AddMinutes(20) && r.ArrivedAt < Start.AddMinutes(30)));
        Assert.Equal(count / 2 + (count % 2), await read.CallRecords.CountAsync(r => r.External));
    }

    [Fact]
    public async Task A_bulk_insert_needs_a_transaction()
    {
        await using var test = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        await using var db = test.Database.CreateContext();

        await Assert.ThrowsAsync<InvalidOperationException>(() => BulkInsert.InsertAsync(db, [Record(0)]));
    }

    private static CallRecord Record(int i)
    {
        var id = Guid.NewGuid();
        var arrived = Start.AddMinutes(i);
        return new CallRecord
        {
            CallId = id,
            ArrivedAt = arrived,
            EndedAt = arrived.AddMinutes(2),
            Caller = $"4000{i:0000}",
            Dialled = "54731000",
            External = i % 2 == 0,
            AnsweredAt = i % 3 == 0 ? null : arrived.AddSeconds(12.345),
            SurveyAnswer = i % 5 == 0 ? i % 5 + 1 : null,
            QueueWaitMs = i % 4 == 0 ? null : i * 1000L,
            DepartmentId = i % 7 == 0 ? null : "borgerservice",
            MenuPath = i % 4 == 0 ? null
                : i % 4 == 1 ? ""
                : i % 4 == 2 ? "hovedmenu:Borgerservice > pas-og-kørekort:Pas"
                : string.Concat(Enumerable.Repeat($"menu-{i}:Ældre og sundhed > ", 30)), // longer than the text bound from the stack
            EndReason = "CallerHungUp",
            Rings = [new CallRingRecord { CallId = id, Party = "100", StartedAt = arrived.AddSeconds(3), EndedAt = arrived.AddSeconds(9), Outcome = "Answered" }],
        };
    }
}
