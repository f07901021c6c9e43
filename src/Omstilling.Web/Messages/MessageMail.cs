using MimeKit;
using Omstilling.Directory.Text;
using Omstilling.Storage.Messages;

namespace Omstilling.Web.Messages;

/// <summary>The e-mail a phone message becomes: Danish, plain text, everything the person needs to call back.</summary>
internal static class MessageMail
{
    public static MimeMessage Create(PhoneMessage message, SmtpOptions options, string operatorName, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(message);
        var mail = MailEnvelope.Create(options, message.RecipientName, message.RecipientEmail, Subject(message), message.Id, "X-Omstilling-Message");
        mail.Body = new TextPart("plain") { Text = Body(message, options, operatorName, zone) };
        return mail;
    }

    public static string Subject(PhoneMessage message)
    {
        var about = string.IsNullOrWhiteSpace(message.Subject) ? "Telefonbesked" : $"Telefonbesked: {message.Subject}";
        var from = string.IsNullOrWhiteSpace(message.CallerName) ? message.CallerNumber : message.CallerName;
        return $"{about} (fra {from})";
    }

    public static string Body(PhoneMessage message, SmtpOptions options, string operatorName, TimeZoneInfo zone)
    {
        var lines = new List<string>
        {
            $"Telefonbesked til {message.RecipientName}",
            "",
            $"Fra: {(string.IsNullOrWhiteSpace(message.CallerName) ? "(navn ikke oplyst)" : message.CallerName)}",
            $"Telefon: {(string.IsNullOrWhiteSpace(message.CallerNumber) ? "(ikke oplyst)" : message.CallerNumber)}",
            $"Ønsker at blive ringet op: {(message.CallbackWanted ? "Ja" : "Nej")}",
        };
        if (!string.IsNullOrWhiteSpace(message.Subject))
        {
            lines.Add($"Emne: {message.Subject}");
        }

        lines.Add("");
        if (!string.IsNullOrWhiteSpace(message.Text))
        {
            lines.Add(message.Text);
            lines.Add("");
        }

        lines.Add($"Modtaget {DanishTime.Full(message.TakenAt, zone)} af {operatorName} i hovedomstillingen.");
        if (options.PublicUrl is { } url)
        {
            lines.Add($"Se beskeden og markér den som behandlet: {new Uri(url, "beskeder")}");
        }

        return string.Join("\n", lines) + "\n";
    }
}
