using Omstilling.Storage.Messages;
using Omstilling.Storage.Users;

namespace Omstilling.Web.Messages;

/// <summary>Phone messages (telefonbeskeder) as the outbox sends them (<see cref="MessageMail"/>). Thread-safe.</summary>
public sealed class PhoneMessageMailSource(MessageStore store, UserStore users, SmtpOptions options, TimeZoneInfo zone) : IMailSource
{
    public string Kind => "Phone message";

    public async Task<IReadOnlyList<DueMail>> DueAsync(int limit, CancellationToken cancellationToken)
    {
        var due = new List<DueMail>();
        foreach (var message in await store.DueForEmailAsync(limit, cancellationToken))
        {
            // The operator's name is looked up here: the database's own failures go to the outbox's
            // loop, which waits for it; they are not the mail's.
            var operatorName = (await users.FindAsync(message.TakenBy, cancellationToken))?.DisplayName ?? message.TakenBy;
            due.Add(new DueMail(message.Id, message.RecipientEmail!, message.EmailAttempts, _ => Task.FromResult(MessageMail.Create(message, options, operatorName, zone))));
        }

        return due;
    }

    public Task<DateTimeOffset?> NextDueAsync(CancellationToken cancellationToken) => store.NextEmailDueAsync(cancellationToken);

    public Task RecordSentAsync(Guid id, CancellationToken cancellationToken) => store.RecordEmailSentAsync(id, cancellationToken);

    public Task RecordFailedAsync(Guid id, string reason, DateTimeOffset? nextAttempt, CancellationToken cancellationToken) =>
        store.RecordEmailFailedAsync(id, reason, nextAttempt, cancellationToken);
}
