namespace Omstilling.Policy.Routing;

/// <summary>An immutable <see cref="IPolicyState"/>. Thread-safe.</summary>
public sealed record PolicyState(IReadOnlyList<ManualOverride> ManualOverrides, bool IsSwitchboardStaffed) : IPolicyState
{
    /// <summary>No overrides and an operator logged in: what explain assumes unless told otherwise.</summary>
    public static PolicyState Staffed { get; } = new([], true);

    /// <summary>No overrides and no operator logged in.</summary>
    public static PolicyState Unstaffed { get; } = new([], false);
}
