namespace Omstilling.Policy.Outbound;

/// <summary>What kind of number outside a dialled string is (docs/security.md, "Toll fraud").</summary>
public enum NumberClass
{
    /// <summary>Not classified: malformed, or no number outside (an extension, a short code).</summary>
    None,

    /// <summary>112 or 114: always allowed.</summary>
    Emergency,

    /// <summary>A Danish number starting with one of the policy's local prefixes.</summary>
    Local,

    /// <summary>Any other Danish number (8 digits) that is not premium-rate.</summary>
    National,

    /// <summary>A Danish premium-rate number (90xx xx xx by default): only when a policy pattern names it.</summary>
    Premium,

    /// <summary>A number abroad (00 or + and a country code other than 45).</summary>
    International,
}
