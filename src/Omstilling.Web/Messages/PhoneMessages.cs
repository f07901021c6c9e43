using Omstilling.Storage.Messages;

namespace Omstilling.Web.Messages;

/// <summary>Sending a phone message: kept first, then handed to the mailer (when there is one). Thread-safe.</summary>
public sealed class PhoneMessages(MessageStore store, MailOutbox? outbox)
{
    /// <summary>Whether messages are e-mailed at all (an SMTP server is configured).</summary>
    public bool Mails => outbox is not null;

    public MessageStore Store => store;

    public async Task<PhoneMessage> SendAsync(PhoneMessageDraft draft, string takenBy, CancellationToken cancellationToken)
    {
        var message = await store.CreateAsync(draft, takenBy, cancellationToken);
        outbox?.Notify();
        return message;
    }
}
