namespace Omstilling.Storage.Entities;

/// <summary>A telefonbesked as stored: written by an operator for a person, e-mailed, and read and handled in the web app.</summary>
public sealed class PhoneMessageRecord
{
    public Guid Id { get; set; }

    /// <summary>The directory person the message is for.</summary>
    public required string PersonId { get; set; }

    public required string RecipientName { get; set; }

    public string? RecipientEmail { get; set; }

    public required string CallerName { get; set; }

    public required string CallerNumber { get; set; }

    public required string Subject { get; set; }

    public required string Text { get; set; }

    public bool CallbackWanted { get; set; }

    /// <summary>The call it was taken during, if any.</summary>
    public Guid? CallId { get; set; }

    /// <summary>The operator's login name.</summary>
    public required string TakenBy { get; set; }

    public DateTimeOffset TakenAt { get; set; }

    public DateTimeOffset? ReadAt { get; set; }

    public DateTimeOffset? HandledAt { get; set; }

    public DateTimeOffset? EmailSentAt { get; set; }

    public int EmailAttempts { get; set; }

    /// <summary>Why the last attempt to e-mail it failed, for the operator to see.</summary>
    public string? EmailError { get; set; }

    public DateTimeOffset? NextEmailAttempt { get; set; }
}
