using Omstilling.Sip.Messages;

namespace Omstilling.Sip.Transport;

/// <summary>A parsed message and where it came from. Immutable.</summary>
public sealed record IncomingMessage(SipMessage Message, SipEndPoint Source, ISipTransport Transport)
{
    public SipRequest Request => (SipRequest)Message;

    public SipResponse Response => (SipResponse)Message;
}
