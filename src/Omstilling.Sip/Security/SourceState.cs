using System.Net;
using Omstilling.Sip.Timing;

namespace Omstilling.Sip.Security;

/// <summary>
/// What <see cref="SourceGuard"/> knows of one address. Times are <see cref="TimeProvider"/>
/// timestamps. Not thread-safe: every field is read and written under the instance's lock.
/// </summary>
internal sealed class SourceState(IPAddress address)
{
    public IPAddress Address { get; } = address;

    /// <summary>When the current one-second window of the message rate began.</summary>
    public long WindowStart;

    /// <summary>Messages in the current window.</summary>
    public int WindowCount;

    /// <summary>The last message or failure, for the sweep of idle entries.</summary>
    public long LastSeen;

    /// <summary>Blocked until this timestamp; 0 when not blocked.</summary>
    public long BlockedUntil;

    /// <summary>The unblocking, on the stack's scheduler, while blocked.</summary>
    public ScheduledTimer? Unblock;

    /// <summary>
    /// The times of the last failed authentications, a ring as long as the limit (made at the first
    /// failure: most addresses never fail); the oldest is at <see cref="NextFailure"/> once it is full.
    /// </summary>
    public long[]? Failures;

    public int NextFailure;

    public int FailureCount;

    public bool IsBlocked => BlockedUntil != 0;
}
