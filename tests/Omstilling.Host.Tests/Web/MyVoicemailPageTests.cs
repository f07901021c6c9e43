using System.Buffers.Binary;
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
/// <c>/min-telefonsvarer</c> in a browser: a message is left in Anne Sørensen's box (2010) while
/// her page is open (the platform's own path: a recording in her folder, kept), and shows as new;
/// its sound is hers alone (Bo, 2011, gets 404); she marks it heard, sets a PIN (a wrong one is
/// refused in Danish), turns e-mail off, uploads a greeting (16 kHz stereo, kept as 8 kHz mono; a
/// file that is no WAV is refused) and deletes the message, whose file goes with it. Playing a new
/// message in the browser marks it heard.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class MyVoicemailPageTests
{
    private const string Anne = "2010";
    private const string Bo = "2011";

    [Fact]
    public async Task Staff_play_mark_and_delete_their_own_messages_and_set_their_pin_and_greeting()
    {
        await using var server = await InProcessServer.StartAsync(
        [
            new NewUser(Anne, "Anne Sørensen", [UserRole.Staff], Password(Anne)) { Extension = Anne, PersonId = "anne-soerensen" },
            new NewUser(Bo, "Bo Jensen", [UserRole.Staff], Password(Bo)) { Extension = Bo, PersonId = "bo-jensen" },
        ]);
        var voicemail = server.App.Services.GetRequiredService<WebPlatform>().Voicemail!;
        await using var chromium = await Chromium.LaunchAsync();
        var page = await chromium.LogInAsync(server, Anne, Password(Anne), VoicemailText.PagePath);
        await page.Locator("[data-testid=no-messages]").WaitForAsync();
        Assert.Contains("anne.soerensen@guldborgsund.example", await page.Locator("[data-testid=email-line]").InnerTextAsync(), StringComparison.Ordinal);

        // A caller leaves a message while the page is open: it shows without a reload.
        var recording = voicemail.StartRecording(Anne, RecordingPurpose.Message, "20304050", Guid.NewGuid(), DateTimeOffset.UtcNow);
        await File.WriteAllBytesAsync(recording.TemporaryFile, TestWav.Tone(8000, channels: 1, TimeSpan.FromSeconds(2)));
        Assert.True(await voicemail.KeepAsync(recording, TimeSpan.FromSeconds(2), CancellationToken.None));
        var file = voicemail.Folders.PathOf(Anne, $"{recording.Id:N}.wav");
        Assert.True(File.Exists(file));
        var row = page.Locator($"[data-testid=messages] tr[data-id='{recording.Id:N}']");
        await row.WaitForAsync();
        Assert.Equal("Ny", (await row.Locator("[data-testid=status]").InnerTextAsync()).Trim());
        Assert.Contains("0:02", await row.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(VoicemailText.MessagePath(recording.Id), await row.Locator("audio").GetAttributeAsync("src"));

        // The sound is Anne's: a WAV for her, saved under a telling name; Bo hears nothing of it.
        using (var anne = await WebLogin.LogInAsync(server.WebPort, Anne, Password(Anne)))
        using (var bo = await WebLogin.LogInAsync(server.WebPort, Bo, Password(Bo)))
        {
            using var played = await anne.GetAsync(new Uri(VoicemailText.MessagePath(recording.Id), UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, played.StatusCode);
            Assert.Equal("audio/wav", played.Content.Headers.ContentType?.MediaType);
            Assert.Equal("RIFF"u8.ToArray(), (await played.Content.ReadAsByteArrayAsync())[..4]);
            Assert.Null(played.Content.Headers.ContentDisposition);

            using var saved = await anne.GetAsync(new Uri(VoicemailText.MessagePath(recording.Id, download: true), UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
            Assert.Equal("attachment", saved.Content.Headers.ContentDisposition?.DispositionType);
            Assert.Matches(@"^telefonsvarer-\d{4}-\d{2}-\d{2}-\d{4}-20304050\.wav$", saved.Content.Headers.ContentDisposition?.FileName?.Trim('"'));

            using var refused = await bo.GetAsync(new Uri(VoicemailText.MessagePath(recording.Id), UriKind.Relative));
            Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await bo.GetAsync(new Uri(VoicemailText.MessagePath(recording.Id, download: true), UriKind.Relative))).StatusCode);
        }

        await row.GetByRole(AriaRole.Button, new() { Name = "Markér som hørt" }).ClickAsync();
        await row.Locator("[data-testid=status]", new() { HasText = "Hørt" }).WaitForAsync();
        Assert.Equal((0, 1), await voicemail.Store.CountsAsync(Anne, CancellationToken.None));

        // The PIN: a wrong one is refused in Danish, a good one kept (and never shown).
        Assert.Equal("Du har ingen pinkode endnu.", await page.Locator("[data-testid=pin-state]").InnerTextAsync());
        await page.Locator("[data-testid=pin]").FillAsync("12a");
        await page.GetByRole(AriaRole.Button, new() { Name = "Gem pinkode" }).ClickAsync();
        await page.Locator("[data-testid=feedback]", new() { HasText = "Pinkoden skal være 4 til 8 cifre." }).WaitForAsync();
        await page.Locator("[data-testid=pin]").FillAsync("4711");
        await page.GetByRole(AriaRole.Button, new() { Name = "Gem pinkode" }).ClickAsync();
        await page.Locator("[data-testid=pin-state]", new() { HasText = "Du har en pinkode." }).WaitForAsync();
        Assert.True(await voicemail.Store.CheckPinAsync(Anne, "4711", CancellationToken.None));
        Assert.Equal("", await page.Locator("[data-testid=pin]").InputValueAsync());

        // E-mail of new messages, on by default, turned off.
        await page.Locator("[data-testid=email]").UncheckAsync();
        await page.Locator("[data-testid=feedback]", new() { HasText = "Nye beskeder sendes ikke længere til din e-mail." }).WaitForAsync();
        Assert.False((await voicemail.Store.SettingsAsync(Anne, CancellationToken.None)).EmailMessages);

        // A greeting: a file that is no WAV is refused; a 16 kHz stereo WAV is kept as 8 kHz mono.
        var personal = page.Locator("[data-testid=greeting-personal]");
        await personal.Locator("input[type=file]").SetInputFilesAsync(new FilePayload { Name = "hilsen.wav", MimeType = "audio/wav", Buffer = "ikke lyd"u8.ToArray() });
        await page.Locator("[data-testid=feedback]", new() { HasText = "Filen kan ikke bruges som hilsen" }).WaitForAsync();
        await personal.Locator("input[type=file]").SetInputFilesAsync(new FilePayload { Name = "hilsen.wav", MimeType = "audio/wav", Buffer = TestWav.Tone(16000, channels: 2, TimeSpan.FromSeconds(2)) });
        await page.Locator("[data-testid=greeting-personal][data-recorded=true]").WaitForAsync();
        await page.Locator("[data-testid=feedback]", new() { HasText = "Personlig hilsen er gemt." }).WaitForAsync();
        using (var anne = await WebLogin.LogInAsync(server.WebPort, Anne, Password(Anne)))
        {
            using var greeting = await anne.GetAsync(new Uri(VoicemailText.GreetingPath(Omstilling.Storage.Voicemail.GreetingKind.Personal), UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, greeting.StatusCode);
            Assert.Equal("audio/wav", greeting.Content.Headers.ContentType?.MediaType);
            var bytes = await greeting.Content.ReadAsByteArrayAsync();
            Assert.Equal("RIFF"u8.ToArray(), bytes[..4]);
            Assert.Equal(1, BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(22)));
            Assert.Equal(8000u, BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(24)));
            Assert.Equal(HttpStatusCode.NotFound, (await anne.GetAsync(new Uri(VoicemailText.GreetingPath(Omstilling.Storage.Voicemail.GreetingKind.Absence), UriKind.Relative))).StatusCode);
        }

        // Playing a new message in the browser marks it heard, as the button does.
        var second = voicemail.StartRecording(Anne, RecordingPurpose.Message, Bo, Guid.NewGuid(), DateTimeOffset.UtcNow);
        await File.WriteAllBytesAsync(second.TemporaryFile, TestWav.Tone(8000, channels: 1, TimeSpan.FromSeconds(2)));
        Assert.True(await voicemail.KeepAsync(second, TimeSpan.FromSeconds(2), CancellationToken.None));
        var secondRow = page.Locator($"[data-testid=messages] tr[data-id='{second.Id:N}']");
        await secondRow.Locator("[data-testid=status]", new() { HasText = "Ny" }).WaitForAsync();
        Assert.Contains("Bo Jensen (2011)", await secondRow.InnerTextAsync(), StringComparison.Ordinal);
        await secondRow.Locator("audio").EvaluateAsync("audio => { audio.muted = true; return audio.play(); }");
        await secondRow.Locator("[data-testid=status]", new() { HasText = "Hørt" }).WaitForAsync();
        await secondRow.GetByRole(AriaRole.Button, new() { Name = "Slet" }).ClickAsync();
        await secondRow.GetByRole(AriaRole.Button, new() { Name = "Ja, slet beskeden" }).ClickAsync();
        await secondRow.WaitForAsync(new() { State = WaitForSelectorState.Detached });

        // Deleting asks once more, then the row and its file are gone.
        await row.GetByRole(AriaRole.Button, new() { Name = "Slet" }).ClickAsync();
        await row.GetByRole(AriaRole.Button, new() { Name = "Ja, slet beskeden" }).ClickAsync();
        await page.Locator("[data-testid=no-messages]").WaitForAsync();
        Assert.False(File.Exists(file));
        Assert.Empty(await voicemail.Store.BoxAsync(Anne, CancellationToken.None));
    }

    private static string Password(string user) => "hemmelig-" + user;
}
