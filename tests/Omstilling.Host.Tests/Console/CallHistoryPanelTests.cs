using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Omstilling.Host.Tests.Support;
using static Omstilling.Host.Tests.Support.HistoryServer;

namespace Omstilling.Host.Tests.Console;

/// <summary>
/// The console's "Opkaldshistorik" on a server whose history holds two calls of a minute ago: one
/// the operator put through to Birgitte (2001), and a citizen who gave up in the queue. The operator
/// sees both, and the caller under "Ubesvarede og opgivne"; marking the transfer "Fejlstillet" reaches
/// the call's record, by the operator; "Ring op" without a registered phone says so.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class CallHistoryPanelTests
{
    [Fact]
    public async Task The_operator_sees_todays_calls_and_the_caller_who_gave_up_and_marks_a_transfer_misrouted()
    {
        var (putThrough, gaveUp) = (Guid.Empty, Guid.Empty);
        await using var server = await StartAsync(db =>
        {
            var minuteAgo = DateTimeOffset.UtcNow.AddMinutes(-1);
            var transferred = Record("30405060", "54731000", minuteAgo.AddSeconds(-30), TimeSpan.FromSeconds(20), "CalleeHungUp");
            (transferred.QueueId, transferred.AnsweredBy, transferred.AnsweredAt, transferred.Operator, transferred.Transfers, transferred.TransferTarget, transferred.TransferOutcome) =
                ("hovedomstilling", "100", minuteAgo.AddSeconds(-28), "100", 1, "2001", "Completed");
            var abandoned = Record("20304050", "54731000", minuteAgo, TimeSpan.FromSeconds(45), "CallerHungUp");
            (abandoned.QueueId, abandoned.QueueWaitMs, abandoned.Abandoned) = ("hovedomstilling", 45_000, true);
            (putThrough, gaveUp) = (transferred.CallId, abandoned.CallId);
            db.CallRecords.AddRange(transferred, abandoned);
            return Task.CompletedTask;
        });
        await using var chromium = await Chromium.LaunchAsync();
        var page = await chromium.ConsoleAsync(server.Server, "100", Password("100"));

        var rows = page.Locator("[data-testid=call-history-calls] tbody tr");
        await rows.First.WaitForAsync();
        Assert.Equal([gaveUp.ToString(), putThrough.ToString()], await rows.EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.call)"));
        var unanswered = page.Locator("[data-testid=unanswered] li");
        Assert.Equal(1, await unanswered.CountAsync());
        var caller = await unanswered.InnerTextAsync();
        Assert.Contains("20 30 40 50", caller, StringComparison.Ordinal);
        Assert.Contains("ventede 45 s", caller, StringComparison.Ordinal);
        var transferredRow = page.Locator($"[data-testid=call-history-calls] tr[data-call='{putThrough}']");
        Assert.Contains("Taget", await transferredRow.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator($"[data-testid=call-history-calls] tr[data-call='{gaveUp}'] button").CountAsync());

        await transferredRow.GetByRole(AriaRole.Button, new() { Name = "Fejlstillet" }).ClickAsync();

        await transferredRow.Locator(".marked").WaitForAsync();
        var database = server.Database();
        Assert.True(await Eventually.ReachedAsync(async () =>
        {
            await using var db = database.CreateContext();
            return (await db.CallRecords.SingleAsync(r => r.CallId == putThrough)).MisroutedBy == "100";
        }), server.Server.Output);
        await using var check = database.CreateContext();
        Assert.Equal("100", (await check.CallEvents.SingleAsync(e => e.CallId == putThrough && e.Kind == "MarkedMisrouted")).Operator);

        // "Ring op" reaches the engine, which finds no phone of the operator's to ring first.
        await unanswered.GetByRole(AriaRole.Button, new() { Name = "Ring op" }).ClickAsync();
        Assert.Equal("Din telefon er ikke ledig eller ikke logget på.", await page.Locator("[data-testid=call-history] .alert").InnerTextAsync());
    }
}
