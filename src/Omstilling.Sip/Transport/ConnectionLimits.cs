namespace Omstilling.Sip.Transport;

/// <summary>
/// Limits on the connections of a stream transport (TCP and TLS). Like the parser's limits, each
/// one stops a particular attack; the defaults are documented in docs/sip-stack.md. Immutable.
/// </summary>
public sealed record ConnectionLimits
{
    /// <summary>The defaults documented in docs/sip-stack.md.</summary>
    public static ConnectionLimits Default { get; } = new();

    /// <summary>
    /// How long a peer has to finish the TLS handshake after connecting (default 10 s). Stops a
    /// peer that opens connections and never speaks, holding a socket and a half-made TLS state
    /// each. The connection is closed. Unused by TCP.
    /// </summary>
    public TimeSpan HandshakeTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Open connections from (or to) one IP address (default 100; 0: no limit). Stops one host
    /// exhausting our file descriptors and memory with connections; one phone needs one, a NAT
    /// with a few dozen phones behind it a few dozen. A connection over the limit is closed at
    /// once, before any TLS work.
    /// </summary>
    public int MaxConnectionsPerAddress { get; init; } = 100;

    /// <summary>
    /// A connection on which nothing was read or written for this long is closed (default
    /// 2 hours; <see cref="Timeout.InfiniteTimeSpan"/>: never). Stops connections that a peer
    /// forgot (or crashed behind a NAT) from piling up. It is longer than the longest
    /// registration (1 hour), so a registered phone, which re-registers on its connection,
    /// never loses it for idleness.
    /// </summary>
    public TimeSpan IdleTimeout { get; init; } = TimeSpan.FromHours(2);
}
