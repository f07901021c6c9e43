namespace Omstilling.Storage.Entities;

/// <summary>A voicemail box's settings, made the first time its owner sets one: the PIN, e-mail, and greetings.</summary>
public sealed class VoicemailBoxRecord
{
    /// <summary>The box as the policy names it: a person's extension, a department's id.</summary>
    public required string Box { get; set; }

    /// <summary>The PIN for listening by phone, hashed as web passwords are; null until one is chosen.</summary>
    public string? PinHash { get; set; }

    /// <summary>Whether new messages are e-mailed to the person with the recording attached.</summary>
    public bool EmailMessages { get; set; } = true;

    /// <summary>The personal greeting's file name in the box's folder, when one is recorded.</summary>
    public string? GreetingFile { get; set; }

    /// <summary>The temporary absence greeting's file name, played only while the person is coded absent.</summary>
    public string? AbsenceGreetingFile { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
