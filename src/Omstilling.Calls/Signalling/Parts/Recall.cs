using Omstilling.Calls.Control;

namespace Omstilling.Calls.Signalling;

/// <summary>Where an unanswered transfer is on its way back to the switchboard.</summary>
internal enum RecallState
{
    /// <summary>The phone of the operator who made the transfer rings for it.</summary>
    RingingOperator,

    /// <summary>At the head of the switchboard's queue (or handled by whoever took it from there).</summary>
    Queued,
}

/// <summary>An unanswered transfer back at the switchboard: who did not take it and why. Owned by its call, under its lock.</summary>
internal sealed class Recall(string target, string? targetName, RingOutcome outcome, string? op, DateTimeOffset at)
{
    public string Target { get; } = target;

    public string? TargetName { get; } = targetName;

    public RingOutcome Outcome { get; } = outcome;

    /// <summary>The operator whose transfer it was, when an operator made it.</summary>
    public string? Operator { get; } = op;

    public DateTimeOffset At { get; } = at;

    public RecallState State { get; private set; } = RecallState.Queued;

    public void RingOperator() => State = RecallState.RingingOperator;

    /// <summary>The operator did not answer, or answered (then the recall is only remembered for the console).</summary>
    public void Queue() => State = RecallState.Queued;

    public RecallView View() => new(Target, TargetName, Outcome, Operator, At);
}
