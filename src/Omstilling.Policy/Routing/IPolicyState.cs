namespace Omstilling.Policy.Routing;

/// <summary>
/// The live facts a routing decision depends on besides the policy and the instant, so that
/// routing stays a pure function. Implementations must give a consistent snapshot while a
/// decision is made (an immutable object per change is simplest).
/// </summary>
public interface IPolicyState
{
    /// <summary>Manual overrides set by admins now; inactive ones (past until-time) are ignored.</summary>
    IReadOnlyList<ManualOverride> ManualOverrides { get; }

    /// <summary>Whether at least one switchboard operator is logged in.</summary>
    bool IsSwitchboardStaffed { get; }
}
