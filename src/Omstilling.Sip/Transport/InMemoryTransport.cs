using System.Net;
using Omstilling.Sip.Messages;
using Omstilling.Sip.Parsing;
using Omstilling.Sip.Security;

namespace Omstilling.Sip.Transport;

/// <summary>
/// A transport on an <see cref="InMemoryNetwork"/>. UDP-kind transports parse each packet as a
/// datagram; TCP-kind ones as a stream per peer, with the same framing code as the real transport.
/// </summary>
public sealed class InMemoryTransport : ISipTransport
{
    private readonly InMemoryNetwork _network;
    private readonly Dictionary<IPEndPoint, byte[]> _streams = [];
    private readonly Lock _lock = new();
    private ISipTransportSink? _sink;

    internal InMemoryTransport(InMemoryNetwork network, SipTransportKind kind, IPEndPoint local, bool secure)
    {
        _network = network;
        Kind = kind;
        LocalEndPoint = local;
        Secure = secure;
    }

    /// <summary>Whether what this transport receives counts as secure signalling (<see cref="IncomingMessage.IsSecure"/>): a stand-in for TLS in tests.</summary>
    public bool Secure { get; }

    public SipTransportKind Kind { get; }

    public IPEndPoint LocalEndPoint { get; }

    public SipParserLimits Limits { get; init; } = SipParserLimits.Default;

    public Task StartAsync(ISipTransportSink sink, CancellationToken cancellationToken)
    {
        _sink = sink;
        return Task.CompletedTask;
    }

    public ValueTask SendAsync(IPEndPoint remote, ReadOnlyMemory<byte> message, CancellationToken cancellationToken)
    {
        _network.Send(new InMemoryNetwork.Packet(Kind, LocalEndPoint, remote, message.ToArray()));
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync()
    {
        _network.Detach(this);
        return ValueTask.CompletedTask;
    }

    internal void Receive(InMemoryNetwork.Packet packet)
    {
        if (_sink is not { } sink)
        {
            return; // Not listening: the packet is lost, as on a closed port.
        }

        var source = new SipEndPoint(Kind, packet.From);
        if (Kind == SipTransportKind.Udp)
        {
            var verdict = sink.Screen(source);
            if (verdict == SourceVerdict.Drop)
            {
                return;
            }

            try
            {
                if (SipParser.TryParseDatagram(packet.Bytes, Limits, out var message) == ParseStatus.Complete)
                {
                    if (verdict == SourceVerdict.Admit)
                    {
                        sink.OnMessage(new IncomingMessage(message!, source, this) { IsSecure = Secure });
                    }
                    else
                    {
                        sink.OnRefused(new IncomingMessage(message!, source, this) { IsSecure = Secure });
                    }
                }
            }
            catch (SipParseException e)
            {
                sink.OnMalformed(this, source, packet.Bytes, e);
            }

            return;
        }

        foreach (var message in Frame(packet, source, sink))
        {
            switch (sink.Screen(source))
            {
                case SourceVerdict.Admit:
                    sink.OnMessage(new IncomingMessage(message, source, this) { IsSecure = Secure });
                    break;
                case SourceVerdict.Refuse:
                    sink.OnRefused(new IncomingMessage(message, source, this) { IsSecure = Secure });
                    break;
                case SourceVerdict.Drop:
                    return;
                default:
                    throw new System.Diagnostics.UnreachableException();
            }
        }
    }

    private List<SipMessage> Frame(InMemoryNetwork.Packet packet, SipEndPoint source, ISipTransportSink sink)
    {
        var messages = new List<SipMessage>();
        lock (_lock)
        {
            var buffer = _streams.TryGetValue(packet.From, out var pending) ? [.. pending, .. packet.Bytes] : packet.Bytes;
            while (buffer.Length > 0)
            {
                try
                {
                    var status = SipParser.TryParseStream(buffer, Limits, out var message, out var consumed);
                    if (consumed == 0)
                    {
                        break;
                    }

                    if (message is not null)
                    {
                        messages.Add(message);
                    }

                    buffer = buffer[consumed..];
                    _ = status;
                }
                catch (SipParseException e)
                {
                    sink.OnMalformed(this, source, buffer, e);
                    buffer = [];
                }
            }

            _streams[packet.From] = buffer;
        }

        return messages;
    }
}
