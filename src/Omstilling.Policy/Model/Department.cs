using System.Collections.Immutable;
using Omstilling.Policy.Schedule;
using Omstilling.Yaml;

namespace Omstilling.Policy.Model;

/// <summary>
/// The switchboard or a department: who answers (extensions rung together, or a queue), its
/// official telephone hours and overflow rules, already merged with the levels above.
/// </summary>
public sealed record Department(string Id, string Name, UnitKind Kind, SourceLocation Source)
{
    /// <summary>The directorate area, null for the switchboard.</summary>
    public string? AreaId { get; init; }

    /// <summary>Extensions rung together when the unit is called and has no queue.</summary>
    public ImmutableArray<string> Extensions { get; init; } = [];

    public string? QueueId { get; init; }

    /// <summary>Played to the caller before ringing (the switchboard's "Guldborgsund Kommune - Goddag").</summary>
    public Prompt? Greeting { get; init; }

    public OpeningHours Hours { get; init; } = OpeningHours.Always;

    public OverflowRules Overflow { get; init; } = OverflowRules.None;

    public RingLimit RingLimit { get; init; }

    public ImmutableArray<Person> People { get; init; } = [];

    public ImmutableArray<PlanNumber> Numbers { get; init; } = [];
}
