using Omstilling.Sip.Parsing;
using Omstilling.Sip.Security;

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

    /// <summary>
    /// Asked for every datagram before it is parsed, and for every message on a connection: whether
    /// the source is admitted, dropped (a stream transport closes the connection) or refused, in which
    /// case the parsed message goes to <see cref="OnRefused"/> instead of <see cref="OnMessage"/>.
    /// Admits everything unless the sink keeps abuse limits.
    /// </summary>
    SourceVerdict Screen(SipEndPoint source) => SourceVerdict.Admit;

    /// <summary>A message from a blocked source that is answered 403 (<see cref="BlockedAnswer.Forbidden"/>).</summary>
    void OnRefused(IncomingMessage message)
    {
    }
}
