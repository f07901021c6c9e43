using MimeKit;
using Omstilling.Storage.Voicemail;
using Omstilling.Web.Messages;
using Omstilling.Web.Voicemail;

namespace Omstilling.Web.Tests.Voicemail;

/// <summary>The voicemail e-mail: Danish subject and body in Copenhagen time, the recording attached as it is.</summary>
public sealed class VoicemailMailTests
{
    private static readonly TimeZoneInfo Copenhagen = TimeZoneInfo.FindSystemTimeZoneById("Europe/Copenhagen");

    /// <summary>Friday 4 December 2026, 14.05 in Copenhagen (UTC+1).</summary>
    private static readonly DateTimeOffset Received = new(2026, 12, 4, 13, 5, 0, TimeSpan.Zero);

    private static readonly SmtpOptions Options = new("mail.guldborgsund.example", 25, "Hovedomstillingen <omstilling@guldborgsund.example>");

    [Theory]
    [InlineData("12345678", 42.0, "Telefonsvarer: ny besked fra 12345678 (0:42)")]
    [InlineData("+4520304050", 125.4, "Telefonsvarer: ny besked fra +4520304050 (2:05)")]
    [InlineData("anonymous", 9.6, "Telefonsvarer: ny besked fra ukendt nummer (0:10)")]
    [InlineData("", 3600.0, "Telefonsvarer: ny besked fra ukendt nummer (60:00)")]
    public void The_subject_has_the_number_as_received_and_the_length(string caller, double seconds, string expected)
    {
        Assert.Equal(expected, VoicemailMail.Subject(Message(caller, TimeSpan.FromSeconds(seconds))));
    }

    [Fact]
    public void The_body_says_to_whom_from_when_how_long_and_links_to_the_page()
    {
        var body = VoicemailMail.Body(Message("12345678", TimeSpan.FromSeconds(42)), Options with { PublicUrl = new Uri("https://omstilling.guldborgsund.example/") }, Copenhagen);

        Assert.Equal(
            """
            Ny besked på telefonsvareren til Camilla Holm

            Fra: 12345678
            Modtaget: fredag d. 4. december 2026 kl. 14.05
            Længde: 0:42

            Beskeden er vedhæftet som lydfil.
            Hør, markér og slet dine beskeder: https://omstilling.guldborgsund.example/min-telefonsvarer

            """.ReplaceLineEndings("\n"),
            body);
    }

    [Fact]
    public void Without_a_public_address_the_body_has_no_link()
    {
        var body = VoicemailMail.Body(Message("12345678", TimeSpan.FromSeconds(42)), Options, Copenhagen);

        Assert.DoesNotContain("min-telefonsvarer", body, StringComparison.Ordinal);
        Assert.EndsWith("Beskeden er vedhæftet som lydfil.\n", body, StringComparison.Ordinal);
    }

    [Fact]
    public void The_recording_is_attached_as_audio_wav_named_by_the_local_time_with_its_bytes_unchanged()
    {
        byte[] wav = [.. "RIFF"u8, 0x24, 0, 0, 0, .. "WAVEfmt "u8, 0, 255, 13, 10, 128];

        var mail = VoicemailMail.Create(Message("12345678", TimeSpan.FromSeconds(42)), wav, Options, Copenhagen);

        Assert.Equal("Telefonsvarer: ny besked fra 12345678 (0:42)", mail.Subject);
        Assert.Equal("camilla.holm@guldborgsund.example", Assert.Single(mail.To.Mailboxes).Address);
        Assert.StartsWith("Ny besked på telefonsvareren til Camilla Holm\n", mail.TextBody, StringComparison.Ordinal);
        var attachment = Assert.IsType<MimePart>(Assert.Single(mail.Attachments));
        Assert.Equal("audio/wav", attachment.ContentType.MimeType);
        Assert.Equal("telefonsvarer-2026-12-04-1405.wav", attachment.FileName);
        using var decoded = new MemoryStream();
        Assert.NotNull(attachment.Content);
        attachment.Content!.DecodeTo(decoded);
        Assert.Equal(wav, decoded.ToArray());
    }

    [Fact]
    public void The_attachment_name_is_the_local_time_in_summer_too()
    {
        var message = Message("12345678", TimeSpan.FromSeconds(5)) with { ReceivedAt = new DateTimeOffset(2026, 7, 5, 22, 30, 0, TimeSpan.Zero) };

        Assert.Equal("telefonsvarer-2026-07-06-0030.wav", VoicemailMail.AttachmentName(message, Copenhagen));
    }

    private static StoredVoicemail Message(string caller, TimeSpan length) =>
        new(Guid.NewGuid(), "2012", "camilla-holm", caller, null, null, Received, length, "0000.wav", null)
        {
            RecipientEmail = "camilla.holm@guldborgsund.example",
            RecipientName = "Camilla Holm",
        };
}
