using Omstilling.Storage.Messages;

namespace Omstilling.Storage.Tests;

public sealed class MessageStoreTests
{
    private static readonly PhoneMessageDraft ForJens = new("jens-hansen", "Jens Hansen", "jens.hansen@guldborgsund.example", "Karen Olsen", "20 30 40 50", "Vejarbejde", "Ring venligst om vejarbejdet på Stationsvej.", true, null);

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.PostgreSql)]
    public async Task A_message_is_kept_listed_newest_first_and_marked_read_and_handled_by_its_recipient_only(StorageProvider provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        var store = new MessageStore(test.Database, test.Time);
        var changed = new List<string>();
        store.Changed += changed.Add;

        var first = await store.CreateAsync(ForJens, "100", default);
        test.Time.Advance(TimeSpan.FromMinutes(5));
        var second = await store.CreateAsync(ForJens with { Subject = "Igen" }, "101", default);

        Assert.Equal([second.Id, first.Id], (await store.InboxAsync("jens-hansen", 10, default)).Select(m => m.Id));
        Assert.Equal(2, await store.UnreadCountAsync("jens-hansen", default));
        Assert.False(await store.MarkReadAsync(first.Id, "anne-soerensen", default));
        Assert.True(await store.MarkReadAsync(first.Id, "jens-hansen", default));
        var changes = changed.Count;
        Assert.True(await store.MarkReadAsync(first.Id, "jens-hansen", default));
        Assert.Equal(changes, changed.Count); // read again: nothing changed, nobody is told
        Assert.True(await store.SetHandledAsync(second.Id, "jens-hansen", handled: true, default));
        Assert.Equal(0, await store.UnreadCountAsync("jens-hansen", default));
        var handled = await store.FindAsync(second.Id, default);
        Assert.Equal(test.Time.GetUtcNow(), handled!.HandledAt);
        Assert.Equal("Karen Olsen", handled.CallerName);
        Assert.True(handled.CallbackWanted);
        Assert.True(await store.SetHandledAsync(second.Id, "jens-hansen", handled: false, default));
        Assert.Null((await store.FindAsync(second.Id, default))!.HandledAt);
        Assert.All(changed, p => Assert.Equal("jens-hansen", p));
        Assert.Equal(["100"], (await store.TakenByAsync("100", 10, default)).Select(m => m.TakenBy));
    }

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.PostgreSql)]
    public async Task A_message_waits_to_be_emailed_until_sent_and_a_failure_waits_for_its_next_attempt(StorageProvider provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        var store = new MessageStore(test.Database, test.Time);
        var message = await store.CreateAsync(ForJens, "100", default);
        await store.CreateAsync(ForJens with { RecipientEmail = null }, "100", default);

        Assert.Equal([message.Id], (await store.DueForEmailAsync(10, default)).Select(m => m.Id));

        await store.RecordEmailFailedAsync(message.Id, "Forbindelsen blev afvist", test.Time.GetUtcNow().AddMinutes(1), default);
        Assert.Empty(await store.DueForEmailAsync(10, default));
        Assert.Equal(test.Time.GetUtcNow().AddMinutes(1), await store.NextEmailDueAsync(default));
        test.Time.Advance(TimeSpan.FromMinutes(1));
        Assert.Single(await store.DueForEmailAsync(10, default));

        await store.RecordEmailSentAsync(message.Id, default);
        var sent = await store.FindAsync(message.Id, default);
        Assert.Equal((2, (string?)null), (sent!.EmailAttempts, sent.EmailError));
        Assert.NotNull(sent.EmailSentAt);
        Assert.Empty(await store.DueForEmailAsync(10, default));
        Assert.Null(await store.NextEmailDueAsync(default));
    }

    [Fact]
    public async Task A_message_without_caller_or_text_is_refused_with_the_reason_in_danish()
    {
        await using var test = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        var store = new MessageStore(test.Database, test.Time);

        var refused = await Assert.ThrowsAsync<ArgumentException>(() => store.CreateAsync(ForJens with { CallerName = "", CallerNumber = "", Subject = "", Text = "" }, "100", default));

        Assert.Contains("opkalderens navn eller nummer", refused.Message, StringComparison.Ordinal);
        Assert.Contains("hvad det drejer sig om", refused.Message, StringComparison.Ordinal);
        Assert.Equal(0, await test.CountAsync(db => db.PhoneMessages));
    }
}
