using System.Text.Json;
using Microsoft.Playwright;
using Omstilling.Host.Tests.Support;
using static Omstilling.Host.Tests.Support.CallEvents;

namespace Omstilling.Host.Tests.Console;

/// <summary>
/// What several consoles share: two operators pressing "Besvar" on the same waiting caller at
/// once (one gets it, the other is told), and a department's absence notice posted by an
/// administrator that every console shows at once.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ConsoleSharedStateTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Two_operators_answering_the_same_caller_at_once_get_one_call_between_them()
    {
        await using var server = await ServerProcess.StartAsync("--at", "2026-12-01 10:00");
        await using var chromium = await Chromium.LaunchAsync();
        await using var phone100 = await Baresip.StartAsync("100", server.SipPort, autoAnswer: true, toneSeconds: 120);
        await using var phone101 = await Baresip.StartAsync("101", server.SipPort, autoAnswer: true, toneSeconds: 120);
        Assert.True(await phone100.WaitUntilRegisteredAsync(Wait) && await phone101.WaitUntilRegisteredAsync(Wait), phone100.Log + phone101.Log);
        var console100 = await chromium.ConsoleAsync(server, "100", "demo100");
        var console101 = await chromium.ConsoleAsync(server, "101", "demo101");
        foreach (var console in new[] { console100, console101 })
        {
            await console.Locator("[data-testid=my-status]", new() { HasText = "Klar" }).WaitForAsync();
            await console.GetByRole(AriaRole.Button, new() { Name = "Pause" }).ClickAsync();
            await console.Locator("[data-testid=my-status]", new() { HasText = "Pause" }).WaitForAsync();
        }

        await using var caller = await Baresip.StartAsync("2002", server.SipPort, autoAnswer: false, toneSeconds: 120);
        Assert.True(await caller.WaitUntilRegisteredAsync(Wait), caller.Log);
        await caller.DialAsync($"sip:54731000@127.0.0.1:{server.SipPort}");
        Assert.True(await caller.WaitForEventAsync("CALL_ESTABLISHED", Wait), caller.Log + server.Output);
        Assert.True(await server.WaitForEventAsync("Routed", "Menu automatisk-omstilling"), server.Output);
        await caller.SendDigitsAsync("9");
        Assert.True(await server.WaitForEventAsync("Queued", "hovedomstilling"), server.Output);

        var answer100 = console100.Locator("[data-testid=queue] .waiting-call").GetByRole(AriaRole.Button, new() { Name = "Besvar" });
        var answer101 = console101.Locator("[data-testid=queue] .waiting-call").GetByRole(AriaRole.Button, new() { Name = "Besvar" });
        // Both presses leave the browsers before either console hears of the other's: clicked
        // in the page itself, as a person does, without Playwright's wait for a still element.
        var button100 = await answer100.ElementHandleAsync();
        var button101 = await answer101.ElementHandleAsync();
        await Task.WhenAll(button100.EvaluateAsync("b => b.click()"), button101.EvaluateAsync("b => b.click()"));

        Assert.True(await server.WaitForEventAsync("Answered", null), server.Output);
        var answered = (await server.EventsAsync()).Where(e => Text(e, "kind") == "Answered").ToList();
        var winner = Assert.Single(answered);
        var (winnerConsole, loserConsole) = Text(winner, "answeredBy") == "100" ? (console100, console101) : (console101, console100);
        await winnerConsole.Locator("[data-testid=call-card]", new() { HasText = "2002" }).WaitForAsync();

        // The other press either reached the server (and was told the caller is taken) or came after
        // its console had already shown the caller gone; either way it has no call of its own.
        await loserConsole.Locator("[data-testid=queue] .waiting-call").WaitForAsync(new() { State = WaitForSelectorState.Detached });
        Assert.Equal(0, await loserConsole.Locator("[data-testid=call-card]").CountAsync());
        var winnerPhone = Text(winner, "answeredBy") == "100" ? phone100 : phone101;
        var loserPhone = Text(winner, "answeredBy") == "100" ? phone101 : phone100;
        Assert.True(await winnerPhone.WaitForEventAsync("CALL_ESTABLISHED", Wait), winnerPhone.Log);
        Assert.DoesNotContain("CALL_ESTABLISHED", loserPhone.EventTypes);
        await caller.HangUpAsync();
        Assert.True(await server.WaitForEventAsync("Ended", null), server.Output);
    }

    [Fact]
    public async Task A_department_notice_posted_by_the_administrator_shows_on_every_console_and_on_calls_for_that_department()
    {
        await using var server = await ServerProcess.StartAsync("--at", "2026-12-01 10:00");
        await using var chromium = await Chromium.LaunchAsync();
        await using var operatorPhone = await Baresip.StartAsync("100", server.SipPort, autoAnswer: true, toneSeconds: 120);
        Assert.True(await operatorPhone.WaitUntilRegisteredAsync(Wait), operatorPhone.Log);
        var console = await chromium.ConsoleAsync(server, "100", "demo100");

        var admin = await chromium.LogInAsync(server, "admin", "demoadmin", "/afdelinger");
        var form = admin.Locator("[data-testid=notice-form]");
        await form.WaitForAsync();
        await form.Locator("select").SelectOptionAsync("borgerservice");
        await form.Locator("input[type=datetime-local]").Nth(1).FillAsync("2026-12-07T09:00");
        await form.Locator("label.wide input").FillAsync("Afdelingen er på kursus, vi træffes igen mandag kl. 9");
        await form.GetByRole(AriaRole.Button, new() { Name = "Slå op" }).ClickAsync();
        await admin.Locator(".messages .message", new() { HasText = "Afdelingen er på kursus" }).WaitForAsync();

        var notice = console.Locator(".notices .notice", new() { HasText = "Afdelingen er på kursus, vi træffes igen mandag kl. 9" });
        await notice.WaitForAsync();
        Assert.Contains("Borgerservice", await notice.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("mandag kl. 09.00", await notice.InnerTextAsync(), StringComparison.Ordinal);
        await console.Locator("#search").PressSequentiallyAsync("anne sør");
        await console.Locator("[data-testid=hits] .hit.selected", new() { HasText = "Anne Sørensen" }).WaitForAsync();
        await console.Keyboard.PressAsync("Enter");
        await console.Locator("[data-testid=person-card] .notice", new() { HasText = "Afdelingen er på kursus" }).WaitForAsync();

        // Borgerservice's number: nobody there answers, so the call comes to the switchboard,
        // and the call card says whom it was for and that the department is away.
        await using var caller = await Baresip.StartAsync("2002", server.SipPort, autoAnswer: false, toneSeconds: 120);
        Assert.True(await caller.WaitUntilRegisteredAsync(Wait), caller.Log);
        await caller.DialAsync($"sip:54732010@127.0.0.1:{server.SipPort}");
        var card = console.Locator("[data-testid=call-card]");
        await card.WaitForAsync();
        Assert.Contains("Afdelingen er på kursus, vi træffes igen mandag kl. 9", await card.Locator("[data-testid=call-notice]").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("Ringede til Anne Sørensen, er ikke logget på", await card.Locator("[data-testid=diversion]").InnerTextAsync(), StringComparison.Ordinal);
        await caller.HangUpAsync();
        await card.WaitForAsync(new() { State = WaitForSelectorState.Detached });
    }
}
