using System.Net;
using Microsoft.Extensions.Logging;
using Omstilling.Runtime;

namespace Omstilling.Sip.Transport;

/// <summary>
/// SIP over TCP (RFC 3261 §18) on one local address. Accepts connections and opens them on demand;
/// messages to a peer reuse the open connection with that peer, whoever opened it (§18.2.2), so
/// responses go back on the connection their request came on. Framing is by Content-Length.
/// The connections, their limits (<see cref="ConnectionLimits"/>) and their framing are shared with
/// <see cref="TlsTransport"/> (<see cref="ConnectionPool"/>, <see cref="StreamConnection"/>).
/// Whatever handling a connection's bytes throws is contained at the boundary <c>sip.tcp</c>: that
/// connection's message is dropped (and the connection closed when its framing is lost), the
/// others go on. Thread-safe.
/// </summary>
public sealed partial class TcpTransport : ISipTransport
{
    private readonly ConnectionPool _pool;
    private readonly ILogger _logger;

    /// <param name="time">The clock of the idle timeout; the system's when null.</param>
    /// <param name="connectionLimits">The limits on connections; <see cref="ConnectionLimits.Default"/> when null.</param>
    public TcpTransport(IPEndPoint bind, Parsing.SipParserLimits limits, FaultMonitor faults, ILogger<TcpTransport> logger, TimeProvider? time = null, ConnectionLimits? connectionLimits = null)
    {
        ArgumentNullException.ThrowIfNull(bind);
        ArgumentNullException.ThrowIfNull(limits);
        ArgumentNullException.ThrowIfNull(faults);
        ArgumentNullException.ThrowIfNull(logger);
        _logger = logger;
        _pool = new ConnectionPool(this, bind, new PlainStreams(), limits, connectionLimits ?? ConnectionLimits.Default, time ?? TimeProvider.System, faults.Boundary("sip.tcp"), logger);
    }

    public SipTransportKind Kind => SipTransportKind.Tcp;

    public IPEndPoint LocalEndPoint => _pool.LocalEndPoint;

    /// <summary>Open connections, for tests and metrics.</summary>
    public int ConnectionCount => _pool.Count;

    /// <summary>Connections closed at once for <see cref="ConnectionLimits.MaxConnectionsPerAddress"/>.</summary>
    public long RefusedConnectionCount => _pool.RefusedCount;

    /// <summary>How long to wait for a connect before giving up on a peer.</summary>
    public TimeSpan ConnectTimeout
    {
        get => _pool.ConnectTimeout;
        init => _pool.ConnectTimeout = value;
    }

    public Task StartAsync(ISipTransportSink sink, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sink);
        _pool.Start(sink);
        LogListening(LocalEndPoint);
        return Task.CompletedTask;
    }

    public ValueTask SendAsync(IPEndPoint remote, ReadOnlyMemory<byte> message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(remote);
        return _pool.SendAsync(remote, message, cancellationToken);
    }

    public ValueTask DisposeAsync() => _pool.DisposeAsync();

    [LoggerMessage(EventId = 1111, Level = LogLevel.Information, Message = "SIP listening on TCP {EndPoint}")]
    private partial void LogListening(IPEndPoint endPoint);
}
