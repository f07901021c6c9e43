namespace Omstilling.Policy;

/// <summary>
/// The telephone policy as a pure, deterministic model: number plan, schedules, menus, overflow,
/// forwarding and targets, loaded from YAML and explainable in words. Knows nothing of SIP.
/// </summary>
internal static class PolicyLayer;
