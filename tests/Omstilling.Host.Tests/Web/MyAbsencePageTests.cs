using Microsoft.Playwright;
using Omstilling.Host.Tests.Support;

namespace Omstilling.Host.Tests.Web;

/// <summary>
/// <c>/mit-fravaer</c> in a browser: Anne Sørensen (2010) codes her own absence on the web and a
/// colleague's call to her is answered by the absence greeting instead of ringing her phone; she
/// forwards her calls to Bo (2011), a number outside the municipality is refused, and she turns the
/// forwarding off again.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class MyAbsencePageTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Staff_code_their_absence_which_callers_hear_and_set_and_cancel_their_forwarding()
    {
        await using var server = await ServerProcess.StartAsync("--at", "2026-12-01 10:00");
        await using var chromium = await Chromium.LaunchAsync();
        Assert.True(await server.WaitForDemoLoginsAsync(), server.Output);
        var page = await chromium.LogInAsync(server, "2010", "demo2010", "/mit-fravaer");
        Assert.Equal("Du er ikke kodet fraværende.", await page.Locator("[data-testid=my-absence]").InnerTextAsync());

        await page.Locator("[data-testid=absence-form] select").SelectOptionAsync("Meeting");
        await page.Locator("[data-testid=absence-until]").FillAsync("2026-12-01T14:00");
        await page.GetByRole(AriaRole.Button, new() { Name = "Gem fravær" }).ClickAsync();
        await page.Locator("[data-testid=my-absence]", new() { HasText = "Til møde til kl. 14.00" }).WaitForAsync();

        await using (var bo = await Baresip.StartAsync("2011", server.SipPort, autoAnswer: false))
        {
            Assert.True(await bo.WaitUntilRegisteredAsync(Wait), bo.Log);
            await bo.DialAsync($"sip:2010@127.0.0.1:{server.SipPort}");
            Assert.True(await bo.WaitForEventAsync("CALL_ESTABLISHED", Wait), "the platform answers for Anne\n" + bo.Log + server.Output);
            Assert.True(await server.WaitForEventAsync("Diverted", null, e => CallEvents.Text(e, "party") == "2010" && CallEvents.Text(e, "detail")!.Contains("absent", StringComparison.Ordinal)), server.Output);
            await bo.HangUpAsync();
        }

        var always = page.Locator("[data-testid=forwarding] tr[data-condition=Always]");
        // A premium-rate number: the toll-fraud guard refuses it when it is set, and says why.
        await always.Locator("input").FillAsync("90 12 34 56");
        await always.GetByRole(AriaRole.Button, new() { Name = "Viderestil" }).ClickAsync();
        await page.Locator("[data-testid=feedback]", new() { HasText = "Telefonpolitikken tillader ikke opkald til overtakserede numre (90-numre)." }).WaitForAsync();

        await always.Locator("input").FillAsync("2011");
        await always.GetByRole(AriaRole.Button, new() { Name = "Viderestil" }).ClickAsync();
        await always.Locator("td", new() { HasText = "Viderestillet altid til Bo Jensen (2011)" }).WaitForAsync();

        await always.GetByRole(AriaRole.Button, new() { Name = "Slå fra" }).ClickAsync();
        await page.Locator("[data-testid=feedback]", new() { HasText = "Viderestillingen (altid) er slået fra." }).WaitForAsync();
        Assert.Equal("–", (await always.Locator("td").Nth(1).InnerTextAsync()).Trim());

        await page.GetByRole(AriaRole.Button, new() { Name = "Slet fravær" }).ClickAsync();
        await page.Locator("[data-testid=my-absence]", new() { HasText = "Du er ikke kodet fraværende." }).WaitForAsync();
    }
}
