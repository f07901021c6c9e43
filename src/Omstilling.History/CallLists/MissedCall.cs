using Omstilling.Calls.Events;

namespace Omstilling.History.CallLists;

/// <summary>
/// A call that rang a person's phone and that they did not take: when it first rang them, how long,
/// why it stopped (null when the call simply ended), who called, and what became of it. Immutable.
/// </summary>
/// <param name="TakenBy">The colleague's extension for <see cref="MissedCallFate.AnsweredByColleague"/> and <see cref="MissedCallFate.PutThroughToColleague"/>, else null.</param>
public sealed record MissedCall(
    Guid CallId,
    DateTimeOffset RangAt,
    TimeSpan RangFor,
    string Caller,
    bool External,
    RingEndReason? RingEnd,
    MissedCallFate Fate,
    string? TakenBy);
