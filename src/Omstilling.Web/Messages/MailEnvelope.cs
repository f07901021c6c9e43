using MimeKit;

namespace Omstilling.Web.Messages;

/// <summary>What every mail the outbox sends starts as: our sender, one recipient, a subject, and a Message-ID and header from the item's id (so a resent mail is recognisably the same).</summary>
internal static class MailEnvelope
{
    /// <param name="idHeader">The header that names the item ("X-Omstilling-Message").</param>
    public static MimeMessage Create(SmtpOptions options, string? recipientName, string? recipientEmail, string subject, Guid id, string idHeader)
    {
        ArgumentNullException.ThrowIfNull(options);
        var mail = new MimeMessage();
        mail.From.Add(MailboxAddress.Parse(options.From));
        mail.To.Add(new MailboxAddress(recipientName, recipientEmail ?? throw new ArgumentException("The item has no recipient address.", nameof(recipientEmail))));
        mail.Subject = subject;
        mail.MessageId = $"{id:N}@omstilling";
        mail.Headers.Add(idHeader, id.ToString());
        return mail;
    }
}
