using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Omstilling.Host.Tests.Support;
using Omstilling.Storage.Entities;
using static Omstilling.Host.Tests.Support.HistoryServer;

namespace Omstilling.Host.Tests.Web;

/// <summary>
/// <c>/mine-opkald</c> on a server whose history holds, from an hour ago, a call that rang Birgitte
/// (2001) until the caller gave up, a call put through to her, and a call that rang Camilla (2012):
/// Birgitte sees her own two only, marks the one put through to her "fejlstillet", and the mark
/// reaches the call's record through the engine and the history writer.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class MyCallsPageTests
{
    [Fact]
    public async Task Staff_see_their_own_missed_and_put_through_calls_and_mark_one_misrouted()
    {
        var (missed, putThrough, camillas) = (Guid.Empty, Guid.Empty, Guid.Empty);
        await using var server = await StartAsync(db =>
        {
            var hourAgo = DateTimeOffset.UtcNow.AddHours(-1);
            var gaveUp = Record("20304050", "2001", hourAgo, TimeSpan.FromSeconds(21), "CallerHungUp");
            (gaveUp.Abandoned, gaveUp.FirstRingAt) = (true, hourAgo.AddSeconds(1));
            gaveUp.Rings.Add(new CallRingRecord { Party = "2001", StartedAt = hourAgo.AddSeconds(1), EndedAt = hourAgo.AddSeconds(21), Outcome = "NoAnswer" });
            var transferred = Record("30405060", "54731000", hourAgo.AddMinutes(10), TimeSpan.FromMinutes(5), "CalleeHungUp");
            (transferred.AnsweredBy, transferred.Operator, transferred.Transfers, transferred.TransferTarget, transferred.TransferOutcome) = ("100", "100", 1, "2001", "Completed");
            transferred.Rings.Add(new CallRingRecord { Party = "2001", StartedAt = hourAgo.AddMinutes(10).AddSeconds(40), EndedAt = hourAgo.AddMinutes(10).AddSeconds(45), Outcome = "Answered" });
            var completed = Event(transferred, 0, "TransferCompleted", hourAgo.AddMinutes(10).AddSeconds(45));
            (completed.Party, completed.Operator) = ("2001", "100");
            var camilla = Record("40506070", "2012", hourAgo.AddMinutes(20), TimeSpan.FromSeconds(20), "CallerHungUp");
            camilla.Rings.Add(new CallRingRecord { Party = "2012", StartedAt = hourAgo.AddMinutes(20), EndedAt = hourAgo.AddMinutes(20).AddSeconds(20), Outcome = "NoAnswer" });
            (missed, putThrough, camillas) = (gaveUp.CallId, transferred.CallId, camilla.CallId);
            db.CallRecords.AddRange(gaveUp, transferred, camilla);
            db.CallEvents.Add(completed);
            return Task.CompletedTask;
        });
        await using var chromium = await Chromium.LaunchAsync();
        var page = await chromium.LogInAsync(server.Server, "2001", Password("2001"), "/mine-opkald");

        Assert.Equal(1, await page.Locator("nav a[href='/mine-opkald']").CountAsync());
        var missedRow = page.Locator($"[data-testid=missed-calls] tbody tr");
        Assert.Equal([missed.ToString()], await missedRow.EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.call)"));
        var missedText = await missedRow.InnerTextAsync();
        Assert.Contains("20 30 40 50", missedText, StringComparison.Ordinal);
        Assert.Contains("20 s (ikke besvaret)", missedText, StringComparison.Ordinal);
        Assert.Contains("Lagde på, før nogen svarede", missedText, StringComparison.Ordinal);
        var putThroughRow = page.Locator($"[data-testid=put-through-calls] tr[data-call='{putThrough}']");
        Assert.Contains("30 40 50 60", await putThroughRow.InnerTextAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("40 50 60 70", await page.Locator("section.my-calls").InnerTextAsync(), StringComparison.Ordinal);

        await putThroughRow.GetByRole(AriaRole.Button, new() { Name = "Markér som fejlstillet" }).ClickAsync();

        await putThroughRow.Locator(".marked", new() { HasText = "Markeret som fejlstillet" }).WaitForAsync();
        var database = server.Database();
        Assert.True(await Eventually.ReachedAsync(async () =>
        {
            await using var db = database.CreateContext();
            return (await db.CallRecords.SingleAsync(r => r.CallId == putThrough)).MisroutedBy == "2001";
        }), server.Server.Output);
        await using (var db = database.CreateContext())
        {
            Assert.Equal("2001", (await db.CallEvents.SingleAsync(e => e.CallId == putThrough && e.Kind == "MarkedMisrouted")).Party);
            Assert.Null((await db.CallRecords.SingleAsync(r => r.CallId == camillas)).MisroutedBy);
        }

        // After a reload the mark comes from the history, and the button is gone.
        await page.ReloadAsync();
        await page.Locator("[data-interactive=true]").WaitForAsync();
        Assert.Equal("Markeret som fejlstillet", await page.Locator($"[data-testid=put-through-calls] tr[data-call='{putThrough}'] .marked").InnerTextAsync());
        Assert.Equal(0, await page.GetByRole(AriaRole.Button, new() { Name = "Markér som fejlstillet" }).CountAsync());
    }

    [Fact]
    public async Task A_user_without_an_extension_is_told_there_are_no_calls_to_show()
    {
        await using var server = await StartAsync(_ => Task.CompletedTask);
        await using var chromium = await Chromium.LaunchAsync();
        var page = await chromium.LogInAsync(server.Server, "admin", Password("admin"), "/mine-opkald");

        Assert.Equal("Din bruger har ikke et lokalnummer, så der er ingen opkald at vise.", await page.Locator("section.my-calls p.empty").InnerTextAsync());
        Assert.Equal(0, await page.Locator("nav a[href='/mine-opkald']").CountAsync());
    }
}
