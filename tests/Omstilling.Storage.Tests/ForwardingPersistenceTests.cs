using Microsoft.Extensions.Logging.Abstractions;
using Omstilling.Directory.Live;
using Omstilling.Directory.Model;
using Omstilling.Storage.Forwardings;

namespace Omstilling.Storage.Tests;

public sealed class ForwardingPersistenceTests
{
    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.PostgreSql)]
    public async Task Forwardings_survive_a_restart_as_last_set_and_cancelled_ones_do_not(StorageProvider provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        var now = test.Time.GetUtcNow();
        var book = new ForwardingBook();
        await using (var persistence = new ForwardingPersistence(test.Database, book, NullLogger<ForwardingPersistence>.Instance))
        {
            await persistence.StartAsync(default);
            book.Set(new Forwarding("birgitte-holst", ForwardingCondition.Always, "2003", now, "birgitte-holst"));
            await persistence.FlushAsync(); // stored, then set again on the same condition
            book.Set(new Forwarding("birgitte-holst", ForwardingCondition.Always, "2002", now.AddMinutes(1), "birgitte-holst"));
            book.Set(new Forwarding("birgitte-holst", ForwardingCondition.NoAnswer, "54731000", now, "100"));
            book.Set(new Forwarding("signe-baek", ForwardingCondition.Busy, "2001", now, "signe-baek"));
            book.Clear("signe-baek", ForwardingCondition.Busy);
            await persistence.FlushAsync();
        }

        var restarted = new ForwardingBook();
        await using var again = new ForwardingPersistence(test.Database, restarted, NullLogger<ForwardingPersistence>.Instance);
        await again.StartAsync(default);

        Assert.Equal<Forwarding>(
            [
                new Forwarding("birgitte-holst", ForwardingCondition.Always, "2002", now.AddMinutes(1), "birgitte-holst"),
                new Forwarding("birgitte-holst", ForwardingCondition.NoAnswer, "54731000", now, "100"),
            ],
            restarted.Of("birgitte-holst").ToArray());
        Assert.Empty(restarted.Of("signe-baek"));
        Assert.Equal(2, await test.CountAsync(db => db.Forwardings));
    }
}
