using Omstilling.Sip.Messages;

namespace Omstilling.Sip.Transport;

/// <summary>A parsed message and where it came from. Immutable.</summary>
public sealed record IncomingMessage(SipMessage Message, SipEndPoint Source, ISipTransport Transport)
{
    /// <summary>
    /// Whether the message came over a transport that encrypts and authenticates the signalling
    /// (TLS). SDES keys for SRTP (RFC 4568 §8.3) travel in the SDP, so SRTP is agreed only on
    /// messages where this is true. UDP and TCP set false; a TLS transport sets true.
    /// </summary>
    public bool IsSecure { get; init; }

    public SipRequest Request => (SipRequest)Message;

    public SipResponse Response => (SipResponse)Message;
}
