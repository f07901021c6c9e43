namespace Omstilling.Policy.Outbound;

/// <summary>The answer of <see cref="OutboundPermission.Check"/>: may a call go out through the trunk, and if not why.</summary>
public enum OutboundOutcome
{
    /// <summary>The call may go out to <see cref="OutboundVerdict.Number"/>.</summary>
    Allowed,

    /// <summary>The dialled string has a character other than digits, '+', '*' and '#', or a '+' after the first place.</summary>
    Malformed,

    /// <summary>The string is no number outside (too short or long, a short code, '*' or '#').</summary>
    NotANumber,

    /// <summary>The caller's class of service does not reach the number's class.</summary>
    ClassOfService,

    /// <summary>No pattern of the policy's <c>outbound: allow</c> names the number (a premium number needs its own).</summary>
    NotAllowedByPolicy,
}
