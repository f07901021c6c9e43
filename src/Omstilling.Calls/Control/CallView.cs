using Omstilling.Calls.Signalling;

namespace Omstilling.Calls.Control;

/// <summary>
/// A call as the operator console shows it, taken under the call's lock at one moment. Immutable.
/// </summary>
/// <param name="AnsweredBy">The extension talking to the caller now (the operator, or whoever the caller was put through to).</param>
/// <param name="HandledBy">The switchboard operator who has or last had the call.</param>
/// <param name="QueueId">The queue the caller waits in now, or null.</param>
/// <param name="MenuChoices">The options the caller chose in menus, in order (what the caller already told the machine).</param>
/// <param name="OnHold">The operator put the caller on hold (music).</param>
public sealed record CallView(
    Guid Id,
    string Caller,
    string Dialled,
    DateTimeOffset StartedAt,
    CallState State,
    string? AnsweredBy,
    DateTimeOffset? AnsweredAt,
    string? HandledBy,
    string? QueueId,
    IReadOnlyList<string> MenuChoices,
    bool OnHold,
    DiversionView? Diversion,
    TransferView? Transfer,
    RecallView? Recall);

/// <summary>The call was meant for <paramref name="Party"/>, who did not take it.</summary>
public sealed record DiversionView(string Party, RingOutcome Outcome);

/// <summary>A transfer in progress.</summary>
/// <param name="Answered">An announced transfer's target answered: the operator talks to them.</param>
/// <param name="Failed">The target did not take it (an announced transfer waits for the operator's choice).</param>
public sealed record TransferView(TransferKind Kind, string Target, string? TargetName, string Operator, DateTimeOffset StartedAt, bool Answered, RingOutcome? Failed);

/// <summary>An unanswered transfer that came back: who did not answer and why, and whose transfer it was.</summary>
public sealed record RecallView(string Target, string? TargetName, RingOutcome Outcome, string? Operator, DateTimeOffset At);
