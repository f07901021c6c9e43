using Omstilling.Sip.Messages;

namespace Omstilling.Sip.Transport;

/// <summary>A parsed message and where it came from. Immutable.</summary>
public sealed record IncomingMessage(SipMessage Message, SipEndPoint Source, ISipTransport Transport)
{
    public SipRequest Request => (SipRequest)Message;

    public SipResponse Response => (SipResponse)Message;

    /// <summary>
    /// The message came over TLS (<see cref="SipTransportKind.Tls"/>): encrypted on the wire and
    /// from a peer that checked our certificate. What "SRTP only over TLS signalling" asks before
    /// accepting SDES keys in the SDP (RFC 4568 §8.4). Note that it says nothing about the hops
    /// before the peer (a proxy may have had it over UDP).
    /// </summary>
    public bool IsSecure => Source.Transport.IsSecure();
}
