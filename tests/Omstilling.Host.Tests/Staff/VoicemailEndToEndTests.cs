using System.Net;
using Microsoft.Playwright;
using MimeKit;
using Omstilling.Host.Tests.Support;
using Omstilling.Media.Audio;

namespace Omstilling.Host.Tests.Staff;

/// <summary>
/// Voicemail from end to end with real phones, a browser and a mail server. Camilla Holm (2012,
/// voicemail on no answer) codes a meeting on the web and chooses her PIN; her desk phone (SIPp)
/// subscribes to her box's message-waiting state. Bo Jensen (2011, baresip, a 700 Hz microphone)
/// calls her: her phone does not ring, Bo hears her absence greeting and the tone, and talks for a
/// few seconds. The message is kept in her box, e-mailed to her with the recording attached, her
/// phone is told "Messages-Waiting: yes", her page lists it and plays it, and on the voicemail
/// number (8500) with her PIN she hears it.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class VoicemailEndToEndTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task A_caller_to_an_absent_person_hears_her_greeting_and_leaves_a_message_that_is_kept_mailed_lit_and_played()
    {
        await using var smtp = TestSmtpServer.Start();
        await using var server = await ServerProcess.StartAsync("--at", "2026-12-01 10:00", "--smtp", $"127.0.0.1:{smtp.Port}", "--smtp-security", "none");
        await using var chromium = await Chromium.LaunchAsync();
        Assert.True(await server.WaitForDemoLoginsAsync(), server.Output);

        // Absence and PIN on the web.
        var page = await chromium.LogInAsync(server, "2012", "demo2012", "/mit-fravaer");
        await page.Locator("[data-testid=absence-form] select").SelectOptionAsync("Meeting");
        await page.Locator("[data-testid=absence-until]").FillAsync("2026-12-01T14:00");
        await page.GetByRole(AriaRole.Button, new() { Name = "Gem fravær" }).ClickAsync();
        await page.Locator("[data-testid=my-absence]", new() { HasText = "Til møde til kl. 14.00" }).WaitForAsync();
        await page.GotoAsync($"http://127.0.0.1:{server.WebPort}/min-telefonsvarer");
        await page.Locator("[data-interactive=true]").WaitForAsync(); // the form works once the page's live connection is up
        await page.Locator("[data-testid=pin]").FillAsync("4711");
        await page.Locator("[data-testid=pin-form] button").ClickAsync();
        await page.Locator("[data-testid=pin-state]", new() { HasText = "Du har en pinkode." }).WaitForAsync();

        // Her desk phone watches her box.
        var lamp = Sipp.RunLongAsync("uac_subscribe_mwi_waiting.xml", server.SipPort, FreePort.Next(), TimeSpan.Zero, TimeSpan.FromSeconds(150), ("username", "2012"), ("password", "demo2012"));

        // Bo calls and leaves a message.
        await using (var bo = await Baresip.StartAsync("2011", server.SipPort, autoAnswer: false, toneHz: 700))
        {
            Assert.True(await bo.WaitUntilRegisteredAsync(Wait), bo.Log);
            await bo.DialAsync($"sip:2012@127.0.0.1:{server.SipPort}");
            Assert.True(await bo.WaitForEventAsync("CALL_ESTABLISHED", Wait), "the platform answers for Camilla\n" + bo.Log + server.Output);
            Assert.True(await server.WaitForEventAsync("Voicemail", null, e => CallEvents.Text(e, "detail")!.StartsWith("2012", StringComparison.Ordinal)), "the greeting ends and the recording starts\n" + server.Output);
            await Task.Delay(TimeSpan.FromSeconds(4)); // Bo talks
            await bo.HangUpAsync();
            Assert.True(await bo.WaitForEventAsync("CALL_CLOSED", Wait), bo.Log);
            var heard = await bo.ReadHeardAsync();
            var name = Path.Combine(server.DataDirectory, "prompts", "spoken", "navn-camilla-holm.wav");
            Assert.True(File.Exists(name), "her name was spoken when she was coded absent");
            HeardAudio.AssertContains(heard, "du-har-ringet-til", maxLagSeconds: 2);
            HeardAudio.AssertContains(heard, WavReader.Read(name).Samples.ToArray(), "her name", maxLagSeconds: 4);
            HeardAudio.AssertContains(heard, "fravaer-moede", maxLagSeconds: 6);
            HeardAudio.AssertContains(heard, "indtal-besked", maxLagSeconds: 14);
        }

        // Kept in her box, whole.
        var box = Path.Combine(server.DataDirectory, "voicemail", "2012");
        Assert.True(await Eventually.ReachedAsync(() => System.IO.Directory.Exists(box) && System.IO.Directory.GetFiles(box, "*.wav").Length == 1, Wait), server.Output);
        var file = System.IO.Directory.GetFiles(box, "*.wav").Single();
        Assert.Empty(System.IO.Directory.GetFiles(box, "*.part"));
        var message = WavReader.Read(file).Samples.ToArray();
        Assert.InRange(message.Length / 8000.0, 2.5, 6.0);
        var spoken = message[8000..12000]; // half a second of Bo's tone, from the message's second second

        // E-mailed with the recording.
        var mail = await smtp.WaitForAsync(m => m.To.Mailboxes.Any(a => a.Address == "camilla.holm@guldborgsund.example"), TimeSpan.FromSeconds(30));
        Assert.True(mail is not null, "no mail for Camilla\n" + server.Output);
        var attachment = Assert.Single(mail!.Attachments.OfType<MimePart>());
        Assert.Equal("audio/wav", attachment.ContentType.MimeType);
        using (var attached = new MemoryStream())
        {
            await attachment.Content!.DecodeToAsync(attached);
            Assert.Equal(await File.ReadAllBytesAsync(file), attached.ToArray());
        }

        // Her phone's lamp.
        var lit = await lamp;
        Assert.True(lit.ExitCode == 0, $"her phone is told a message waits: {lit}\n{server.Output}");

        // Her page lists it, new, and plays it.
        await page.ReloadAsync();
        var row = page.Locator("[data-testid=messages] tbody tr").First;
        Assert.Equal("Ny", (await row.Locator("[data-testid=status]").InnerTextAsync()).Trim());
        var audio = await row.Locator("audio").GetAttributeAsync("src");
        var served = await page.APIRequest.GetAsync($"http://127.0.0.1:{server.WebPort}{audio}");
        Assert.Equal((int)HttpStatusCode.OK, served.Status);
        Assert.Equal(await File.ReadAllBytesAsync(file), await served.BodyAsync());

        // And on the voicemail number with her PIN: the keys are typed ahead, so the message plays at once.
        await using var camilla = await Baresip.StartAsync("2012", server.SipPort, autoAnswer: false);
        Assert.True(await camilla.WaitUntilRegisteredAsync(Wait), camilla.Log);
        await camilla.DialAsync($"sip:8500@127.0.0.1:{server.SipPort}");
        Assert.True(await camilla.WaitForEventAsync("CALL_ESTABLISHED", Wait), camilla.Log + server.Output);
        await camilla.SendDigitsAsync("4711#1");
        // Played to its end, it is heard: her page, live, says so.
        await page.Locator("[data-testid=messages] [data-testid=status]", new() { HasText = "Hørt" }).WaitForAsync(new() { Timeout = 40_000 });
        await camilla.HangUpAsync();
        Assert.True(await camilla.WaitForEventAsync("CALL_CLOSED", Wait), camilla.Log);
        HeardAudio.AssertContains(await camilla.ReadHeardAsync(), spoken, "Bo's message", maxLagSeconds: 20);
    }
}
