using System.Collections.Immutable;
using Omstilling.Policy.Model;

namespace Omstilling.Policy.Routing;

/// <summary>
/// What the call engine does with a call at one instant, the overflow actions that follow, and
/// the rule that decided. Immutable; the only allocation a routing decision makes.
/// </summary>
public sealed class RoutingDecision
{
    public required DecisionKind Kind { get; init; }

    public required DecidingRule Rule { get; init; }

    /// <summary>The instant decided for, and the same instant as local time in the policy's zone.</summary>
    public required DateTimeOffset Instant { get; init; }

    public DateTime LocalTime { get; init; }

    /// <summary>The number-plan entry dialled, null when resolving an action or when not found.</summary>
    public PlanNumber? Number { get; init; }

    /// <summary>The action this decision carries out, when resolving an action (a menu option, an overflow rule).</summary>
    public PolicyAction? Action { get; init; }

    /// <summary>The switchboard or department whose rules applied.</summary>
    public Department? Unit { get; init; }

    public Person? Person { get; init; }

    /// <summary>Played before anything else (the switchboard greeting).</summary>
    public Prompt? Greeting { get; init; }

    /// <summary>For <see cref="DecisionKind.Ring"/> and <see cref="DecisionKind.Queue"/>: who rings.</summary>
    public ImmutableArray<string> Extensions { get; init; } = [];

    public Queue? Queue { get; init; }

    /// <summary>For <see cref="DecisionKind.Menu"/>: the menu with the options offered now.</summary>
    public ResolvedMenu? Menu { get; init; }

    /// <summary>For <see cref="DecisionKind.Message"/>.</summary>
    public Prompt? Message { get; init; }

    /// <summary>After the message: hang up when null.</summary>
    public PolicyAction? AfterMessage { get; init; }

    /// <summary>For <see cref="DecisionKind.Voicemail"/>: a department id or an extension.</summary>
    public string? VoicemailBox { get; init; }

    /// <summary>For <see cref="DecisionKind.Forward"/>: 8 digits (Danish) or "+" and digits.</summary>
    public string? ExternalNumber { get; init; }

    /// <summary>The external number is a made-up example.</summary>
    public bool IsExample { get; init; }

    public RingLimit RingLimit { get; init; }

    /// <summary>When every phone rung is busy (or the queue is full).</summary>
    public PolicyAction? OnBusy { get; init; }

    /// <summary>When nobody answers within <see cref="RingLimit"/>.</summary>
    public PolicyAction? OnNoAnswer { get; init; }

    /// <summary>What the unit does outside its hours (e.g. when a queued call is still waiting at closing time).</summary>
    public PolicyAction? OutsideHours { get; init; }
}
