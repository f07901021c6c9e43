using Omstilling.Calls.Queues;

namespace Omstilling.Calls.Control;

/// <summary>
/// The queues as the console shows and manages them: who waits where, and the members (the
/// switchboard's operators) logging in and out and pausing. Thread-safe.
/// </summary>
public interface IQueueMembers
{
    /// <summary>Raised (outside every lock) when a queue's callers or a member's state changed.</summary>
    event Action? Changed;

    /// <summary>The callers waiting in the queue, by position.</summary>
    IReadOnlyList<QueueEntry> Entries(string queueId);

    MemberState StateOf(string extension);

    /// <summary>Why the member is paused, or null when they are not.</summary>
    string? PauseReason(string extension);

    void Pause(string extension, string reason);

    /// <summary>The member takes callers again.</summary>
    void EndPause(string extension);

    void LogIn(string extension);

    void LogOut(string extension);
}
