namespace Omstilling.Sip.Transport;

/// <summary>The transport protocols the stack speaks (WebSocket comes later).</summary>
public enum SipTransportKind
{
    Udp,
    Tcp,

    /// <summary>SIP over TLS 1.2 or 1.3 on TCP (RFC 3261 §26.2, RFC 5630): Via <c>SIP/2.0/TLS</c>, URI <c>transport=tls</c>.</summary>
    Tls,
}

/// <summary>Names and properties of <see cref="SipTransportKind"/>.</summary>
public static class SipTransportKindExtensions
{
    /// <summary>Reliable transports need no retransmissions (RFC 3261 §17.1.1.2, §17.1.2.2).</summary>
    public static bool IsReliable(this SipTransportKind kind) => kind switch
    {
        SipTransportKind.Udp => false,
        SipTransportKind.Tcp => true,
        SipTransportKind.Tls => true,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>
    /// The signalling is encrypted and the peer authenticated by certificate on our side: what
    /// "SRTP only over TLS signalling" asks (SDES keys travel in the SDP, RFC 4568 §8.4).
    /// </summary>
    public static bool IsSecure(this SipTransportKind kind) => kind switch
    {
        SipTransportKind.Udp => false,
        SipTransportKind.Tcp => false,
        SipTransportKind.Tls => true,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>The Via transport token: "UDP", "TCP", "TLS".</summary>
    public static string ViaToken(this SipTransportKind kind) => kind switch
    {
        SipTransportKind.Udp => "UDP",
        SipTransportKind.Tcp => "TCP",
        SipTransportKind.Tls => "TLS",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>The URI transport parameter value: "udp", "tcp", "tls".</summary>
    public static string UriParameter(this SipTransportKind kind) => kind switch
    {
        SipTransportKind.Udp => "udp",
        SipTransportKind.Tcp => "tcp",
        SipTransportKind.Tls => "tls",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>The port a URI without one means: 5060, or 5061 for TLS (RFC 3261 §19.1.2).</summary>
    public static int DefaultPort(this SipTransportKind kind) => kind switch
    {
        SipTransportKind.Udp => 5060,
        SipTransportKind.Tcp => 5060,
        SipTransportKind.Tls => 5061,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>Reads a Via token or a URI transport parameter, in any case.</summary>
    public static bool TryParse(string? token, out SipTransportKind kind)
    {
        switch (token?.ToUpperInvariant())
        {
            case "UDP":
                kind = SipTransportKind.Udp;
                return true;
            case "TCP":
                kind = SipTransportKind.Tcp;
                return true;
            case "TLS":
                kind = SipTransportKind.Tls;
                return true;
            default:
                kind = default;
                return false;
        }
    }
}
