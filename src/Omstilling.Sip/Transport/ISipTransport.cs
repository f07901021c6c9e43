using System.Net;

namespace Omstilling.Sip.Transport;

/// <summary>
/// Sends and receives SIP messages over one protocol on one local address. Received messages are
/// parsed by the transport (it alone knows the framing) and handed to the sink.
/// Implementations are thread-safe.
/// </summary>
public interface ISipTransport : IAsyncDisposable
{
    SipTransportKind Kind { get; }

    /// <summary>The bound address, with the real port when 0 was asked for.</summary>
    IPEndPoint LocalEndPoint { get; }

    /// <summary>Starts receiving; messages and malformed input go to <paramref name="sink"/>.</summary>
    Task StartAsync(ISipTransportSink sink, CancellationToken cancellationToken);

    /// <summary>
    /// Sends one serialized message. For connection-oriented transports an existing connection
    /// with <paramref name="remote"/> is reused (RFC 3261 §18.2.2), otherwise one is opened.
    /// Throws <see cref="System.Net.Sockets.SocketException"/> or <see cref="IOException"/> when it cannot.
    /// </summary>
    ValueTask SendAsync(IPEndPoint remote, ReadOnlyMemory<byte> message, CancellationToken cancellationToken);
}
