using System.Net;

namespace Omstilling.Sip.Transport;

/// <summary>A transport and an IP end point: where a message came from or goes to. Immutable.</summary>
public readonly record struct SipEndPoint(SipTransportKind Transport, IPEndPoint EndPoint)
{
    public override string ToString() =>
        $"{Transport.ViaToken()}:{EndPoint}";
}
