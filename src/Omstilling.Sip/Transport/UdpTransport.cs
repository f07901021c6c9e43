using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Omstilling.Sip.Messages;
using Omstilling.Sip.Parsing;

namespace Omstilling.Sip.Transport;

/// <summary>
/// SIP over UDP (RFC 3261 §18) on one local address, IPv4 or IPv6. A few receive loops share the
/// socket (one per core) so a slow message does not hold up the others; each datagram is copied
/// into its own array, which the parsed message then owns. Thread-safe.
/// </summary>
public sealed partial class UdpTransport : ISipTransport
{
    /// <summary>The largest UDP payload (65,535 minus the IP and UDP headers).</summary>
    private const int MaxDatagram = 65_507;

    private readonly Socket _socket;
    private readonly SipParserLimits _limits;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _loops = [];

    public UdpTransport(IPEndPoint bind, SipParserLimits limits, ILogger<UdpTransport> logger)
    {
        ArgumentNullException.ThrowIfNull(bind);
        ArgumentNullException.ThrowIfNull(limits);
        ArgumentNullException.ThrowIfNull(logger);
        _limits = limits;
        _logger = logger;
        _socket = new Socket(bind.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        if (bind.AddressFamily == AddressFamily.InterNetworkV6)
        {
            _socket.DualMode = false;
        }

        // A burst of INVITEs at 1,000 calls/s must not overflow the default kernel buffer.
        _socket.ReceiveBufferSize = 4 * 1024 * 1024;
        _socket.SendBufferSize = 4 * 1024 * 1024;
        _socket.Bind(bind);
        LocalEndPoint = (IPEndPoint)_socket.LocalEndPoint!;
    }

    public SipTransportKind Kind => SipTransportKind.Udp;

    public IPEndPoint LocalEndPoint { get; }

    public Task StartAsync(ISipTransportSink sink, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sink);
        var loops = Math.Clamp(Environment.ProcessorCount, 1, 4);
        for (var i = 0; i < loops; i++)
        {
            _loops.Add(Task.Run(() => ReceiveLoopAsync(sink, _stop.Token), CancellationToken.None));
        }

        LogListening(LocalEndPoint);
        return Task.CompletedTask;
    }

    public async ValueTask SendAsync(IPEndPoint remote, ReadOnlyMemory<byte> message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(remote);
        await _socket.SendToAsync(message, SocketFlags.None, remote, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _socket.Dispose();
        try
        {
            await Task.WhenAll(_loops);
        }
        catch (OperationCanceledException)
        {
            // Expected: the loops end by cancellation.
        }

        _stop.Dispose();
    }

    private async Task ReceiveLoopAsync(ISipTransportSink sink, CancellationToken cancellationToken)
    {
        var buffer = GC.AllocateUninitializedArray<byte>(MaxDatagram, pinned: true);
        EndPoint any = LocalEndPoint.AddressFamily == AddressFamily.InterNetworkV6
            ? new IPEndPoint(IPAddress.IPv6Any, 0)
            : new IPEndPoint(IPAddress.Any, 0);
        while (!cancellationToken.IsCancellationRequested)
        {
            SocketReceiveFromResult result;
            try
            {
                result = await _socket.ReceiveFromAsync(buffer, SocketFlags.None, any, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (ObjectDisposedException)
            {
                return;
            }
            catch (SocketException e) when (e.SocketErrorCode is SocketError.ConnectionReset or SocketError.MessageSize)
            {
                // ICMP port unreachable from an earlier send, or an oversized datagram: not fatal for the socket.
                continue;
            }

            var source = new SipEndPoint(SipTransportKind.Udp, (IPEndPoint)result.RemoteEndPoint);
            var datagram = buffer.AsSpan(0, result.ReceivedBytes).ToArray();
            Deliver(sink, source, datagram);
        }
    }

    private void Deliver(ISipTransportSink sink, SipEndPoint source, byte[] datagram)
    {
        SipMessage? message;
        try
        {
            if (SipParser.TryParseDatagram(datagram, _limits, out message) != ParseStatus.Complete)
            {
                return; // keep-alive
            }
        }
        catch (SipParseException e)
        {
            sink.OnMalformed(this, source, datagram, e);
            return;
        }

        try
        {
            sink.OnMessage(new IncomingMessage(message!, source, this));
        }
#pragma warning disable CA1031 // One failing message must not end the receive loop for every other caller.
        catch (Exception e)
#pragma warning restore CA1031
        {
            LogHandlerFailed(e, source);
        }
    }

    [LoggerMessage(EventId = 1101, Level = LogLevel.Information, Message = "SIP listening on UDP {EndPoint}")]
    private partial void LogListening(IPEndPoint endPoint);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Error, Message = "Handling a message from {Source} failed")]
    private partial void LogHandlerFailed(Exception exception, SipEndPoint source);
}
