using System.Net;

namespace Omstilling.Sip.Security;

/// <summary>
/// Limits on what one source address may do, and on how much work the server takes on before it
/// turns new calls away. Every limit names the attack it stops (docs/security.md, "Abuse
/// limits"); the defaults are generous for real phones, which register about once an hour and
/// place a handful of calls, and tight for scanners and password crackers. A source on
/// <see cref="Allowed"/> (the trunk, the operators' network, the host itself) is exempt from
/// every per-source limit. Immutable.
/// </summary>
public sealed record AbuseLimits
{
    /// <summary>The defaults documented in docs/security.md.</summary>
    public static AbuseLimits Default { get; } = new();

    /// <summary>
    /// Failed digest authentications (credentials given, but wrong: a bad password, an unknown
    /// user, a replayed nonce-count) from one address within <see cref="AuthFailureWindow"/> that
    /// block it (default 20). Stops password guessing (svcrack): a phone with the right password
    /// never fails, one with a wrong password fails a few times an hour. A challenge to a request
    /// without credentials is no failure: every phone gets one before it authenticates.
    /// </summary>
    public int AuthFailureLimit { get; init; } = 20;

    /// <summary>
    /// The highest <see cref="AuthFailureLimit"/>: an address that fails keeps the times of its last
    /// failures (8 bytes each), so the table's worst case is <see cref="MaxTrackedAddresses"/> times this.
    /// </summary>
    public const int MaxAuthFailureLimit = 100;

    /// <summary>The sliding window in which <see cref="AuthFailureLimit"/> failures block (default 60 s).</summary>
    public TimeSpan AuthFailureWindow { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Messages (requests, responses, keep-alives, malformed input) from one address in one second
    /// that block it (default 200; 0: no limit). Stops floods and fast scanners (svwar, svmap) from
    /// one address; a phone sends a few messages a minute, and the trunk is allowed anyway.
    /// </summary>
    public int MessageRateLimit { get; init; } = 200;

    /// <summary>How long a blocked address stays blocked (default 10 minutes).</summary>
    public TimeSpan BlockDuration { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>What a blocked address gets: nothing (the default: a scanner learns nothing, not even that we are here), or 403.</summary>
    public BlockedAnswer BlockedAnswer { get; init; } = BlockedAnswer.None;

    /// <summary>
    /// Sources exempt from the per-source limits. Default: the host itself (127.0.0.0/8 and ::1),
    /// where a local Kamailio, the monitoring and the simulator (--simulate) run. The trunk's address is
    /// added when the platform is wired (it sends every citizen's call from one address).
    /// </summary>
    public IReadOnlyList<IPNetwork> Allowed { get; init; } = [IPNetwork.Parse("127.0.0.0/8"), IPNetwork.Parse("::1/128")];

    /// <summary>
    /// Addresses tracked at once (default 100,000, about 15 MB). Stops a flood of spoofed UDP
    /// source addresses from growing memory without bound. When the table is full, a new address
    /// is not limited until idle entries are swept (every <see cref="AuthFailureWindow"/>);
    /// blocked addresses stay blocked.
    /// </summary>
    public int MaxTrackedAddresses { get; init; } = 100_000;

    /// <summary>
    /// Calls one account may have going at once, as the caller (default 10). Stops a phone whose
    /// password leaked from placing hundreds of calls through the trunk; a person has at most a
    /// few calls (one held, one consulting).
    /// </summary>
    public int MaxCallsPerAccount { get; init; } = 10;

    /// <summary>
    /// Calls started from one address at once (default 30). Stops one host from filling the
    /// platform with calls to public numbers, which need no credentials.
    /// </summary>
    public int MaxCallsPerAddress { get; init; } = 30;

    /// <summary>
    /// Registrations (bindings) one account may hold at once (default 10: desk phone, softphone,
    /// mobile app...); the oldest gives way to the newest. Stops one stolen password from filling
    /// the location service; the platform's <c>RegistrarOptions.MaxContactsPerAor</c> is set from it.
    /// </summary>
    public int MaxRegistrationsPerAccount { get; init; } = 10;

    /// <summary>
    /// Registrations (bindings) one address may hold across all accounts (default 50). Stops one
    /// host with a few stolen passwords from filling the location service; an office behind one
    /// NAT address needs one per phone. Refreshes of a binding it holds are always accepted.
    /// </summary>
    public int MaxRegistrationsPerAddress { get; init; } = 50;

    /// <summary>
    /// INVITEs waiting for their final answer (calls being routed or ringing) beyond which a new
    /// INVITE is answered 503 with <see cref="RetryAfter"/> at once (default 500; 0: no limit).
    /// Stops a burst of calls from being taken on until every caller times out: the caller's
    /// phone or the trunk tries another route, or again later, instead.
    /// </summary>
    public int MaxCallsInSetup { get; init; } = 500;

    /// <summary>The Retry-After of an overload 503 (default 10 s).</summary>
    public TimeSpan RetryAfter { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Whether <paramref name="address"/> is exempt from the per-source limits.</summary>
    public bool IsAllowed(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        foreach (var network in Allowed)
        {
            if (network.Contains(address))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>These limits with <paramref name="address"/> (a single host) allowed too.</summary>
    public AbuseLimits Allowing(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        return IsAllowed(address) ? this : this with { Allowed = [.. Allowed, new IPNetwork(address, address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128)] };
    }
}
