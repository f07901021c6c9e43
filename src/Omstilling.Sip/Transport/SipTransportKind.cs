namespace Omstilling.Sip.Transport;

/// <summary>The transport protocols the stack speaks (TLS and WebSocket come later).</summary>
public enum SipTransportKind
{
    Udp,
    Tcp,
}

/// <summary>Names and properties of <see cref="SipTransportKind"/>.</summary>
public static class SipTransportKindExtensions
{
    /// <summary>Reliable transports need no retransmissions (RFC 3261 §17.1.1.2, §17.1.2.2).</summary>
    public static bool IsReliable(this SipTransportKind kind) => kind != SipTransportKind.Udp;

    /// <summary>The Via transport token: "UDP", "TCP".</summary>
    public static string ViaToken(this SipTransportKind kind) => kind == SipTransportKind.Udp ? "UDP" : "TCP";

    /// <summary>The URI transport parameter value: "udp", "tcp".</summary>
    public static string UriParameter(this SipTransportKind kind) => kind == SipTransportKind.Udp ? "udp" : "tcp";

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
            default:
                kind = default;
                return false;
        }
    }
}
