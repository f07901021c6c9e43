using Omstilling.Sip.Parsing;

namespace Omstilling.Sip.Transport;

/// <summary>Where transports deliver what they receive. Called concurrently from receive loops.</summary>
public interface ISipTransportSink
{
    void OnMessage(IncomingMessage message);

    /// <summary>
    /// Input that could not be parsed. <paramref name="bytes"/> is the datagram, or the stream bytes
    /// at the start of the bad message; stream transports close the connection afterwards, since
    /// the framing is lost (RFC 4475 §3.1.2.3).
    /// </summary>
    void OnMalformed(ISipTransport transport, SipEndPoint source, ReadOnlyMemory<byte> bytes, SipParseException exception);
}
