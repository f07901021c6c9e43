using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Omstilling.Host.Tests.Support;

namespace Omstilling.Host.Tests.Durability;

/// <summary>
/// What an operator did on the console survives <c>kill -9</c>: Lise (100) pauses for lunch and
/// saves a telefonbesked to Jens Hansen; the server is killed the moment the console confirms the
/// message. After the restart the message is in the database, whole, and Lise's console shows her
/// still on her lunch break.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ConsoleStateRestartTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task An_operators_pause_and_a_telefonbesked_saved_just_before_kill_9_are_there_after_the_restart()
    {
        await using var first = await ServerProcess.StartAsync("--at", "2026-12-01 10:00");
        await using var chromium = await Chromium.LaunchAsync();
        await using var phone = await Baresip.StartAsync("100", first.SipPort, autoAnswer: true);
        Assert.True(await phone.WaitUntilRegisteredAsync(Wait), phone.Log);
        var lise = await chromium.ConsoleAsync(first, "100", "demo100");
        await lise.Locator("[data-testid=my-status]", new() { HasText = "Klar" }).WaitForAsync();

        await lise.Locator("[data-testid=pause-reason]").SelectOptionAsync(new SelectOptionValue { Label = "Frokost" });
        await lise.GetByRole(AriaRole.Button, new() { Name = "Pause", Exact = true }).ClickAsync();
        await lise.Locator("[data-testid=my-status]", new() { HasText = "Pause: Frokost" }).WaitForAsync();
        Assert.True(
            await Eventually.ReachedAsync(() => KilledServer.QueryAsync(first.DataDirectory, db => db.QueueMembers.AnyAsync(m => m.Extension == "100" && m.PausedReason == "Frokost"))),
            "the pause was not written\n" + first.Output);

        await lise.Locator("#search").PressSequentiallyAsync("jens han");
        await lise.Locator("[data-testid=hits] .hit.selected", new() { HasText = "Jens Hansen" }).WaitForAsync();
        await lise.Keyboard.PressAsync("Enter");
        var card = lise.Locator("[data-testid=person-card]", new() { HasText = "Jens Hansen" });
        await card.Locator("[data-testid=message]").ClickAsync();
        var dialog = lise.Locator("[data-testid=message-dialog]");
        await dialog.Locator("input[name=caller-name]").FillAsync("Karen Olsen");
        await dialog.Locator("input[name=caller-number]").FillAsync("20304050");
        await dialog.Locator("input[name=subject]").FillAsync("Vejarbejde på Stationsvej");
        await dialog.Locator("textarea[name=text]").FillAsync("Spørger hvornår vejen åbner igen.");
        await dialog.Locator("[data-testid=send-message]").ClickAsync();
        await lise.Locator("[data-testid=toast]", new() { HasText = "Beskeden ligger i Jens Hansens indbakke." }).WaitForAsync();
        await first.KillAsync(); // at once: the console said it is saved

        await using var server = await first.RestartAsync();
        var message = await KilledServer.QueryAsync(server.DataDirectory, db => db.PhoneMessages.AsNoTracking().SingleAsync());
        Assert.Equal(("Jens Hansen", "Karen Olsen", "20304050", "Vejarbejde på Stationsvej", "Spørger hvornår vejen åbner igen."), (message.RecipientName, message.CallerName, message.CallerNumber, message.Subject, message.Text));

        var again = await chromium.ConsoleAsync(server, "100", "demo100");
        await again.Locator("[data-testid=my-status]", new() { HasText = "Pause: Frokost" }).WaitForAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }
}
