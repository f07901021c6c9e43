namespace Omstilling.Storage.Voicemail;

/// <summary>A voicemail as its box lists it; <see cref="FileName"/> is in the box's folder.</summary>
public sealed record StoredVoicemail(
    Guid Id,
    string Box,
    string? PersonId,
    string CallerNumber,
    string? CallerName,
    Guid? CallId,
    DateTimeOffset ReceivedAt,
    TimeSpan Length,
    string FileName,
    DateTimeOffset? HeardAt)
{
    public bool Heard => HeardAt is not null;

    public string? RecipientEmail { get; init; }

    public string? RecipientName { get; init; }

    public DateTimeOffset? EmailSentAt { get; init; }

    public int EmailAttempts { get; init; }

    public string? EmailError { get; init; }
}

/// <summary>A message just recorded, its file already in place, to be kept (and e-mailed when <see cref="RecipientEmail"/> is set).</summary>
public sealed record VoicemailDeposit(
    Guid Id,
    string Box,
    string? PersonId,
    string CallerNumber,
    string? CallerName,
    Guid? CallId,
    DateTimeOffset ReceivedAt,
    TimeSpan Length,
    string FileName)
{
    public string? RecipientEmail { get; init; }

    public string? RecipientName { get; init; }
}

/// <summary>A box's settings; a box nobody has set up has the defaults (no PIN, e-mail on, no recorded greetings).</summary>
public sealed record VoicemailBoxSettings(string Box, bool HasPin, bool EmailMessages, string? GreetingFile, string? AbsenceGreetingFile)
{
    public static VoicemailBoxSettings Default(string box) => new(box, HasPin: false, EmailMessages: true, GreetingFile: null, AbsenceGreetingFile: null);
}

/// <summary>Which recorded greeting: the personal one, or the temporary one played while the person is away.</summary>
public enum GreetingKind
{
    Personal,
    Absence,
}
