using Omstilling.Policy.Model;

namespace Omstilling.Policy.Loading.Drafts;

/// <summary>What every level (organisation, area, unit, person) may say and the levels below inherit.</summary>
internal sealed record LevelRules(HoursDraft? Hours, OverflowRules Overflow, int? RingLimit)
{
    public static LevelRules Empty { get; } = new(null, OverflowRules.None, null);
}
