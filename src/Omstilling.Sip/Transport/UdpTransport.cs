using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Omstilling.Sip.Messages;
using Omstilling.Runtime;
using Omstilling.Sip.Parsing;
using Omstilling.Sip.Security;

namespace Omstilling.Sip.Transport;

/// <summary>
/// SIP over UDP (RFC 3261 §18) on one local address, IPv4 or IPv6. A few dedicated threads (one
/// per core, not one per call) block in ReceiveFrom on the shared socket and handle each datagram
/// where it arrives: no hand-off to the thread pool per packet, which at thousands of packets a
/// second costs more than the SIP work. Each datagram is copied into its own array, which the
/// parsed message then owns. Sends are synchronous: a UDP send does not wait for the network.
/// Whatever handling a datagram throws is contained at the boundary <c>sip.udp</c>: the datagram is
/// dropped and the thread reads the next one, so no datagram can end the process or the loop.
/// Thread-safe.
/// </summary>
public sealed partial class UdpTransport : ISipTransport
{
    /// <summary>The largest UDP payload (65,535 minus the IP and UDP headers).</summary>
    private const int MaxDatagram = 65_507;

    private readonly Socket _socket;
    private readonly SipParserLimits _limits;
    private readonly ILogger _logger;
    private readonly FaultBoundary _faults;
    private readonly List<Thread> _threads = [];
    private volatile bool _stopping;

    public UdpTransport(IPEndPoint bind, SipParserLimits limits, FaultMonitor faults, ILogger<UdpTransport> logger)
    {
        ArgumentNullException.ThrowIfNull(bind);
        ArgumentNullException.ThrowIfNull(limits);
        ArgumentNullException.ThrowIfNull(faults);
        ArgumentNullException.ThrowIfNull(logger);
        _limits = limits;
        _logger = logger;
        _faults = faults.Boundary("sip.udp");
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
        var count = Math.Clamp(Environment.ProcessorCount, 1, 4);
        for (var i = 0; i < count; i++)
        {
            var thread = new Thread(() => ReceiveLoop(sink)) { IsBackground = true, Name = $"SIP UDP {LocalEndPoint} #{i}" };
            _threads.Add(thread);
            thread.Start();
        }

        LogListening(LocalEndPoint);
        return Task.CompletedTask;
    }

    public ValueTask SendAsync(IPEndPoint remote, ReadOnlyMemory<byte> message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(remote);
        _socket.SendTo(message.Span, SocketFlags.None, remote);
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync()
    {
        _stopping = true;
        _socket.Dispose(); // unblocks the receive threads
        foreach (var thread in _threads)
        {
            thread.Join(TimeSpan.FromSeconds(2));
        }

        return ValueTask.CompletedTask;
    }

    private void ReceiveLoop(ISipTransportSink sink)
    {
        var buffer = GC.AllocateUninitializedArray<byte>(MaxDatagram);
        var address = new SocketAddress(LocalEndPoint.AddressFamily);
        var template = LocalEndPoint.AddressFamily == AddressFamily.InterNetworkV6 ? new IPEndPoint(IPAddress.IPv6Any, 0) : new IPEndPoint(IPAddress.Any, 0);
        while (!_stopping)
        {
            int received;
            try
            {
                received = _socket.ReceiveFrom(buffer, SocketFlags.None, address);
            }
            catch (ObjectDisposedException)
            {
                return;
            }
            catch (SocketException e) when (_stopping || e.SocketErrorCode is SocketError.OperationAborted or SocketError.Interrupted)
            {
                return;
            }
            catch (SocketException)
            {
                // ICMP port unreachable from an earlier send, or an oversized datagram: not fatal for the socket.
                continue;
            }
#pragma warning disable CA1031 // The boundary: nothing a receive throws may end the thread (and with it the process).
            catch (Exception e)
#pragma warning restore CA1031
            {
                _faults.Contain(e, LocalEndPoint, "a receive");
                continue;
            }

            var source = new SipEndPoint(SipTransportKind.Udp, (IPEndPoint)template.Create(address));
            var verdict = Screen(sink, source);
            if (verdict != SourceVerdict.Drop)
            {
                // Dropped unread: a blocked flood costs no parsing and no copy.
                Deliver(sink, source, buffer.AsSpan(0, received).ToArray(), verdict);
            }
        }
    }

    private SourceVerdict Screen(ISipTransportSink sink, SipEndPoint source)
    {
        try
        {
            return sink.Screen(source);
        }
#pragma warning disable CA1031 // The boundary: a failing screen must not end the receive loop; the datagram is dropped.
        catch (Exception e)
#pragma warning restore CA1031
        {
            _faults.Contain(e, source, "screening a datagram");
            return SourceVerdict.Drop;
        }
    }

    private void Deliver(ISipTransportSink sink, SipEndPoint source, byte[] datagram, SourceVerdict verdict)
    {
        try
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
                if (verdict == SourceVerdict.Admit)
                {
                    sink.OnMalformed(this, source, datagram, e);
                }

                return;
            }

            if (verdict == SourceVerdict.Admit)
            {
                sink.OnMessage(new IncomingMessage(message!, source, this) { IsSecure = false });
            }
            else
            {
                sink.OnRefused(new IncomingMessage(message!, source, this) { IsSecure = false });
            }
        }
#pragma warning disable CA1031 // The boundary: one datagram must not end the receive loop for every other caller.
        catch (Exception e)
#pragma warning restore CA1031
        {
            _faults.Contain(e, source, $"a datagram of {datagram.Length} bytes");
        }
    }

    [LoggerMessage(EventId = 1101, Level = LogLevel.Information, Message = "SIP listening on UDP {EndPoint}")]
    private partial void LogListening(IPEndPoint endPoint);
}
