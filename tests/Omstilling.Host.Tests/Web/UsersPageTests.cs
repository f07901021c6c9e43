using Microsoft.Playwright;
using Omstilling.Host.Tests.Support;

namespace Omstilling.Host.Tests.Web;

/// <summary>
/// <c>/brugere</c> ("Brugere og telefoner") in a browser, as IT: the last administrator cannot be
/// disabled, a login is added (the password twice) and disabled; a phone's SIP account is made, its
/// password shown once registers a phone (SIPp) which the page then shows registered, and once the
/// account is removed the phone is refused.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class UsersPageTests
{
    [Fact]
    public async Task It_manages_logins_and_phones_and_a_phone_added_on_the_page_registers_until_it_is_removed()
    {
        await using var server = await ServerProcess.StartAsync();
        await using var chromium = await Chromium.LaunchAsync();
        var page = await chromium.LogInAsync(server, "admin", "demoadmin", "/brugere");
        await page.Locator("section[data-interactive=true]").WaitForAsync();
        var feedback = page.Locator("[data-testid=feedback]");

        var admin = page.Locator("[data-testid=logins] tr[data-user=admin]");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Spær" }).ClickAsync();
        await feedback.Filter(new() { HasText = "admin er den sidste aktive administrator" }).WaitForAsync();
        Assert.Equal("Aktiv", (await admin.Locator("td").Nth(5).InnerTextAsync()).Trim());

        var form = page.Locator("[data-testid=new-login]");
        await form.Locator("[data-testid=login-name]").FillAsync("it-hjaelp");
        await form.Locator("[data-testid=login-display-name]").FillAsync("IT-hjælp");
        await form.Locator("input[data-role=Staff]").CheckAsync();
        await form.Locator("[data-testid=login-password]").FillAsync("hemmelig-kode");
        await form.Locator("[data-testid=login-repeated]").FillAsync("hemmelig-kodE");
        await form.GetByRole(AriaRole.Button, new() { Name = "Opret login" }).ClickAsync();
        await feedback.Filter(new() { HasText = "De to adgangskoder er ikke ens." }).WaitForAsync();
        await form.Locator("[data-testid=login-repeated]").FillAsync("hemmelig-kode");
        await form.GetByRole(AriaRole.Button, new() { Name = "Opret login" }).ClickAsync();
        var added = page.Locator("[data-testid=logins] tr[data-user=it-hjaelp]");
        await added.WaitForAsync();
        Assert.Contains("Medarbejder", await added.InnerTextAsync(), StringComparison.Ordinal);
        await added.GetByRole(AriaRole.Button, new() { Name = "Spær" }).ClickAsync();
        await added.Locator("td", new() { HasText = "Spærret" }).WaitForAsync();

        var phone = page.Locator("[data-testid=new-phone]");
        await phone.Locator("[data-testid=phone-extension]").FillAsync("3999");
        await phone.GetByRole(AriaRole.Button, new() { Name = "Opret SIP-konto" }).ClickAsync();
        var shown = page.Locator("[data-testid=shown-password]");
        await shown.WaitForAsync();
        Assert.Contains("Den vises kun denne ene gang.", await shown.InnerTextAsync(), StringComparison.Ordinal);
        var password = (await page.Locator("[data-testid=sip-password]").InnerTextAsync()).Trim();
        Assert.Matches("^[a-zA-Z2-9]{16}$", password);

        var phonePort = FreePort.Next();
        var registered = await Sipp.RunAsync("register.xml", server.SipPort, phonePort, ("username", "3999"), ("password", password));
        Assert.True(registered.ExitCode == 0, $"{registered}\n{server.Output}");
        var row = page.Locator("[data-testid=phones] tr[data-extension='3999']");
        await row.Locator("td", new() { HasText = "Ja" }).WaitForAsync(new() { Timeout = 15_000 });

        await row.GetByRole(AriaRole.Button, new() { Name = "Slet" }).ClickAsync();
        await row.GetByRole(AriaRole.Button, new() { Name = "Bekræft sletning" }).ClickAsync();
        await feedback.Filter(new() { HasText = "SIP-kontoen for lokalnummer 3999 er slettet, og telefonen er afmeldt." }).WaitForAsync();
        Assert.Equal(0, await row.CountAsync());
        Assert.Equal(0, await shown.CountAsync());
        var refused = await Sipp.RunAsync("register_refused.xml", server.SipPort, phonePort, ("username", "3999"), ("password", password));
        Assert.True(refused.ExitCode == 0, $"a removed account still registers: {refused}");

        Assert.Contains("admin: the SIP account 3999 added", server.Output, StringComparison.Ordinal);
        Assert.Contains("admin: the SIP account 3999 removed", server.Output, StringComparison.Ordinal);
        Assert.Contains("admin added the login it-hjaelp (Staff)", server.Output, StringComparison.Ordinal);
    }
}
