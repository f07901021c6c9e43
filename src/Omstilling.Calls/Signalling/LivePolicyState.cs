using Omstilling.Policy.Routing;

namespace Omstilling.Calls.Signalling;

/// <summary>
/// The live facts the policy's decisions depend on: the switchboard counts as staffed while at
/// least one of its operators is logged in (a registered phone) and not paused; manual overrides
/// come from the policy file for now. Thread-safe.
/// </summary>
internal sealed class LivePolicyState(CallManager manager) : IPolicyState
{
    public IReadOnlyList<ManualOverride> ManualOverrides => [];

    public bool IsSwitchboardStaffed =>
        manager.Policy is { } policy && manager.Queues.AnyLoggedIn(policy.Operators);
}
