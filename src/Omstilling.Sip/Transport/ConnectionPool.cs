using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Omstilling.Runtime;
using Omstilling.Sip.Parsing;

namespace Omstilling.Sip.Transport;

/// <summary>
/// The connections of one stream transport (TCP or TLS) on one local address: the listener and its
/// accept loop, the connections opened on demand, and the <see cref="ConnectionLimits"/>. A message
/// to a peer reuses the open connection with that peer's address and port, whoever opened it
/// (RFC 3261 §18.2.2, RFC 5923 §1), so responses and the requests to a registered phone go back on
/// the connection the phone opened. What makes a socket a stream (TLS or not) is the
/// <see cref="IStreamOpener"/>'s. Thread-safe.
/// </summary>
internal sealed partial class ConnectionPool : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly IStreamOpener _opener;
    private readonly SipParserLimits _parserLimits;
    private readonly ConnectionLimits _limits;
    private readonly FaultBoundary _faults;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<IPEndPoint, StreamConnection> _connections = new();
    private readonly Dictionary<IPAddress, int> _perAddress = [];
    private readonly Lock _perAddressLock = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly LogRateLimit _refusedLog;
    private ISipTransportSink? _sink;
    private ITimer? _idleSweep;
    private Task _acceptLoop = Task.CompletedTask;
    private long _refused;

    public ConnectionPool(ISipTransport transport, IPEndPoint bind, IStreamOpener opener, SipParserLimits parserLimits, ConnectionLimits limits, TimeProvider time, FaultBoundary faults, ILogger logger)
    {
        Transport = transport;
        _opener = opener;
        _parserLimits = parserLimits;
        _limits = limits;
        Time = time;
        _faults = faults;
        _logger = logger;
        _refusedLog = new LogRateLimit(time, perWindow: 10, TimeSpan.FromMinutes(1));
        _listener = new TcpListener(bind);
        if (bind.AddressFamily == AddressFamily.InterNetworkV6)
        {
            _listener.Server.DualMode = false;
        }

        _listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        _listener.Start(512);
        LocalEndPoint = (IPEndPoint)_listener.LocalEndpoint;
    }

    public ISipTransport Transport { get; }

    public SipTransportKind Kind => Transport.Kind;

    public TimeProvider Time { get; }

    public IPEndPoint LocalEndPoint { get; }

    public int Count => _connections.Count;

    /// <summary>Connections closed at once because their address had <see cref="ConnectionLimits.MaxConnectionsPerAddress"/> open.</summary>
    public long RefusedCount => Interlocked.Read(ref _refused);

    /// <summary>How long to wait for a connect before giving up on a peer.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(5);

    public void Start(ISipTransportSink sink)
    {
        _sink = sink;
        _acceptLoop = Task.Run(() => AcceptLoopAsync(_stop.Token), CancellationToken.None);
        _faults.Observe(_acceptLoop, LocalEndPoint, $"the accept loop: no more {Kind.ViaToken()} connections are taken");
        if (_limits.IdleTimeout != Timeout.InfiniteTimeSpan)
        {
            var period = TimeSpan.FromTicks(Math.Min(_limits.IdleTimeout.Ticks / 4, TimeSpan.FromMinutes(1).Ticks));
            _idleSweep = Time.CreateTimer(_ => _faults.Run(CloseIdle, LocalEndPoint, "one sweep for idle connections"), null, period, period);
        }
    }

    public async ValueTask SendAsync(IPEndPoint remote, ReadOnlyMemory<byte> message, CancellationToken cancellationToken)
    {
        var connection = await GetOrConnectAsync(Normalize(remote), cancellationToken);
        await connection.SendAsync(message, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        if (_idleSweep is not null)
        {
            await _idleSweep.DisposeAsync();
        }

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

    /// <summary>Called once by each connection as it closes.</summary>
    internal void Forget(StreamConnection connection)
    {
        _connections.TryRemove(new KeyValuePair<IPEndPoint, StreamConnection>(connection.Remote, connection));
        Release(connection.Remote.Address);
    }

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
                LogAcceptFailed(Kind.ViaToken(), e);
                continue;
            }

            IPEndPoint remote;
            try
            {
                socket.NoDelay = true;
                remote = Normalize((IPEndPoint)socket.RemoteEndPoint!);
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException)
            {
                socket.Dispose(); // Reset before we looked at it.
                continue;
            }

            if (!TryReserve(remote.Address))
            {
                socket.Dispose();
                continue;
            }

            // The handshake (TLS) runs beside the loop, so a slow peer holds up no other.
            _faults.Observe(AdmitAsync(socket, remote, cancellationToken), remote, "an accepted connection");
        }
    }

    private async Task AdmitAsync(Socket socket, IPEndPoint remote, CancellationToken cancellationToken)
    {
        Stream stream;
        using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            timeout.CancelAfter(_limits.HandshakeTimeout);
            try
            {
                stream = await _opener.AcceptAsync(socket, remote, timeout.Token);
            }
            catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or System.Security.Authentication.AuthenticationException or ObjectDisposedException)
            {
                LogHandshakeFailed(Kind.ViaToken(), remote, e.Message);
                socket.Dispose();
                Release(remote.Address);
                return;
            }
        }

        var connection = new StreamConnection(this, socket, stream, remote, _parserLimits, _faults);
        if (_connections.TryGetValue(remote, out var old))
        {
            await old.DisposeAsync(); // A stale entry for a reused port: the new connection is the peer's.
        }

        _connections[remote] = connection;
        connection.Start(_sink!, cancellationToken);
    }

    private async ValueTask<StreamConnection> GetOrConnectAsync(IPEndPoint remote, CancellationToken cancellationToken)
    {
        if (_connections.TryGetValue(remote, out var existing) && existing.IsOpen)
        {
            return existing;
        }

        if (!TryReserve(remote.Address))
        {
            throw new IOException($"{Kind.ViaToken()} connections to {remote.Address} are at the limit of {_limits.MaxConnectionsPerAddress}.");
        }

        var socket = new Socket(remote.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        Stream stream;
        using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _stop.Token))
        {
            timeout.CancelAfter(ConnectTimeout + _limits.HandshakeTimeout);
            try
            {
                await socket.ConnectAsync(remote, timeout.Token);
                stream = await _opener.ConnectAsync(socket, remote, timeout.Token);
            }
            catch (Exception e)
            {
                socket.Dispose();
                Release(remote.Address);
                if (e is System.Security.Authentication.AuthenticationException)
                {
                    LogHandshakeFailed(Kind.ViaToken(), remote, e.Message);
                    throw new IOException($"TLS with {remote} failed: {e.Message}", e);
                }

                throw;
            }
        }

        var connection = new StreamConnection(this, socket, stream, remote, _parserLimits, _faults);
        var winner = _connections.AddOrUpdate(remote, connection, (_, old) => old.IsOpen ? old : connection);
        if (!ReferenceEquals(winner, connection))
        {
            await connection.DisposeAsync();
            return winner;
        }

        connection.Start(_sink!, _stop.Token);
        return connection;
    }

    private void CloseIdle()
    {
        foreach (var connection in _connections.Values)
        {
            if (Time.GetElapsedTime(connection.LastActivity) >= _limits.IdleTimeout)
            {
                LogClosedIdle(Kind.ViaToken(), connection.Remote);
                _faults.Observe(connection.DisposeAsync().AsTask(), connection.Remote, "closing an idle connection");
            }
        }
    }

    private bool TryReserve(IPAddress address)
    {
        lock (_perAddressLock)
        {
            var open = _perAddress.GetValueOrDefault(address);
            if (_limits.MaxConnectionsPerAddress > 0 && open >= _limits.MaxConnectionsPerAddress)
            {
                Interlocked.Increment(ref _refused);
                if (_refusedLog.TryTake(out var suppressed))
                {
                    LogTooManyConnections(Kind.ViaToken(), address, open, suppressed);
                }

                return false;
            }

            _perAddress[address] = open + 1;
            return true;
        }
    }

    private void Release(IPAddress address)
    {
        lock (_perAddressLock)
        {
            var open = _perAddress.GetValueOrDefault(address) - 1;
            if (open > 0)
            {
                _perAddress[address] = open;
            }
            else
            {
                _perAddress.Remove(address);
            }
        }
    }

    /// <summary>IPv4-mapped IPv6 addresses are keyed as IPv4 so a peer has one key.</summary>
    private static IPEndPoint Normalize(IPEndPoint endPoint) =>
        endPoint.Address.IsIPv4MappedToIPv6 ? new IPEndPoint(endPoint.Address.MapToIPv4(), endPoint.Port) : endPoint;

    [LoggerMessage(EventId = 1112, Level = LogLevel.Warning, Message = "Accepting a {Transport} connection failed")]
    private partial void LogAcceptFailed(string transport, Exception exception);

    [LoggerMessage(EventId = 1113, Level = LogLevel.Warning, Message = "{Transport} connection with {Address} closed at once: {Open} are open with it, the limit ({Suppressed} more not logged)")]
    private partial void LogTooManyConnections(string transport, IPAddress address, int open, long suppressed);

    [LoggerMessage(EventId = 1114, Level = LogLevel.Debug, Message = "{Transport} connection with {Remote} closed: idle")]
    private partial void LogClosedIdle(string transport, IPEndPoint remote);

    [LoggerMessage(EventId = 1115, Level = LogLevel.Debug, Message = "{Transport} connection with {Remote} not made: {Reason}")]
    private partial void LogHandshakeFailed(string transport, IPEndPoint remote, string reason);
}
