using Microsoft.Playwright;
using Omstilling.Host.Tests.Support;

namespace Omstilling.Host.Tests.Console;

/// <summary>
/// What each user finds in the browser around the console: a page outside their role says so with
/// the way back, an address that is no page says so in the app's own page, and the administrator
/// (who has no phone) starts at the console without being told to take calls.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ConsolePagesTests
{
    [Fact]
    public async Task A_staff_member_who_opens_the_console_is_told_there_is_no_access_and_finds_the_way_back_to_their_messages()
    {
        await using var server = await ServerProcess.StartAsync();
        await using var chromium = await Chromium.LaunchAsync();
        Assert.True(await server.WaitForDemoLoginsAsync(), server.Output);
        var page = await chromium.LogInAsync(server, "2001", "demo2001", "/beskeder");

        await page.GotoAsync("/omstilling");

        var notice = page.Locator("[data-testid=no-access]");
        await notice.WaitForAsync();
        Assert.Equal("Ingen adgang", await notice.Locator("h1").InnerTextAsync());
        Assert.Contains("Du er logget ind som Birgitte Holst", await notice.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("input[name=password]").CountAsync());
        await notice.GetByRole(AriaRole.Link, new() { Name = "Tilbage til din forside" }).ClickAsync();
        await page.WaitForURLAsync("**/beskeder");
        await page.Locator("h1", new() { HasText = "Telefonbeskeder" }).WaitForAsync();
    }

    [Fact]
    public async Task An_address_that_is_no_page_shows_the_apps_page_saying_so_and_the_way_back()
    {
        await using var server = await ServerProcess.StartAsync();
        await using var chromium = await Chromium.LaunchAsync();
        var page = await chromium.ConsoleAsync(server, "100", "demo100");

        var response = await page.GotoAsync("/omstilling/findes-ikke");

        Assert.Equal(404, response?.Status);
        var notFound = page.Locator("[data-testid=not-found]");
        await notFound.WaitForAsync();
        Assert.Equal("Siden findes ikke", await notFound.Locator("h1").InnerTextAsync());
        Assert.True(await page.Locator(".topbar .brand").IsVisibleAsync(), "the page is in the app's layout");
        await notFound.GetByRole(AriaRole.Link, new() { Name = "Tilbage til din forside" }).ClickAsync();
        await page.WaitForURLAsync("**/omstilling");
        await page.Locator(".console[data-interactive=true]").WaitForAsync();
        Assert.Empty(chromium.RefusedByPolicy);
    }

    [Fact]
    public async Task The_administrator_starts_at_the_console_and_is_not_told_to_take_calls_without_a_phone()
    {
        await using var server = await ServerProcess.StartAsync("--at", "2026-12-01 10:00");
        await using var chromium = await Chromium.LaunchAsync();
        var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = $"http://127.0.0.1:{server.WebPort}" });
        var page = await context.NewPageAsync();

        // The login form by itself (no page asked for first): the administrator's own start page follows.
        await page.GotoAsync("/konto/login");
        await page.FillAsync("input[name=username]", "admin");
        await page.FillAsync("input[name=password]", "demoadmin");
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync("**/omstilling");
        await page.Locator(".console[data-interactive=true]").WaitForAsync();

        var idle = await page.Locator("[data-testid=no-call]").InnerTextAsync();
        Assert.DoesNotContain("Alt+B", idle, StringComparison.Ordinal);
        Assert.Contains("ingen telefon, så du tager ikke opkald her", idle, StringComparison.Ordinal);
        Assert.Contains("Ingen telefon knyttet til brugeren", await page.Locator(".statusbar").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("[data-testid=my-status]").CountAsync());
        Assert.Equal(0, await page.GetByRole(AriaRole.Button, new() { Name = "Pause" }).CountAsync());
    }
}
