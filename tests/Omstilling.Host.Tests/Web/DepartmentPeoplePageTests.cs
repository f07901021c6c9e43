using Microsoft.Playwright;
using Omstilling.Host.Tests.Support;

namespace Omstilling.Host.Tests.Web;

/// <summary>
/// <c>/afdelinger/medarbejdere</c> in a browser: Camilla Holm, Borgerservice's team leader, codes
/// Anne Sørensen (2010) on holiday; her row says so at once, and a colleague's call to Anne is
/// answered by the absence greeting instead of ringing her phone. Camilla then clears it.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class DepartmentPeoplePageTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task A_department_head_codes_the_absence_of_one_of_her_people_which_callers_hear_and_clears_it()
    {
        await using var server = await ServerProcess.StartAsync("--at", "2026-12-01 10:00");
        await using var chromium = await Chromium.LaunchAsync();
        Assert.True(await server.WaitForDemoLoginsAsync(), server.Output);
        var page = await chromium.LogInAsync(server, "2012", "demo2012", "/afdelinger/medarbejdere");
        var anne = page.Locator("[data-testid=people] tr[data-person=anne-soerensen]");
        Assert.Equal("–", (await anne.Locator("[data-testid=absence]").InnerTextAsync()).Trim());

        await anne.GetByRole(AriaRole.Button, new() { Name = "Kod fravær" }).ClickAsync();
        await page.Locator("[data-testid=absence-form] select").SelectOptionAsync("Holiday");
        await page.Locator("[data-testid=absence-until]").FillAsync("2026-12-07T08:00");
        await page.GetByRole(AriaRole.Button, new() { Name = "Gem fravær" }).ClickAsync();
        await anne.Locator("[data-testid=absence]", new() { HasText = "ferie" }).WaitForAsync();

        await using (var bo = await Baresip.StartAsync("2011", server.SipPort, autoAnswer: false))
        {
            Assert.True(await bo.WaitUntilRegisteredAsync(Wait), bo.Log);
            await bo.DialAsync($"sip:2010@127.0.0.1:{server.SipPort}");
            Assert.True(await server.WaitForEventAsync("Diverted", null, e => CallEvents.Text(e, "party") == "2010" && CallEvents.Text(e, "detail")!.Contains("absent", StringComparison.Ordinal)), server.Output);
            await bo.HangUpAsync();
        }

        await anne.GetByRole(AriaRole.Button, new() { Name = "Slet fravær" }).ClickAsync();
        await anne.Locator("[data-testid=absence]", new() { HasText = "–" }).WaitForAsync();
    }
}
