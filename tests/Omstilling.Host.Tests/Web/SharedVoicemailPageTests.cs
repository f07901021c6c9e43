using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Omstilling.Calls.Control;
using Omstilling.Host.Tests.Support;
using Omstilling.Storage.Users;
using Omstilling.Web;
using Omstilling.Web.Voicemail;

namespace Omstilling.Host.Tests.Web;

/// <summary>
/// <c>/faelles-telefonsvarere</c>: a message a caller left for the switchboard (the queue's
/// "leave a message") is heard by an operator and by nobody else; one left for Borgerservice by
/// its head and by nobody else; each page shows its own box, live, and the head marks and deletes.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class SharedVoicemailPageTests
{
    private const string Operator = "100";
    private const string Head = "chef";
    private const string Bo = "2011";
    private const string Department = "borgerservice";

    [Fact]
    public async Task Operators_hear_the_switchboards_box_and_a_head_their_departments_and_nobody_else_does()
    {
        await using var server = await InProcessServer.StartAsync(
        [
            new NewUser(Operator, "Operatør 100", [UserRole.Operator], Password(Operator)) { Extension = Operator },
            new NewUser(Head, "Afdelingschef", [UserRole.DepartmentHead], Password(Head)) { DepartmentId = Department },
            new NewUser(Bo, "Bo Jensen", [UserRole.Staff], Password(Bo)) { Extension = Bo, PersonId = "bo-jensen" },
        ]);
        var platform = server.App.Services.GetRequiredService<WebPlatform>();
        var voicemail = platform.Voicemail!;
        var switchboard = platform.Policy!.Current.Switchboard.Id;
        var forSwitchboard = await LeaveAsync(voicemail, switchboard, "20304050");

        await using var chromium = await Chromium.LaunchAsync();
        var headPage = await chromium.LogInAsync(server, Head, Password(Head), "/faelles-telefonsvarere");
        await headPage.Locator($"[data-testid=no-messages-{Department}]").WaitForAsync();
        Assert.Equal(0, await headPage.Locator($"[data-testid=box-{switchboard}]").CountAsync());

        // Left while the head's page is open: it shows at once, in the department's box only.
        var forDepartment = await LeaveAsync(voicemail, Department, "20304051");
        var row = headPage.Locator($"[data-testid=messages][data-box={Department}] tr[data-id='{forDepartment:N}']");
        await row.WaitForAsync();
        Assert.Equal("Ny", (await row.Locator("[data-testid=status]").InnerTextAsync()).Trim());
        Assert.Equal(0, await headPage.Locator($"tr[data-id='{forSwitchboard:N}']").CountAsync());

        var operatorPage = await chromium.LogInAsync(server, Operator, Password(Operator), "/faelles-telefonsvarere");
        await operatorPage.Locator($"[data-testid=messages][data-box={switchboard}] tr[data-id='{forSwitchboard:N}']").WaitForAsync();
        Assert.Equal(0, await operatorPage.Locator($"[data-testid=box-{Department}]").CountAsync());

        // The sound files follow the same rule; to anyone else a message is as if it did not exist.
        using (var op = await WebLogin.LogInAsync(server.WebPort, Operator, Password(Operator)))
        using (var head = await WebLogin.LogInAsync(server.WebPort, Head, Password(Head)))
        using (var bo = await WebLogin.LogInAsync(server.WebPort, Bo, Password(Bo)))
        {
            Assert.Equal(HttpStatusCode.OK, await StatusAsync(op, forSwitchboard));
            Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(op, forDepartment));
            Assert.Equal(HttpStatusCode.OK, await StatusAsync(head, forDepartment));
            Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(head, forSwitchboard));
            Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(bo, forSwitchboard));
            Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(bo, forDepartment));
            Assert.Equal(HttpStatusCode.Redirect, (await bo.GetAsync(new Uri("/faelles-telefonsvarere", UriKind.Relative))).StatusCode);
        }

        await row.GetByRole(AriaRole.Button, new() { Name = "Markér som hørt" }).ClickAsync();
        await row.Locator("[data-testid=status]", new() { HasText = "Hørt" }).WaitForAsync();
        Assert.Equal((0, 1), await voicemail.Store.CountsAsync(Department, CancellationToken.None));
        await row.GetByRole(AriaRole.Button, new() { Name = "Slet" }).ClickAsync();
        await row.GetByRole(AriaRole.Button, new() { Name = "Ja, slet beskeden" }).ClickAsync();
        await headPage.Locator($"[data-testid=no-messages-{Department}]").WaitForAsync();
        Assert.Equal((0, 0), await voicemail.Store.CountsAsync(Department, CancellationToken.None));
        Assert.Equal((1, 0), await voicemail.Store.CountsAsync(switchboard, CancellationToken.None));
    }

    /// <summary>A caller's message in <paramref name="box"/>, kept the platform's own way (a recording in the box's folder).</summary>
    private static async Task<Guid> LeaveAsync(StaffVoicemail voicemail, string box, string caller)
    {
        var recording = voicemail.StartRecording(box, RecordingPurpose.Message, caller, Guid.NewGuid(), DateTimeOffset.UtcNow);
        await File.WriteAllBytesAsync(recording.TemporaryFile, TestWav.Tone(8000, channels: 1, TimeSpan.FromSeconds(2)));
        Assert.True(await voicemail.KeepAsync(recording, TimeSpan.FromSeconds(2), CancellationToken.None));
        return recording.Id;
    }

    private static async Task<HttpStatusCode> StatusAsync(HttpClient client, Guid message)
    {
        using var response = await client.GetAsync(new Uri(VoicemailText.MessagePath(message), UriKind.Relative));
        return response.StatusCode;
    }

    private static string Password(string user) => "hemmelig-" + user;
}
