using Omstilling.Policy.Model;
using Omstilling.Policy.Schedule;
using Omstilling.Yaml;

namespace Omstilling.Policy.Routing;

/// <summary>
/// The rule that decided a routing decision, with what explain needs to say why: the named day,
/// the closing day, the date exception, the override, today's hours. A value type, so deciding
/// allocates nothing beyond the decision itself.
/// </summary>
public readonly record struct DecidingRule(RuleKind Kind, bool IsOpen)
{
    /// <summary>Where the rule is written in the policy file, when it is written there.</summary>
    public SourceLocation? Source { get; init; }

    /// <summary>The named Danish day behind a holiday, optional closing day or half day.</summary>
    public DanishDay Day { get; init; }

    public ClosingDay? ClosingDay { get; init; }

    public HoursException? Exception { get; init; }

    public ManualOverride? Override { get; init; }

    /// <summary>The hours that applied on the day (after half days and exceptions), when hours decided.</summary>
    public DailyHours? HoursToday { get; init; }

    /// <summary>The unit (switchboard or department id) whose hours decided, when hours decided.</summary>
    public string? UnitId { get; init; }
}
