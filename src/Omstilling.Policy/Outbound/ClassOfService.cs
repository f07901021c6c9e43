namespace Omstilling.Policy.Outbound;

/// <summary>
/// Which numbers outside a person's phone may call through the trunk (the directory's
/// <c>class-of-service:</c>), in rising order: each class allows what the ones before it allow.
/// Emergency numbers (112, 114) are allowed in every class; premium-rate numbers in none unless
/// the policy's <c>outbound: allow</c> names them (<see cref="OutboundPermission"/>).
/// </summary>
public enum ClassOfService
{
    /// <summary>Only our own extensions and numbers (and emergency numbers).</summary>
    Internal,

    /// <summary>Also Danish numbers the policy counts as local (<c>outbound: local</c>).</summary>
    Local,

    /// <summary>Also every Danish number except premium-rate numbers: the default.</summary>
    National,

    /// <summary>Also numbers abroad.</summary>
    International,
}
