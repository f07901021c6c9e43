namespace Omstilling.Storage.Entities;

/// <summary>
/// A switchboard operator who is logged out or paused on the console, kept across a restart (an
/// operator who is neither has no row: they take callers while their phone is registered).
/// </summary>
public sealed class QueueMemberRecord
{
    public required string Extension { get; set; }

    public bool LoggedOut { get; set; }

    /// <summary>Why they are paused, or null when they are not.</summary>
    public string? PausedReason { get; set; }

    /// <summary>When this was written.</summary>
    public DateTimeOffset SavedAt { get; set; }
}
