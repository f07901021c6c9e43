using Microsoft.Playwright;
using Omstilling.Host.Tests.Support;

namespace Omstilling.Host.Tests.Console;

/// <summary>
/// The wallboard (/tavle) on a 1920x1080 wall screen: an operator opens it, a real caller (baresip)
/// joins the switchboard's queue, and the board's count of waiting callers changes live, with the
/// longest wait ticking; today's goals come from the call history, each with its target and a word
/// for met or not.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class WallboardTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task The_wallboard_counts_a_caller_who_joins_the_queue_and_shows_todays_goals_against_their_targets()
    {
        await using var server = await ServerProcess.StartAsync("--at", "2026-12-01 10:00");
        await using var chromium = await Chromium.LaunchAsync();
        var board = await chromium.LogInAsync(server, "100", "demo100", "/tavle", 1920, 1080);

        var waiting = board.Locator("[data-testid=waiting-count]");
        Assert.Equal("0", await waiting.InnerTextAsync());
        Assert.Equal("–", await board.Locator("[data-testid=longest-wait]").InnerTextAsync());

        // The goals of the day, from the (still empty) history: each named with its target.
        var answered = board.Locator("[data-testid=goal-answered]");
        await answered.Locator(".wb-detail", new() { HasText = "Ingen målinger endnu i dag" }).WaitForAsync();
        Assert.Contains("Besvaret inden for 4 ring", await answered.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("Mål 80 %", await answered.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("Mål 90 %", await board.Locator("[data-testid=goal-transferred]").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("Mål 85 %", await board.Locator("[data-testid=goal-satisfied]").InnerTextAsync(), StringComparison.Ordinal);

        await using var caller = await Baresip.StartAsync("2002", server.SipPort, autoAnswer: false, toneSeconds: 120);
        Assert.True(await caller.WaitUntilRegisteredAsync(Wait), caller.Log);
        await caller.DialAsync($"sip:54731000@127.0.0.1:{server.SipPort}");
        Assert.True(await caller.WaitForEventAsync("CALL_ESTABLISHED", Wait), caller.Log + server.Output);
        Assert.True(await server.WaitForEventAsync("Routed", "Menu automatisk-omstilling"), server.Output);
        await caller.SendDigitsAsync("9");
        Assert.True(await server.WaitForEventAsync("Queued", "hovedomstilling"), server.Output);

        // Live, without a reload: the caller is counted and their wait ticks.
        await board.Locator("[data-testid=waiting-count]", new() { HasText = "1" }).WaitForAsync();
        var first = await board.Locator("[data-testid=longest-wait]").InnerTextAsync();
        Assert.Matches(@"^0:\d\d$", first);
        Assert.True(await Eventually.ReachedAsync(async () => await board.Locator("[data-testid=longest-wait]").InnerTextAsync() != first), "the longest wait did not tick");

        // One wall screen: nothing to scroll, and nothing refused by the Content-Security-Policy.
        Assert.True(await board.EvaluateAsync<bool>("() => document.documentElement.scrollHeight <= window.innerHeight && document.documentElement.scrollWidth <= window.innerWidth"), "the wallboard scrolls at 1920x1080");
        Assert.Empty(chromium.RefusedByPolicy);
        await Screenshot(board, "wallboard.png");

        // The caller gives up: the count goes back, and the call (abandoned, nobody rang) is in today's figures.
        await caller.HangUpAsync();
        await board.Locator("[data-testid=waiting-count]", new() { HasText = "0" }).WaitForAsync();
        Assert.Equal("–", await board.Locator("[data-testid=longest-wait]").InnerTextAsync());
    }

    /// <summary>Kept in the test output (TestResults/screenshots) for a look.</summary>
    private static async Task Screenshot(IPage page, string name)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "screenshots");
        System.IO.Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name) });
    }
}
