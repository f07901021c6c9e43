using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Logging.Abstractions;
using Omstilling.Runtime;
using Omstilling.Sip.Messages;
using Omstilling.Sip.Parsing;
using Omstilling.Sip.Tests.Support;
using Omstilling.Sip.Transactions;
using Omstilling.Sip.Transport;

namespace Omstilling.Sip.Tests.Transport;

/// <summary>SIP over TLS on real loopback sockets: two stacks, each with a certificate from a test CA.</summary>
public sealed class TlsTransportTests : IDisposable
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    private readonly TestCertificates _certificates = new();

    public void Dispose() => _certificates.Dispose();

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("::1")]
    public async Task Options_over_tls_reach_the_server_as_secure_with_a_tls_via(string address)
    {
        await using var pair = await TlsPair.StartAsync(_certificates, IPAddress.Parse(address));

        var response = await pair.SendAsync(pair.Client, pair.ServerEndPoint, NewOptions(pair.ServerEndPoint.EndPoint));

        Assert.Equal(200, response.StatusCode);
        var incoming = Assert.Single(pair.ServerCore.Requests).Incoming;
        Assert.Equal(SipTransportKind.Tls, incoming.Source.Transport);
        Assert.True(incoming.IsSecure);
        Assert.Equal("TLS", incoming.Request.TopVia.Transport);
        Assert.Equal(pair.Client.Transports[0].LocalEndPoint.Port, incoming.Request.TopVia.Port); // our TLS port as sent-by
    }

    [Fact]
    public async Task Requests_from_the_server_to_a_phone_reuse_the_connection_the_phone_opened()
    {
        await using var pair = await TlsPair.StartAsync(_certificates, IPAddress.Loopback);
        Assert.Equal(200, (await pair.SendAsync(pair.Client, pair.ServerEndPoint, NewOptions(pair.ServerEndPoint.EndPoint))).StatusCode);
        var phone = Assert.Single(pair.ServerCore.Requests).Incoming.Source; // the phone's ephemeral port, not where it listens

        var back = await pair.SendAsync(pair.Server, phone, NewOptions(phone.EndPoint));

        Assert.Equal(200, back.StatusCode);
        Assert.True(Assert.Single(pair.ClientCore.Requests).Incoming.IsSecure);
        Assert.Equal(1, ((TlsTransport)pair.Server.Transports[0]).ConnectionCount);
        Assert.Equal(1, ((TlsTransport)pair.Client.Transports[0]).ConnectionCount);
    }

    [Fact]
    public async Task A_server_whose_certificate_no_trusted_ca_signed_is_not_talked_to()
    {
        using var stranger = new TestCertificates("Some Other CA");
        await using var pair = await TlsPair.StartAsync(_certificates, IPAddress.Loopback, clientTrusts: stranger);

        var response = await pair.SendAsync(pair.Client, pair.ServerEndPoint, NewOptions(pair.ServerEndPoint.EndPoint));

        Assert.Equal(503, response.StatusCode); // the transport error, reported by the client transaction
        Assert.Empty(pair.ServerCore.Requests);
        Assert.Equal(0, ((TlsTransport)pair.Client.Transports[0]).ConnectionCount);
    }

    [Fact]
    public async Task A_server_certificate_for_another_name_is_refused_when_the_trunk_name_is_given()
    {
        await using var pair = await TlsPair.StartAsync(_certificates, IPAddress.Loopback, expectName: "trunk.example.net");

        var response = await pair.SendAsync(pair.Client, pair.ServerEndPoint, NewOptions(pair.ServerEndPoint.EndPoint));

        Assert.Equal(503, response.StatusCode);
        Assert.Empty(pair.ServerCore.Requests);
    }

    [Fact]
    public async Task Tls_1_3_is_negotiated_and_a_tls_1_2_client_is_still_served()
    {
        await using var pair = await TlsPair.StartAsync(_certificates, IPAddress.Loopback);

        await using (var modern = await ConnectAsync(pair.ServerEndPoint.EndPoint, SslProtocols.None))
        {
            Assert.Equal(SslProtocols.Tls13, modern.SslProtocol);
        }

        await using var older = await ConnectAsync(pair.ServerEndPoint.EndPoint, SslProtocols.Tls12);
        Assert.Equal(SslProtocols.Tls12, older.SslProtocol);
    }

    [Fact]
    public async Task A_connection_that_never_starts_its_handshake_is_closed_after_the_handshake_timeout()
    {
        await using var pair = await TlsPair.StartAsync(_certificates, IPAddress.Loopback, limits: new ConnectionLimits { HandshakeTimeout = TimeSpan.FromMilliseconds(300) });
        using var silent = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await silent.ConnectAsync(pair.ServerEndPoint.EndPoint);

        using var cts = new CancellationTokenSource(Wait);
        var read = await silent.ReceiveAsync(new byte[16], SocketFlags.None, cts.Token);

        Assert.Equal(0, read); // closed by the server, well before our own limit
        Assert.Equal(0, ((TlsTransport)pair.Server.Transports[0]).ConnectionCount);
    }

    [Fact]
    public async Task Connections_beyond_the_limit_for_one_address_are_closed_at_once_and_others_go_on()
    {
        await using var pair = await TlsPair.StartAsync(_certificates, IPAddress.Loopback, limits: new ConnectionLimits { MaxConnectionsPerAddress = 2 });
        await using var first = await ConnectAsync(pair.ServerEndPoint.EndPoint, SslProtocols.None);
        await using var second = await ConnectAsync(pair.ServerEndPoint.EndPoint, SslProtocols.None);

        await Assert.ThrowsAnyAsync<Exception>(async () => await ConnectAsync(pair.ServerEndPoint.EndPoint, SslProtocols.None));

        Assert.Equal(1, ((TlsTransport)pair.Server.Transports[0]).RefusedConnectionCount);
        await first.WriteAsync("\r\n\r\n"u8.ToArray()); // the first still answers its keep-alive
        var pong = new byte[2];
        using var cts = new CancellationTokenSource(Wait);
        Assert.Equal(2, await first.ReadAsync(pong, cts.Token));
    }

    private async Task<SslStream> ConnectAsync(IPEndPoint server, SslProtocols protocols)
    {
        var socket = new Socket(server.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(server);
        var tls = new SslStream(new NetworkStream(socket, ownsSocket: true));
        var policy = new X509ChainPolicy { TrustMode = X509ChainTrustMode.CustomRootTrust, RevocationMode = X509RevocationMode.NoCheck };
        policy.CustomTrustStore.Add(_certificates.Ca);
        try
        {
            using var cts = new CancellationTokenSource(Wait);
            await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions { TargetHost = "localhost", EnabledSslProtocols = protocols, CertificateChainPolicy = policy }, cts.Token);
            return tls;
        }
        catch
        {
            await tls.DisposeAsync();
            throw;
        }
    }

    private static SipRequest NewOptions(IPEndPoint to)
    {
        var headers = new SipHeaders();
        headers.Add(HeaderName.From, $"<sip:test@{SipStack.FormatHost(to.Address)}>;tag={SipIds.NewTag()}");
        headers.Add(HeaderName.To, $"<sip:{SipStack.FormatHost(to.Address)}>");
        headers.Add(HeaderName.CallId, SipIds.NewCallId("tls"));
        headers.Add(HeaderName.CSeq, "1 OPTIONS");
        return new SipRequest(SipMethod.Options, SipUri.Sip(null, SipStack.FormatHost(to.Address), to.Port, ParameterList.Of(new SipParameter("transport", "tls"))), headers);
    }

    /// <summary>Two stacks with a TLS transport each: the server (certificate "server") and a phone (certificate "phone").</summary>
    private sealed class TlsPair : IAsyncDisposable, IClientTransactionOwner
    {
        private readonly List<CertificateFiles> _files = [];
        private TaskCompletionSource<SipResponse> _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public SipStack Client { get; } = new(new SipStackOptions(), TimeProvider.System, NullLoggerFactory.Instance, new FaultMonitor(NullLoggerFactory.Instance, TimeProvider.System));

        public SipStack Server { get; } = new(new SipStackOptions(), TimeProvider.System, NullLoggerFactory.Instance, new FaultMonitor(NullLoggerFactory.Instance, TimeProvider.System));

        public TestCore ServerCore { get; } = new();

        public TestCore ClientCore { get; } = new();

        public SipEndPoint ServerEndPoint => new(SipTransportKind.Tls, Server.Transports[0].LocalEndPoint);

        public static async Task<TlsPair> StartAsync(TestCertificates certificates, IPAddress address, TestCertificates? clientTrusts = null, string? expectName = null, ConnectionLimits? limits = null)
        {
            var pair = new TlsPair();
            var server = pair.Load(certificates, "server");
            var phone = pair.Load(certificates, "phone");
            var trusted = new X509Certificate2Collection { (clientTrusts ?? certificates).Ca };
            pair.Server.AddTransport(Create(address, server, new TlsClientOptions { TrustedRoots = new X509Certificate2Collection { certificates.Ca } }, limits));
            await pair.Server.StartAsync(pair.ServerCore, CancellationToken.None);
            var names = expectName is null ? new Dictionary<IPEndPoint, string>() : new Dictionary<IPEndPoint, string> { [pair.ServerEndPoint.EndPoint] = expectName };
            pair.Client.AddTransport(Create(address, phone, new TlsClientOptions { TrustedRoots = trusted, Names = names }, null));
            await pair.Client.StartAsync(pair.ClientCore, CancellationToken.None);
            return pair;
        }

        public async Task<SipResponse> SendAsync(SipStack from, SipEndPoint to, SipRequest request)
        {
            _next = new TaskCompletionSource<SipResponse>(TaskCreationOptions.RunContinuationsAsynchronously);
            from.SendRequest(request, to, this);
            return await _next.Task.WaitAsync(Wait);
        }

        public void OnResponse(ClientTransaction transaction, SipResponse response)
        {
            if (response.IsFinal)
            {
                _next.TrySetResult(response);
            }
        }

        public async ValueTask DisposeAsync()
        {
            await Client.DisposeAsync();
            await Server.DisposeAsync();
            foreach (var files in _files)
            {
                files.Dispose();
            }
        }

        private CertificateFiles Load(TestCertificates certificates, string name)
        {
            var (_, certificate, key) = certificates.Issue(name, name);
            Assert.True(CertificateFiles.TryLoad(certificate, key, NullLogger.Instance, out var files, out var problem), problem);
            _files.Add(files!);
            return files!;
        }

        private static TlsTransport Create(IPAddress address, CertificateFiles certificate, TlsClientOptions client, ConnectionLimits? limits) =>
            new(new IPEndPoint(address, 0), certificate, client, SipParserLimits.Default, new FaultMonitor(NullLoggerFactory.Instance, TimeProvider.System), NullLogger<TlsTransport>.Instance, connectionLimits: limits);
    }
}
