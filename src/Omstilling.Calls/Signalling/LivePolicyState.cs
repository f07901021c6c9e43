using Omstilling.Policy.Routing;

namespace Omstilling.Calls.Signalling;

/// <summary>
/// The live facts the policy's decisions depend on: the switchboard counts as staffed while at
/// least one of its operators has a registered phone (logging in and pausing come with the
/// switchboard console); no manual overrides can be set yet. Thread-safe.
/// </summary>
internal sealed class LivePolicyState(CallManager manager) : IPolicyState
{
    public IReadOnlyList<ManualOverride> ManualOverrides => [];

    public bool IsSwitchboardStaffed =>
        manager.Policy is { } policy && policy.Switchboard.Extensions.Any(e => manager.Bindings.Lookup(e).Count > 0);
}
