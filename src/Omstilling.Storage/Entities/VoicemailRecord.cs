namespace Omstilling.Storage.Entities;

/// <summary>
/// A voicemail as stored: a row per message, its recording a file named by <see cref="Id"/> in the
/// box's folder (written whole before the row is); heard, deleted and e-mailed as the person does.
/// </summary>
public sealed class VoicemailRecord
{
    public Guid Id { get; set; }

    /// <summary>The box as the policy names it: a person's extension, a department's id.</summary>
    public required string Box { get; set; }

    /// <summary>The directory person the box belonged to when the message was left, if any.</summary>
    public string? PersonId { get; set; }

    public required string CallerNumber { get; set; }

    public string? CallerName { get; set; }

    /// <summary>The call it was left in.</summary>
    public Guid? CallId { get; set; }

    public DateTimeOffset ReceivedAt { get; set; }

    /// <summary>The recording's length in milliseconds.</summary>
    public int LengthMs { get; set; }

    /// <summary>The recording's file name in the box's folder.</summary>
    public required string FileName { get; set; }

    public DateTimeOffset? HeardAt { get; set; }

    /// <summary>Where it is e-mailed (the person's address when it was left, and only when they want voicemail by e-mail).</summary>
    public string? RecipientEmail { get; set; }

    public string? RecipientName { get; set; }

    public DateTimeOffset? EmailSentAt { get; set; }

    public int EmailAttempts { get; set; }

    public string? EmailError { get; set; }

    public DateTimeOffset? NextEmailAttempt { get; set; }
}
