using Microsoft.Playwright;
using Omstilling.Host.Tests.Support;

namespace Omstilling.Host.Tests.Console;

/// <summary>
/// The operator's own state on the console: a pause with its reason, seen by a colleague too, and
/// an operator whose phone is not registered, who sees the caller waiting but is not offered
/// "Besvar" (nothing could ring).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ConsoleStatusBarTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task The_pause_reasons_do_not_repeat_the_buttons_word_and_a_colleague_sees_the_reason()
    {
        await using var server = await ServerProcess.StartAsync("--at", "2026-12-01 10:00");
        await using var chromium = await Chromium.LaunchAsync();
        await using var phone100 = await Baresip.StartAsync("100", server.SipPort, autoAnswer: true);
        await using var phone101 = await Baresip.StartAsync("101", server.SipPort, autoAnswer: true);
        Assert.True(await phone100.WaitUntilRegisteredAsync(Wait) && await phone101.WaitUntilRegisteredAsync(Wait), phone100.Log + phone101.Log);
        var lise = await chromium.ConsoleAsync(server, "100", "demo100");
        var hans = await chromium.ConsoleAsync(server, "101", "demo101");
        await lise.Locator("[data-testid=my-status]", new() { HasText = "Klar" }).WaitForAsync();

        var reasons = lise.Locator("[data-testid=pause-reason]");
        var labels = await reasons.Locator("option").AllInnerTextsAsync();
        Assert.Equal("Uden årsag", labels[0]);
        Assert.All(labels, label => Assert.DoesNotContain("pause", label, StringComparison.OrdinalIgnoreCase));

        await reasons.SelectOptionAsync(new SelectOptionValue { Label = "Frokost" });
        await lise.GetByRole(AriaRole.Button, new() { Name = "Pause", Exact = true }).ClickAsync();
        await lise.Locator("[data-testid=my-status]", new() { HasText = "Pause: Frokost" }).WaitForAsync();
        await hans.Locator("[data-testid=operators] li[data-extension='100']", new() { HasText = "Pause: Frokost" }).WaitForAsync();

        await lise.GetByRole(AriaRole.Button, new() { Name = "Klar", Exact = true }).ClickAsync();
        await lise.Locator("[data-testid=my-status]", new() { HasText = "Klar" }).WaitForAsync();
        await hans.Locator("[data-testid=operators] li[data-extension='100']", new() { HasText = "Klar" }).WaitForAsync();
    }

    [Fact]
    public async Task An_operator_whose_phone_is_not_registered_sees_the_caller_but_no_Besvar_and_Alt_B_says_why()
    {
        await using var server = await ServerProcess.StartAsync("--at", "2026-12-01 10:00");
        await using var chromium = await Chromium.LaunchAsync();
        var page = await chromium.ConsoleAsync(server, "100", "demo100");
        await page.Locator("[data-testid=my-status]", new() { HasText = "Telefon ikke logget på" }).WaitForAsync();

        await using var caller = await Baresip.StartAsync("2002", server.SipPort, autoAnswer: false, toneSeconds: 120);
        Assert.True(await caller.WaitUntilRegisteredAsync(Wait), caller.Log);
        await caller.DialAsync($"sip:54731000@127.0.0.1:{server.SipPort}");
        Assert.True(await caller.WaitForEventAsync("CALL_ESTABLISHED", Wait), caller.Log + server.Output);
        Assert.True(await server.WaitForEventAsync("Routed", "Menu automatisk-omstilling"), server.Output);
        await caller.SendDigitsAsync("9");
        Assert.True(await server.WaitForEventAsync("Queued", "hovedomstilling"), server.Output);

        var waiting = page.Locator("[data-testid=queue] .waiting-call");
        await waiting.WaitForAsync();
        Assert.Contains("2002", await waiting.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await waiting.GetByRole(AriaRole.Button, new() { Name = "Besvar" }).CountAsync());
        Assert.Contains("Din telefon er ikke logget på", await page.Locator("[data-testid=pick-refusal]").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("Ingen samtale. Din telefon er ikke logget på", await page.Locator("[data-testid=no-call]").InnerTextAsync(), StringComparison.Ordinal);

        await page.Keyboard.PressAsync("Alt+b");
        await page.Locator("[data-testid=toast]", new() { HasText = "Din telefon er ikke logget på. Log den på for at besvare opkald." }).WaitForAsync();
        Assert.DoesNotContain(await server.EventsAsync(), e => CallEvents.Text(e, "kind") is "Offered" or "Answered");
        await caller.HangUpAsync();
        Assert.True(await server.WaitForEventAsync("Ended", null), server.Output);
    }
}
