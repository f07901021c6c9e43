namespace Omstilling.Calls.Events;

/// <summary>Why a decision of the policy could not be carried out.</summary>
public enum RouteFailure
{
    /// <summary>A forward to an external number, but no trunk is configured.</summary>
    NoTrunk,

    /// <summary>A forward to a number outside that the toll-fraud guard refused (the policy's outbound: section).</summary>
    NotAllowed,
}
