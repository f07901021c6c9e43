using Omstilling.Storage.Entities;
using Omstilling.Storage.Operators;

namespace Omstilling.Storage.Tests;

public sealed class QueueMemberStoreTests
{
    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.PostgreSql)]
    public async Task The_operators_state_is_replaced_as_a_whole_and_read_back_as_last_written(StorageProvider provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        var at = test.Time.GetUtcNow();
        var store = new QueueMemberStore(test.Database);
        await store.ReplaceAsync([new() { Extension = "100", PausedReason = "Frokost", SavedAt = at }, new() { Extension = "101", LoggedOut = true, SavedAt = at }], default);
        await store.ReplaceAsync([new() { Extension = "101", LoggedOut = true, SavedAt = at }, new() { Extension = "102", PausedReason = "Møde", SavedAt = at }], default);

        var kept = await store.LoadAsync(default);

        Assert.Equal([("101", true, (string?)null), ("102", false, "Møde")], kept.Select(m => (m.Extension, m.LoggedOut, m.PausedReason)).ToArray());
    }
}
