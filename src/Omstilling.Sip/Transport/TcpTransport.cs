using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Omstilling.Runtime;

namespace Omstilling.Sip.Transport;

/// <summary>
/// SIP over TCP (RFC 3261 §18) on one local address. Accepts connections and opens them on demand;
/// messages to a peer reuse the open connection with that peer, whoever opened it (§18.2.2), so
/// responses go back on the connection their request came on. Framing is by Content-Length.
/// Whatever handling a connection's bytes throws is contained at the boundary <c>sip.tcp</c>: that
/// connection's message is dropped (and the connection closed when its framing is lost), the
/// others go on. Thread-safe.
/// </summary>
public sealed partial class TcpTransport : ISipTransport
{
    private readonly TcpListener _listener;
    private readonly Parsing.SipParserLimits _limits;
    private readonly ILogger _logger;
    private readonly FaultBoundary _faults;
    private readonly ConcurrentDictionary<IPEndPoint, TcpConnection> _connections = new();
    private readonly CancellationTokenSource _stop = new();
    private ISipTransportSink? _sink;
    private Task _acceptLoop = Task.CompletedTask;

    public TcpTransport(IPEndPoint bind, Parsing.SipParserLimits limits, FaultMonitor faults, ILogger<TcpTransport> logger)
    {
        ArgumentNullException.ThrowIfNull(bind);
        ArgumentNullException.ThrowIfNull(limits);
        ArgumentNullException.ThrowIfNull(faults);
        ArgumentNullException.ThrowIfNull(logger);
        _limits = limits;
        _logger = logger;
        _faults = faults.Boundary("sip.tcp");
        _listener = new TcpListener(bind);
        if (bind.AddressFamily == AddressFamily.InterNetworkV6)
        {
            _listener.Server.DualMode = false;
        }

        _listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        _listener.Start(512);
        LocalEndPoint = (IPEndPoint)_listener.LocalEndpoint;
    }

    public SipTransportKind Kind => SipTransportKind.Tcp;

    public IPEndPoint LocalEndPoint { get; }

    /// <summary>Open connections, for tests and metrics.</summary>
    public int ConnectionCount => _connections.Count;

    /// <summary>How long to wait for a connect before giving up on a peer.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(5);

    public Task StartAsync(ISipTransportSink sink, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sink);
        _sink = sink;
        _acceptLoop = Task.Run(() => AcceptLoopAsync(_stop.Token), CancellationToken.None);
        _faults.Observe(_acceptLoop, LocalEndPoint, "the accept loop: no more TCP connections are taken");
        LogListening(LocalEndPoint);
        return Task.CompletedTask;
    }

    public async ValueTask SendAsync(IPEndPoint remote, ReadOnlyMemory<byte> message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(remote);
        var connection = await GetOrConnectAsync(Normalize(remote), cancellationToken);
        await connection.SendAsync(message, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        foreach (var connection in _connections.Values)
        {
            await connection.DisposeAsync();
        }

        try
        {
            await _acceptLoop;
        }
        catch (OperationCanceledException)
        {
            // Expected on shutdown.
        }

        _stop.Dispose();
    }

    internal void Forget(TcpConnection connection) => _connections.TryRemove(new KeyValuePair<IPEndPoint, TcpConnection>(connection.Remote, connection));

    private async Task AcceptLoopAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await _listener.AcceptSocketAsync(cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (ObjectDisposedException)
            {
                return;
            }
            catch (SocketException e)
            {
                LogAcceptFailed(e);
                continue;
            }

            try
            {
                socket.NoDelay = true;
                var remote = Normalize((IPEndPoint)socket.RemoteEndPoint!);
                var connection = new TcpConnection(this, socket, remote, _limits, _faults);
                _connections[remote] = connection;
                connection.Start(_sink!, cancellationToken);
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException)
            {
                // Reset before we looked at it.
                socket.Dispose();
            }
        }
    }

    private async ValueTask<TcpConnection> GetOrConnectAsync(IPEndPoint remote, CancellationToken cancellationToken)
    {
        if (_connections.TryGetValue(remote, out var existing) && existing.IsOpen)
        {
            return existing;
        }

        var socket = new Socket(remote.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _stop.Token))
        {
            timeout.CancelAfter(ConnectTimeout);
            try
            {
                await socket.ConnectAsync(remote, timeout.Token);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }

        var connection = new TcpConnection(this, socket, remote, _limits, _faults);
        var winner = _connections.AddOrUpdate(remote, connection, (_, old) => old.IsOpen ? old : connection);
        if (!ReferenceEquals(winner, connection))
        {
            await connection.DisposeAsync();
            return winner;
        }

        connection.Start(_sink!, _stop.Token);
        return connection;
    }

    /// <summary>IPv4-mapped IPv6 addresses are keyed as IPv4 so a peer has one key.</summary>
    private static IPEndPoint Normalize(IPEndPoint endPoint) =>
        endPoint.Address.IsIPv4MappedToIPv6 ? new IPEndPoint(endPoint.Address.MapToIPv4(), endPoint.Port) : endPoint;

    [LoggerMessage(EventId = 1111, Level = LogLevel.Information, Message = "SIP listening on TCP {EndPoint}")]
    private partial void LogListening(IPEndPoint endPoint);

    [LoggerMessage(EventId = 1112, Level = LogLevel.Warning, Message = "Accepting a TCP connection failed")]
    private partial void LogAcceptFailed(Exception exception);
}
