using Microsoft.Playwright;
using Omstilling.Host.Tests.Support;

namespace Omstilling.Host.Tests.Console;

[Collection(BrowserCollection.Name)]
public sealed class ConsoleSmokeTests
{
    [Fact]
    public async Task An_operator_logs_in_and_finds_a_person_by_typing_part_of_the_name()
    {
        await using var server = await ServerProcess.StartAsync("--at", "2026-12-01 10:00");
        await using var chromium = await Chromium.LaunchAsync();

        var page = await chromium.ConsoleAsync(server, "100", "demo100");
        await page.Locator("#search").PressSequentiallyAsync("jens han");

        // The best hit for the whole query is selected (the list follows each key as it is typed).
        await page.Locator("[data-testid=hits] .hit.selected", new() { HasText = "Jens Hansen" }).WaitForAsync();
        Assert.Contains("Jens Hansen", await page.Locator("[data-testid=hits] .hit").First.InnerTextAsync(), StringComparison.Ordinal);
        await page.Keyboard.PressAsync("Enter");
        var card = page.Locator("[data-testid=person-card]");
        await card.WaitForAsync();
        Assert.Contains("Vejingeniør", await card.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("54 73 20 55", await card.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("Ikke logget på", await card.Locator("[data-testid=phone-state]").InnerTextAsync());

        // The console works within the Content-Security-Policy: nothing of it was refused. And the
        // policy is in force: an inline style, as an injected script would add, is.
        Assert.Empty(chromium.RefusedByPolicy);
        await page.EvaluateAsync("() => { const s = document.createElement('style'); s.textContent = 'body { color: red }'; document.head.appendChild(s); }");
        Assert.True(await Eventually.ReachedAsync(() => chromium.RefusedByPolicy.Count > 0), "the inline style was not refused");
        Assert.Contains("style", Assert.Single(chromium.RefusedByPolicy), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_password_is_refused_and_the_console_stays_closed()
    {
        await using var server = await ServerProcess.StartAsync();
        await using var chromium = await Chromium.LaunchAsync();
        var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = $"http://127.0.0.1:{server.WebPort}" });
        var page = await context.NewPageAsync();

        await page.GotoAsync("/omstilling");
        Assert.Contains("/konto/login", page.Url, StringComparison.Ordinal);
        await page.FillAsync("input[name=username]", "100");
        await page.FillAsync("input[name=password]", "forkert");
        await page.ClickAsync("button[type=submit]");

        await page.Locator(".alert").WaitForAsync();
        Assert.Contains("Forkert brugernavn eller adgangskode", await page.Locator(".alert").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("100", await page.InputValueAsync("input[name=username]"));
        Assert.Equal("password", await page.EvaluateAsync<string>("document.activeElement && document.activeElement.name"));
        await page.GotoAsync("/omstilling");
        Assert.Contains("/konto/login", page.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_operator_who_opens_the_department_notices_is_told_there_is_no_access_and_gets_back_to_the_console()
    {
        await using var server = await ServerProcess.StartAsync();
        await using var chromium = await Chromium.LaunchAsync();
        var page = await chromium.LogInAsync(server, "100", "demo100", "/beskeder");

        await page.GotoAsync("/afdelinger");
        var notice = page.Locator("[data-testid=no-access]");
        await notice.WaitForAsync();
        Assert.Contains("Ingen adgang", await notice.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("Lise Jørgensen", await notice.InnerTextAsync(), StringComparison.Ordinal);
        await notice.GetByRole(AriaRole.Link, new() { Name = "Tilbage til din forside" }).ClickAsync();
        await page.WaitForURLAsync("**/omstilling");
        await page.Locator(".console[data-interactive=true]").WaitForAsync();
        Assert.Empty(chromium.RefusedByPolicy);
    }
}
