using Omstilling.Storage.Voicemail;

namespace Omstilling.Storage.Tests;

public sealed class VoicemailStoreTests
{
    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.PostgreSql)]
    public async Task A_box_lists_new_messages_first_counts_them_and_keeps_what_is_heard_or_deleted(StorageProvider provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        var store = new VoicemailStore(test.Database, test.Time);
        var now = test.Time.GetUtcNow();
        var first = await store.KeepAsync(Deposit("2012", "+4512345678", now.AddMinutes(-10)), default);
        var second = await store.KeepAsync(Deposit("2012", "2001", now.AddMinutes(-5)), default);
        await store.KeepAsync(Deposit("borgerservice", "+4587654321", now), default);

        Assert.True(await store.SetHeardAsync(second.Id, "2012", heard: true, default));
        Assert.False(await store.SetHeardAsync(first.Id, "2010", heard: true, default)); // another box's message

        var box = await store.BoxAsync("2012", default);
        Assert.Equal([first.Id, second.Id], box.Select(m => m.Id));
        Assert.False(box[0].Heard);
        Assert.Equal(now, box[1].HeardAt);
        Assert.Equal(TimeSpan.FromSeconds(7.5), box[0].Length);

        var counts = await store.CountsAsync(default);
        Assert.Equal((1, 1), counts["2012"]);
        Assert.Equal((1, 0), counts["borgerservice"]);

        Assert.Null(await store.DeleteAsync(first.Id, "borgerservice", default));
        var deleted = await store.DeleteAsync(first.Id, "2012", default);
        Assert.Equal(first.FileName, deleted?.FileName);
        Assert.Equal([second.Id], (await store.BoxAsync("2012", default)).Select(m => m.Id));
        Assert.Equal((0, 1), (await store.CountsAsync(default))["2012"]);
    }

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.PostgreSql)]
    public async Task Only_messages_with_a_recipient_are_due_for_email_and_a_failure_is_kept_until_sent(StorageProvider provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        var store = new VoicemailStore(test.Database, test.Time);
        var now = test.Time.GetUtcNow();
        var mailed = await store.KeepAsync(Deposit("2012", "2001", now) with { RecipientEmail = " camilla.holm@example.dk ", RecipientName = "Camilla Holm" }, default);
        await store.KeepAsync(Deposit("2011", "2001", now), default);

        Assert.Equal([mailed.Id], (await store.DueForEmailAsync(10, default)).Select(m => m.Id));
        Assert.Equal("camilla.holm@example.dk", (await store.FindAsync(mailed.Id, default))!.RecipientEmail);

        await store.RecordEmailFailedAsync(mailed.Id, "Mailserveren kunne ikke nås", now.AddMinutes(1), default);
        Assert.Empty(await store.DueForEmailAsync(10, default));
        Assert.Equal(now.AddMinutes(1), await store.NextEmailDueAsync(default));
        Assert.Equal("Mailserveren kunne ikke nås", (await store.FindAsync(mailed.Id, default))!.EmailError);

        await store.RecordEmailSentAsync(mailed.Id, default);
        var sent = (await store.FindAsync(mailed.Id, default))!;
        Assert.Equal(2, sent.EmailAttempts);
        Assert.Null(sent.EmailError);
        Assert.Null(await store.NextEmailDueAsync(default));
    }

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.PostgreSql)]
    public async Task A_pin_is_kept_hashed_and_checked_and_greetings_replace_each_other(StorageProvider provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        var store = new VoicemailStore(test.Database, test.Time);

        Assert.False(await store.CheckPinAsync("2012", "1234", default)); // no PIN yet: nothing opens the box
        Assert.Equal(VoicemailBoxSettings.Default("2012"), await store.SettingsAsync("2012", default));
        await Assert.ThrowsAsync<ArgumentException>(() => store.SetPinAsync("2012", "12a4", default));

        await store.SetPinAsync("2012", "4711", default);
        Assert.True(await store.CheckPinAsync("2012", "4711", default));
        Assert.False(await store.CheckPinAsync("2012", "4712", default));
        Assert.False(await store.CheckPinAsync("2010", "4711", default));

        Assert.Null(await store.SetGreetingAsync("2012", GreetingKind.Personal, "hilsen-1.wav", default));
        Assert.Equal("hilsen-1.wav", await store.SetGreetingAsync("2012", GreetingKind.Personal, "hilsen-2.wav", default));
        Assert.Null(await store.SetGreetingAsync("2012", GreetingKind.Absence, "fravaer-1.wav", default));
        await store.SetEmailMessagesAsync("2012", on: false, default);

        Assert.Equal(new VoicemailBoxSettings("2012", HasPin: true, EmailMessages: false, "hilsen-2.wav", "fravaer-1.wav"), await store.SettingsAsync("2012", default));
        Assert.Equal("fravaer-1.wav", await store.SetGreetingAsync("2012", GreetingKind.Absence, null, default));
        Assert.Contains(("2012", "hilsen-2.wav"), await store.FilesAsync(default));
    }

    [Theory]
    [InlineData(null, "Skriv en pinkode.")]
    [InlineData("123", "Pinkoden skal være 4 til 8 cifre.")]
    [InlineData("123456789", "Pinkoden skal være 4 til 8 cifre.")]
    [InlineData("12 4", "Pinkoden skal være 4 til 8 cifre.")]
    [InlineData("١٢٣٤", "Pinkoden skal være 4 til 8 cifre.")]
    [InlineData("0000", null)]
    [InlineData("12345678", null)]
    public void A_pin_is_4_to_8_ascii_digits(string? pin, string? problem) => Assert.Equal(problem, VoicemailPin.Problem(pin));

    private static VoicemailDeposit Deposit(string box, string caller, DateTimeOffset at)
    {
        var id = Guid.CreateVersion7(at);
        return new VoicemailDeposit(id, box, box == "2012" ? "camilla-holm" : null, caller, null, Guid.NewGuid(), at, TimeSpan.FromSeconds(7.5), $"{id:N}.wav");
    }
}
