namespace Omstilling.Web.Messages;

/// <summary>
/// One kind of mail the <see cref="MailOutbox"/> sends (phone messages, voicemails): which items
/// are due, when the next falls due, and where each attempt is recorded. The outbox owns the loop,
/// the SMTP connection, the retry schedule and the wording of failures; a source only knows its
/// rows and how its mail looks. Implementations are thread-safe.
/// </summary>
public interface IMailSource
{
    /// <summary>What the log calls one item ("Phone message", "Voicemail").</summary>
    string Kind { get; }

    /// <summary>Items whose next attempt is due, oldest first, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<DueMail>> DueAsync(int limit, CancellationToken cancellationToken);

    /// <summary>When the next unsent item is due, or null when none waits.</summary>
    Task<DateTimeOffset?> NextDueAsync(CancellationToken cancellationToken);

    Task RecordSentAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>Records a failed attempt; <paramref name="nextAttempt"/> null gives up (the error stays for people to see).</summary>
    Task RecordFailedAsync(Guid id, string reason, DateTimeOffset? nextAttempt, CancellationToken cancellationToken);
}
