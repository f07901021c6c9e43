using System.Globalization;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Omstilling.Sip.Tests.Support;

namespace Omstilling.Host.Tests.Support;

/// <summary>
/// One demo server with <c>--tls-cert</c> (a certificate from a throwaway CA for 127.0.0.1) shared by
/// the tests of a class: SIP over TLS on its own port, HTTPS on the web port.
/// </summary>
public sealed class TlsServerFixture : IAsyncLifetime, IDisposable
{
    private readonly TestCertificates _certificates = new();
    private ServerProcess? _server;

    public ServerProcess Server => _server ?? throw new InvalidOperationException("Not started.");

    public int TlsPort { get; } = FreePort.Next();

    /// <summary>The test CA: what phones and tunnels trust.</summary>
    public string CaFile => _certificates.CaFile;

    public async Task InitializeAsync()
    {
        var (_, certificate, key) = _certificates.Issue("omstilling.test");
        _server = await ServerProcess.StartAsync("--tls-port", TlsPort.ToString(CultureInfo.InvariantCulture), "--tls-cert", certificate, "--tls-key", key);
    }

    /// <summary>An HTTP client that trusts the test CA (and nothing else) for HTTPS.</summary>
    public HttpClient HttpsClient()
    {
        var policy = new X509ChainPolicy { TrustMode = X509ChainTrustMode.CustomRootTrust, RevocationMode = X509RevocationMode.NoCheck };
        policy.CustomTrustStore.Add(_certificates.Ca);
        var handler = new SocketsHttpHandler { SslOptions = new SslClientAuthenticationOptions { CertificateChainPolicy = policy } };
        return new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(10) };
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    public void Dispose() => _certificates.Dispose();
}
