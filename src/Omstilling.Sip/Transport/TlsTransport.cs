using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Logging;
using Omstilling.Runtime;

namespace Omstilling.Sip.Transport;

/// <summary>
/// SIP over TLS (RFC 3261 §26.2, RFC 5630) on one local address: TCP connections made into TLS 1.2
/// or 1.3 with <see cref="SslStream"/>, framed and reused exactly as <see cref="TcpTransport"/>'s
/// (the same <see cref="ConnectionPool"/> and <see cref="StreamConnection"/>). A phone's requests,
/// our responses and our requests to the phone (its registration's source, its dialogs' peer) all
/// travel on the connection the phone opened, since a phone behind NAT cannot be reached
/// otherwise (RFC 5923, RFC 5626 §5). Connections we open (to a TLS trunk) check the peer's
/// certificate (<see cref="TlsClientOptions"/>) and present ours. The certificate is taken from
/// <see cref="CertificateFiles"/> at each handshake, so a renewed one is used by the next
/// connection. Failures are contained at the boundary <c>sip.tls</c>. Thread-safe.
/// </summary>
public sealed partial class TlsTransport : ISipTransport, IStreamOpener
{
    private const SslProtocols Protocols = SslProtocols.Tls12 | SslProtocols.Tls13;

    private readonly ConnectionPool _pool;
    private readonly CertificateFiles _certificate;
    private readonly TlsClientOptions _client;
    private readonly X509ChainPolicy? _chainPolicy;
    private readonly ILogger _logger;

    /// <param name="certificate">Our certificate: presented to phones, and to the peers we connect to.</param>
    /// <param name="client">How the certificates of peers we connect to are checked.</param>
    /// <param name="time">The clock of the idle timeout; the system's when null.</param>
    /// <param name="connectionLimits">The limits on connections; <see cref="ConnectionLimits.Default"/> when null.</param>
    public TlsTransport(IPEndPoint bind, CertificateFiles certificate, TlsClientOptions client, Parsing.SipParserLimits limits, FaultMonitor faults, ILogger<TlsTransport> logger, TimeProvider? time = null, ConnectionLimits? connectionLimits = null)
    {
        ArgumentNullException.ThrowIfNull(bind);
        ArgumentNullException.ThrowIfNull(certificate);
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(limits);
        ArgumentNullException.ThrowIfNull(faults);
        ArgumentNullException.ThrowIfNull(logger);
        _certificate = certificate;
        _client = client;
        _logger = logger;
        if (client.TrustedRoots is { } roots)
        {
            _chainPolicy = new X509ChainPolicy
            {
                TrustMode = X509ChainTrustMode.CustomRootTrust,
                RevocationMode = X509RevocationMode.NoCheck,
                DisableCertificateDownloads = true, // nothing is fetched from the network on a handshake
            };
            _chainPolicy.CustomTrustStore.AddRange(roots);
        }

        _pool = new ConnectionPool(this, bind, this, limits, connectionLimits ?? ConnectionLimits.Default, time ?? TimeProvider.System, faults.Boundary("sip.tls"), logger);
    }

    public SipTransportKind Kind => SipTransportKind.Tls;

    public IPEndPoint LocalEndPoint => _pool.LocalEndPoint;

    /// <summary>Open connections (handshake done), for tests and metrics.</summary>
    public int ConnectionCount => _pool.Count;

    /// <summary>Connections closed at once for <see cref="ConnectionLimits.MaxConnectionsPerAddress"/>.</summary>
    public long RefusedConnectionCount => _pool.RefusedCount;

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

    async ValueTask<Stream> IStreamOpener.AcceptAsync(Socket socket, IPEndPoint remote, CancellationToken cancellationToken)
    {
        var tls = new SslStream(new NetworkStream(socket, ownsSocket: true), leaveInnerStreamOpen: false);
        try
        {
            await tls.AuthenticateAsServerAsync(new SslServerAuthenticationOptions
            {
                ServerCertificateContext = _certificate.Current.Context,
                EnabledSslProtocols = Protocols,
                ClientCertificateRequired = false,
                CertificateRevocationCheckMode = X509RevocationMode.NoCheck,
                AllowRenegotiation = false,
            }, cancellationToken);
            LogAccepted(remote, tls.SslProtocol, tls.NegotiatedCipherSuite);
            return tls;
        }
        catch
        {
            await tls.DisposeAsync();
            throw;
        }
    }

    async ValueTask<Stream> IStreamOpener.ConnectAsync(Socket socket, IPEndPoint remote, CancellationToken cancellationToken)
    {
        var tls = new SslStream(new NetworkStream(socket, ownsSocket: true), leaveInnerStreamOpen: false);
        try
        {
            await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions
            {
                TargetHost = _client.NameFor(remote),
                EnabledSslProtocols = Protocols,
                ClientCertificateContext = _certificate.Current.Context,
                CertificateChainPolicy = _chainPolicy?.Clone(),
                CertificateRevocationCheckMode = X509RevocationMode.NoCheck,
                AllowRenegotiation = false,
            }, cancellationToken);
            LogConnected(remote, _client.NameFor(remote), tls.SslProtocol, tls.NegotiatedCipherSuite);
            return tls;
        }
        catch
        {
            await tls.DisposeAsync();
            throw;
        }
    }

    [LoggerMessage(EventId = 1121, Level = LogLevel.Information, Message = "SIP listening on TLS {EndPoint}")]
    private partial void LogListening(IPEndPoint endPoint);

    [LoggerMessage(EventId = 1122, Level = LogLevel.Debug, Message = "TLS connection from {Remote}: {Protocol}, {Cipher}")]
    private partial void LogAccepted(IPEndPoint remote, SslProtocols protocol, TlsCipherSuite cipher);

    [LoggerMessage(EventId = 1123, Level = LogLevel.Information, Message = "TLS connection to {Remote} ({Name}): {Protocol}, {Cipher}")]
    private partial void LogConnected(IPEndPoint remote, string name, SslProtocols protocol, TlsCipherSuite cipher);
}
