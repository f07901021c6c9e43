namespace Omstilling.Policy.Model;

/// <summary>
/// What happens when the target is busy, when nobody answers within the ring limit, and outside
/// the official hours. Each level (organisation, area, department, person) inherits what it does
/// not say itself; a null here means "nothing said anywhere": the call engine ends the call.
/// </summary>
public sealed record OverflowRules(PolicyAction? Busy, PolicyAction? NoAnswer, PolicyAction? OutsideHours)
{
    public static OverflowRules None { get; } = new(null, null, null);

    /// <summary>These rules with the gaps filled from the level above.</summary>
    public OverflowRules Over(OverflowRules inherited)
    {
        ArgumentNullException.ThrowIfNull(inherited);
        return new(Busy ?? inherited.Busy, NoAnswer ?? inherited.NoAnswer, OutsideHours ?? inherited.OutsideHours);
    }
}
