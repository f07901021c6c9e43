namespace Omstilling.Storage.Messages;

/// <summary>
/// A telefonbesked: what an operator wrote down for a person who could not take a call. Kept
/// first, then e-mailed (so a mail server being down loses nothing), and read and marked handled
/// in the person's inbox. Immutable.
/// </summary>
public sealed record PhoneMessage(
    Guid Id,
    string PersonId,
    string RecipientName,
    string? RecipientEmail,
    string CallerName,
    string CallerNumber,
    string Subject,
    string Text,
    bool CallbackWanted,
    Guid? CallId,
    string TakenBy,
    DateTimeOffset TakenAt)
{
    public DateTimeOffset? ReadAt { get; init; }

    public DateTimeOffset? HandledAt { get; init; }

    public DateTimeOffset? EmailSentAt { get; init; }

    public int EmailAttempts { get; init; }

    public string? EmailError { get; init; }
}
