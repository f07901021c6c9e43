namespace Omstilling.Policy.Model;

/// <summary>The two kinds of unit that have numbers, hours and overflow rules of their own.</summary>
public enum UnitKind
{
    /// <summary>The main switchboard (hovedomstillingen).</summary>
    Switchboard = 0,
    /// <summary>A department (afdeling) in a directorate area.</summary>
    Department = 1,
}
