namespace Omstilling.Policy.Routing;

/// <summary>What a manual override applies to.</summary>
public enum OverrideTargetKind
{
    /// <summary>The main switchboard (hovedomstillingen).</summary>
    Switchboard = 0,
    /// <summary>A department, by id.</summary>
    Department = 1,
    /// <summary>A menu option, by id (its <c>id:</c>, or <c>menu-id/digit</c>).</summary>
    MenuOption = 2,
}
