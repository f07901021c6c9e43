using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using Omstilling.Host.Cli;
using Omstilling.Host.Server;
using Omstilling.Host.Tests.Support;
using Omstilling.Runtime;
using Omstilling.Sip.Tests.Support;
using Omstilling.Sip.Transactions;
using Omstilling.Sip.Transport;

namespace Omstilling.Host.Tests.Cli;

/// <summary>The TLS options of <c>run</c>: which go together, and what a start with unusable files says.</summary>
public sealed class TlsOptionsTests : IDisposable
{
    private readonly TestCertificates _certificates = new();

    public void Dispose() => _certificates.Dispose();

    [Fact]
    public void Tls_is_off_and_the_trunk_on_udp_unless_asked_for()
    {
        var options = RunOptions.Parse([]);

        Assert.Null(options.TlsCertificate);
        Assert.Equal(5061, options.TlsPort);
        Assert.Equal(SipTransportKind.Udp, options.TrunkTransport);
        Assert.False(new TlsWiring(options).Enabled);
    }

    [Fact]
    public void A_certificate_without_its_key_is_a_usage_error()
    {
        var (_, certificate, _) = _certificates.Issue("omstilling.test");

        var error = Assert.Throws<UsageException>(() => RunOptions.Parse(["--tls-cert", certificate]));

        Assert.Contains("--tls-cert and --tls-key go together", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_certificate_file_that_does_not_exist_is_a_usage_error_naming_it()
    {
        var error = Assert.Throws<UsageException>(() => RunOptions.Parse(["--tls-cert", "/nowhere/cert.pem", "--tls-key", "/nowhere/key.pem"]));

        Assert.Contains("/nowhere/cert.pem", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_tls_trunk_needs_our_certificate_and_a_trunk_ca_needs_a_tls_trunk()
    {
        var noCertificate = Assert.Throws<UsageException>(() => RunOptions.Parse(["--trunk", "127.0.0.1:5061", "--trunk-transport", "tls"]));
        var noTls = Assert.Throws<UsageException>(() => RunOptions.Parse(["--trunk", "127.0.0.1:5060", "--trunk-ca", _certificates.CaFile]));
        var unknown = Assert.Throws<UsageException>(() => RunOptions.Parse(["--trunk-transport", "sctp"]));

        Assert.Contains("--trunk-transport tls needs --tls-cert", noCertificate.Message, StringComparison.Ordinal);
        Assert.Contains("--trunk-ca needs --trunk-transport tls", noTls.Message, StringComparison.Ordinal);
        Assert.Contains("'sctp' is not udp, tcp or tls", unknown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_key_that_does_not_fit_the_certificate_stops_the_start_with_both_files_named()
    {
        var (_, certificate, _) = _certificates.Issue("omstilling.test", "one");
        var (_, _, otherKey) = _certificates.Issue("omstilling.test", "two");
        var options = RunOptions.Parse(["--bind", "127.0.0.1", "--tls-cert", certificate, "--tls-key", otherKey]);
        using var tls = new TlsWiring(options);

        var error = Assert.Throws<ServerStartException>(() => tls.Load(TimeProvider.System, NullLoggerFactory.Instance));

        Assert.Contains(certificate, error.Reason, StringComparison.Ordinal);
        Assert.Contains(otherKey, error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_usable_pair_adds_a_tls_transport_per_bind_address()
    {
        var (_, certificate, key) = _certificates.Issue("omstilling.test");
        var options = RunOptions.Parse(["--bind", "127.0.0.1", "--tls-port", FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture), "--tls-cert", certificate, "--tls-key", key]);
        using var tls = new TlsWiring(options);
        await using var stack = new SipStack(new SipStackOptions(), TimeProvider.System, NullLoggerFactory.Instance, new FaultMonitor(NullLoggerFactory.Instance, TimeProvider.System));

        tls.Load(TimeProvider.System, NullLoggerFactory.Instance);
        tls.AddTransports(stack, TimeProvider.System, new FaultMonitor(NullLoggerFactory.Instance, TimeProvider.System), NullLoggerFactory.Instance);

        var transport = Assert.Single(stack.Transports);
        Assert.Equal(SipTransportKind.Tls, transport.Kind);
        Assert.Equal(IPAddress.Loopback, transport.LocalEndPoint.Address);
    }
}
