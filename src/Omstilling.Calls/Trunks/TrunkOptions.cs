using Omstilling.Sip.Auth;
using Omstilling.Sip.Transport;

namespace Omstilling.Calls.Trunks;

/// <summary>
/// The SIP trunk to the telephone network: where calls to external numbers go, and who may call
/// the policy's public numbers without credentials. With a username the platform answers the
/// trunk's digest challenges, and with <see cref="Register"/> it registers there as well; without
/// one the trunk trusts us by IP address. Immutable.
/// </summary>
public sealed record TrunkOptions(SipEndPoint Peer)
{
    /// <summary>The account at the trunk provider; null when the trunk trusts our address.</summary>
    public string? Username { get; init; }

    public string? Password { get; init; }

    /// <summary>The provider's domain for the account's address of record; the peer's address when not given.</summary>
    public string? Domain { get; init; }

    /// <summary>Register the account with the trunk (and keep the registration fresh).</summary>
    public bool Register { get; init; }

    /// <summary>The registration lifetime asked for; the trunk may grant less.</summary>
    public TimeSpan RegisterExpires { get; init; } = TimeSpan.FromHours(1);

    /// <summary>How long to wait after a failed registration before trying again.</summary>
    public TimeSpan RetryAfterFailure { get; init; } = TimeSpan.FromSeconds(30);

    public string DomainOrPeer => Domain ?? Omstilling.Sip.Transactions.SipStack.FormatHost(Peer.EndPoint.Address);

    /// <summary>Credentials for the trunk's challenges, or null when it trusts our address.</summary>
    public DigestClient? CreateCredentials() => Username is { } user ? new DigestClient(user, Password ?? "") : null;
}
