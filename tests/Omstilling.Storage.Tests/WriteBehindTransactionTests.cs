using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Omstilling.Storage.Entities;

namespace Omstilling.Storage.Tests;

/// <summary>
/// The history's transactions do not wait for the disk, and nothing else's stop waiting: the
/// setting is the transaction's alone (SQLite: put back on the pooled connection; PostgreSQL:
/// SET LOCAL), a commit is kept and a transaction disposed uncommitted is rolled back.
/// </summary>
public sealed class WriteBehindTransactionTests
{
    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.PostgreSql)]
    public async Task Only_the_transaction_does_not_wait_for_the_disk_and_its_commit_is_kept(StorageProvider provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        var query = provider == StorageProvider.Sqlite ? "PRAGMA synchronous" : "SHOW synchronous_commit";
        var (waits, doesNotWait) = provider == StorageProvider.Sqlite ? ("2", "1") : ("on", "off"); // SQLite: FULL, NORMAL

        await using (var db = test.Database.CreateContext())
        {
            await db.Database.OpenConnectionAsync(); // one connection throughout: what the transaction leaves on it is seen
            if (provider == StorageProvider.PostgreSql)
            {
                await db.Database.ExecuteSqlRawAsync("SET synchronous_commit = on"); // the test server's own default is off
            }

            Assert.Equal(waits, await SettingAsync(db, query));
            await using (var transaction = await WriteBehindTransaction.BeginAsync(db))
            {
                Assert.Equal(doesNotWait, await SettingAsync(db, query));
                db.CallEvents.Add(Event("kept"));
                await db.SaveChangesAsync();
                await transaction.CommitAsync();
            }

            Assert.Equal(waits, await SettingAsync(db, query));
        }

        await using (var db = test.Database.CreateContext())
        {
            await using (var transaction = await WriteBehindTransaction.BeginAsync(db))
            {
                db.CallEvents.Add(Event("rolled back"));
                await db.SaveChangesAsync();
            } // not committed
        }

        await using var read = test.Database.CreateContext();
        Assert.Equal(["kept"], await read.CallEvents.Select(e => e.Caller).ToListAsync());
    }

    private static async Task<string> SettingAsync(OmstillingDb db, string query)
    {
        await using DbCommand command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = query;
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        return Convert.ToString(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture)!;
    }

    private static CallEventRecord Event(string caller) => new()
    {
        CallId = Guid.NewGuid(),
        Kind = CallEventKinds.Started,
        At = new DateTimeOffset(2026, 12, 5, 9, 0, 0, TimeSpan.Zero),
        Caller = caller,
        Dialled = "54731000",
    };
}
