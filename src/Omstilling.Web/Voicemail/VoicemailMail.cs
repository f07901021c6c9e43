using System.Globalization;
using MimeKit;
using Omstilling.Calls.Signalling;
using Omstilling.Directory.Text;
using Omstilling.Storage.Voicemail;
using Omstilling.Web.Messages;

namespace Omstilling.Web.Voicemail;

/// <summary>
/// The e-mail a voicemail becomes: Danish, plain text (to whom, from, received, length, where to
/// hear it), the recording attached as <c>audio/wav</c>. Pure apart from the bytes handed in.
/// </summary>
internal static class VoicemailMail
{
    /// <summary>The page where a person hears, marks and deletes their messages.</summary>
    public const string Page = "min-telefonsvarer";

    public static MimeMessage Create(StoredVoicemail message, ReadOnlyMemory<byte> wav, SmtpOptions options, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(message);
        var mail = MailEnvelope.Create(options, message.RecipientName, message.RecipientEmail, Subject(message), message.Id, "X-Omstilling-Voicemail");
        var body = new BodyBuilder { TextBody = Body(message, options, zone) };
        body.Attachments.Add(AttachmentName(message, zone), wav.ToArray(), new ContentType("audio", "wav"));
        mail.Body = body.ToMessageBody();
        return mail;
    }

    /// <summary>"Telefonsvarer: ny besked fra 12345678 (0:42)".</summary>
    public static string Subject(StoredVoicemail message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return $"Telefonsvarer: ny besked fra {From(message)} ({Length(message.Length)})";
    }

    public static string Body(StoredVoicemail message, SmtpOptions options, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(options);
        var lines = new List<string>
        {
            $"Ny besked på telefonsvareren til {message.RecipientName ?? message.Box}",
            "",
            $"Fra: {From(message)}",
            $"Modtaget: {DanishTime.Full(message.ReceivedAt, zone)}",
            $"Længde: {Length(message.Length)}",
            "",
            "Beskeden er vedhæftet som lydfil.",
        };
        if (options.PublicUrl is { } url)
        {
            lines.Add($"Hør, markér og slet dine beskeder: {new Uri(url, Page)}");
        }

        return string.Join("\n", lines) + "\n";
    }

    /// <summary>"telefonsvarer-2026-12-04-1405.wav": when it was received, local time.</summary>
    public static string AttachmentName(StoredVoicemail message, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(message);
        var local = TimeZoneInfo.ConvertTime(message.ReceivedAt, zone);
        return string.Create(CultureInfo.InvariantCulture, $"telefonsvarer-{local:yyyy-MM-dd-HHmm}.wav");
    }

    /// <summary>The number as received, or "ukendt nummer" when withheld.</summary>
    private static string From(StoredVoicemail message) => WithheldNumber.Is(message.CallerNumber) ? "ukendt nummer" : message.CallerNumber;

    /// <summary>"0:42", "12:05": minutes and seconds, to the nearest second.</summary>
    private static string Length(TimeSpan length)
    {
        var seconds = Math.Max(0, (long)Math.Round(length.TotalSeconds, MidpointRounding.AwayFromZero));
        return string.Create(CultureInfo.InvariantCulture, $"{seconds / 60}:{seconds % 60:00}");
    }
}
