using System.Collections.Immutable;
using Omstilling.Yaml;

namespace Omstilling.Policy.Model;

/// <summary>
/// A member of staff as the policy routes to them: extension, direct numbers, and rules that
/// override the department's (e.g. voicemail instead of the switchboard on no answer).
/// </summary>
public sealed record Person(string Name, string Extension, string DepartmentId, SourceLocation Source)
{
    public string? Title { get; init; }

    public ImmutableArray<PlanNumber> Numbers { get; init; } = [];

    /// <summary>Effective rules: the person's own, then the department's, area's and organisation's.</summary>
    public OverflowRules Overflow { get; init; } = OverflowRules.None;

    public RingLimit RingLimit { get; init; }
}
