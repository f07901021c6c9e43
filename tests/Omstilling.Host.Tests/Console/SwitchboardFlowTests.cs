using System.Text.Json;
using Microsoft.Playwright;
using Omstilling.Host.Tests.Support;
using static Omstilling.Host.Tests.Support.CallEvents;

namespace Omstilling.Host.Tests.Console;

/// <summary>
/// The switchboard end to end, as on a working day: a real caller (baresip) waits in the queue
/// and is told its place, the operator (Chromium on the console, baresip with auto-answer as the
/// phone) takes the call, finds Jens Hansen, codes his meeting, makes an announced transfer, which
/// follows his absence (his phone, baresip, is not rung) and comes back at once with the banner,
/// and sends a telefonbesked that an SMTP server in this test receives and Jens finds in his inbox.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class SwitchboardFlowTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task A_queued_caller_is_answered_the_transfer_comes_back_and_the_message_is_emailed()
    {
        await using var smtp = TestSmtpServer.Start();
        await using var server = await ServerProcess.StartAsync(
            "--at", "2026-12-01 10:00",
            "--smtp", $"127.0.0.1:{smtp.Port}", "--smtp-security", "none",
            "--smtp-from", "Hovedomstillingen <omstilling@guldborgsund.example>",
            "--public-url", "http://omstilling.guldborgsund.example/");
        await using var chromium = await Chromium.LaunchAsync();
        await using var operatorPhone = await Baresip.StartAsync("100", server.SipPort, autoAnswer: true, toneSeconds: 180);
        Assert.True(await operatorPhone.WaitUntilRegisteredAsync(Wait), operatorPhone.Log);
        await using var jensPhone = await Baresip.StartAsync("2050", server.SipPort, autoAnswer: false);
        Assert.True(await jensPhone.WaitUntilRegisteredAsync(Wait), jensPhone.Log);

        // The operator is on a break: the caller has to wait.
        var page = await chromium.ConsoleAsync(server, "100", "demo100");
        await page.Locator("[data-testid=my-status]", new() { HasText = "Klar" }).WaitForAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Pause" }).ClickAsync();
        await page.Locator("[data-testid=my-status]", new() { HasText = "Pause" }).WaitForAsync();

        await using var caller = await Baresip.StartAsync("2002", server.SipPort, autoAnswer: false, toneSeconds: 180);
        Assert.True(await caller.WaitUntilRegisteredAsync(Wait), caller.Log);
        await caller.DialAsync($"sip:54731000@127.0.0.1:{server.SipPort}");
        Assert.True(await caller.WaitForEventAsync("CALL_ESTABLISHED", Wait), caller.Log + server.Output);
        Assert.True(await server.WaitForEventAsync("Routed", "Menu automatisk-omstilling"), server.Output);
        await caller.SendDigitsAsync("9");
        Assert.True(await server.WaitForEventAsync("PositionAnnounced", "1"), "the caller hears 'du er nummer 1 i køen'\n" + server.Output);

        // The console shows who waits and what they chose; the operator takes the call.
        var waiting = page.Locator("[data-testid=queue] .waiting-call");
        await waiting.WaitForAsync();
        Assert.Contains("2002", await waiting.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("vent på omstillingen", await waiting.InnerTextAsync(), StringComparison.Ordinal);
        await Screenshot(page, "console-queue.png");
        await waiting.GetByRole(AriaRole.Button, new() { Name = "Besvar" }).ClickAsync();
        var callCard = page.Locator("[data-testid=call-card]");
        await callCard.WaitForAsync();
        Assert.True(await server.WaitForEventAsync("Answered", null, e => Text(e, "answeredBy") == "100"), server.Output);
        await waiting.WaitForAsync(new() { State = WaitForSelectorState.Detached });

        // Jens Hansen: found by typing, and coded as at a meeting until 14.00 (09.00 has passed, and is refused).
        await page.Locator("#search").PressSequentiallyAsync("jens");
        await page.Locator("[data-testid=hits] .hit", new() { HasText = "Jens Hansen" }).WaitForAsync();
        await page.Keyboard.PressAsync("Enter");
        var card = page.Locator("[data-testid=person-card]", new() { HasText = "Jens Hansen" });
        await card.WaitForAsync();
        await card.Locator("summary", new() { HasText = "Kod fravær" }).ClickAsync();
        await card.Locator(".absence-form select").SelectOptionAsync("Meeting");
        await card.Locator(".absence-form input[type=datetime-local]").FillAsync("2026-12-01T09:00");
        await card.GetByRole(AriaRole.Button, new() { Name = "Gem" }).ClickAsync();
        await page.Locator("[data-testid=toast]", new() { HasText = "Til-tidspunktet kl. 09.00 er allerede passeret." }).WaitForAsync();
        await card.Locator(".absence-form input[type=datetime-local]").FillAsync("2026-12-01T14:00");
        await card.Locator(".absence-form input.wide").FillAsync("Vejmøde på rådhuset");
        await card.GetByRole(AriaRole.Button, new() { Name = "Gem" }).ClickAsync();
        await card.Locator("[data-testid=absence]", new() { HasText = "Til møde til kl. 14.00" }).WaitForAsync();

        // An announced transfer (Alt+M): Jens is at a meeting, so his phone is not rung (the same
        // rule as a call dialled to him); the operator hears his absence greeting and chooses.
        await page.Keyboard.PressAsync("Alt+m");
        var banner = page.Locator("[data-testid=recall-banner]");
        await banner.WaitForAsync(new() { Timeout = 40_000 });
        var bannerText = await banner.InnerTextAsync();
        Assert.Contains("Jens Hansen er fraværende", bannerText, StringComparison.Ordinal);
        Assert.Contains("Til møde til kl. 14.00: Vejmøde på rådhuset", bannerText, StringComparison.Ordinal);
        Assert.Contains("Næste ledige tid: kl. 14.00", bannerText, StringComparison.Ordinal);
        Assert.True(await server.WaitForEventAsync("TransferFailed", "absent", e => Text(e, "party") == "2050"), server.Output);
        Assert.Equal(0, jensPhone.CountEvents("CALL_INCOMING"));
        await Screenshot(page, "console-recall.png");

        // Key 1: back to the caller and the message form, the caller's number filled in.
        await page.EvaluateAsync("document.activeElement && document.activeElement.blur()");
        await page.Keyboard.PressAsync("1");
        var dialog = page.Locator("[data-testid=message-dialog]");
        await dialog.WaitForAsync();
        Assert.Equal("2002", await dialog.Locator("input[name=caller-number]").InputValueAsync());
        await dialog.Locator("input[name=caller-name]").FillAsync("Karen Olsen");
        await dialog.Locator("input[name=subject]").FillAsync("Vejarbejde på Stationsvej");
        await dialog.Locator("textarea[name=text]").FillAsync("Spørger hvornår vejen åbner igen.");
        await dialog.Locator("[data-testid=send-message]").ClickAsync();
        await page.Locator("[data-testid=toast]", new() { HasText = "Beskeden til Jens Hansen er gemt og sendes til jens.hansen@guldborgsund.example" }).WaitForAsync();
        await banner.WaitForAsync(new() { State = WaitForSelectorState.Detached });

        var mail = await smtp.WaitForAsync(m => m.To.Mailboxes.Any(a => a.Address == "jens.hansen@guldborgsund.example"), Wait);
        Assert.NotNull(mail);
        Assert.Equal("Telefonbesked: Vejarbejde på Stationsvej (fra Karen Olsen)", mail.Subject);
        Assert.Equal("omstilling@guldborgsund.example", mail.From.Mailboxes.Single().Address);
        var body = mail.TextBody;
        Assert.Contains("Telefonbesked til Jens Hansen", body, StringComparison.Ordinal);
        Assert.Contains("Fra: Karen Olsen", body, StringComparison.Ordinal);
        Assert.Contains("Telefon: 2002", body, StringComparison.Ordinal);
        Assert.Contains("Ønsker at blive ringet op: Ja", body, StringComparison.Ordinal);
        Assert.Contains("Spørger hvornår vejen åbner igen.", body, StringComparison.Ordinal);
        Assert.Contains("tirsdag d. 1. december 2026 kl. 10.", body, StringComparison.Ordinal);
        Assert.Contains("http://omstilling.guldborgsund.example/beskeder", body, StringComparison.Ordinal);
        Assert.Single(smtp.Messages);
        await page.Locator("[data-testid=sent] li", new() { HasText = "E-mail sendt" }).WaitForAsync();

        // Jens finds it in his inbox in the web app, and marks it handled (once the demo has made
        // the staff's logins: their hashes take the machine's idle time after the start).
        Assert.True(await server.WaitForDemoLoginsAsync(), server.Output);
        var inbox = await chromium.LogInAsync(server, "2050", "demo2050", "/beskeder");
        var message = inbox.Locator("[data-testid=inbox] .message", new() { HasText = "Karen Olsen" });
        await message.WaitForAsync();
        Assert.Contains("Vejarbejde på Stationsvej", await message.InnerTextAsync(), StringComparison.Ordinal);
        await message.GetByRole(AriaRole.Button, new() { Name = "Markér som behandlet" }).ClickAsync();
        await inbox.Locator("[data-testid=inbox] .message.handled").WaitForAsync();

        // The operator still has the caller, and the caller hangs up.
        Assert.True(await callCard.IsVisibleAsync(), "the operator has the caller again\n" + string.Join('\n', (await server.EventsAsync()).Select(e => e.ToString())));
        Assert.Contains("2002", await callCard.InnerTextAsync(), StringComparison.Ordinal);
        await caller.HangUpAsync();
        Assert.True(await server.WaitForEventAsync("Ended", null), server.Output);
        await callCard.WaitForAsync(new() { State = WaitForSelectorState.Detached });
        await Screenshot(page, "console-rest.png");
    }

    /// <summary>Kept in the test output (TestResults/screenshots) for a look; docs/ has the chosen ones.</summary>
    private static async Task Screenshot(IPage page, string name)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "screenshots");
        System.IO.Directory.CreateDirectory(folder);
        await page.EvaluateAsync("window.scrollTo(0, 0)");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name) });
    }
}
