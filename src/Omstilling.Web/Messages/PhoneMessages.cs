using Omstilling.Storage.Messages;

namespace Omstilling.Web.Messages;

/// <summary>Sending a phone message: kept first, then handed to the mailer (when there is one). Thread-safe.</summary>
public sealed class PhoneMessages(MessageStore store, MailOutbox? outbox) : IPhoneMessages
{
    public bool Mails => outbox is not null;

    public event Action<string>? Changed
    {
        add => store.Changed += value;
        remove => store.Changed -= value;
    }

    public async Task<PhoneMessage> SendAsync(PhoneMessageDraft draft, string takenBy, CancellationToken cancellationToken)
    {
        var message = await store.CreateAsync(draft, takenBy, cancellationToken);
        outbox?.Notify();
        return message;
    }

    public Task<IReadOnlyList<PhoneMessage>> TakenByAsync(string takenBy, int limit, CancellationToken cancellationToken) =>
        store.TakenByAsync(takenBy, limit, cancellationToken);
}
