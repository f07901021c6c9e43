using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Omstilling.Runtime;
using Omstilling.Sip.Parsing;
using Omstilling.Sip.Tests.Support;
using Omstilling.Sip.Transactions;
using Omstilling.Sip.Transport;

namespace Omstilling.Sip.Tests.Transport;

/// <summary>Our certificate from PEM files, and its renewal while the server runs.</summary>
public sealed class CertificateFilesTests : IDisposable
{
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(10);

    private readonly TestCertificates _certificates = new();
    private readonly FakeTimeProvider _time = new();
    private readonly LogLines<CertificateFiles> _log = new();

    public void Dispose() => _certificates.Dispose();

    [Fact]
    public void A_renewed_pair_is_taken_at_the_next_look_at_the_files()
    {
        var (first, certificateFile, keyFile) = _certificates.Issue("sip.example.dk");
        using var files = Load(certificateFile, keyFile);
        files.Watch(_time, Poll);
        Assert.Equal(first.Thumbprint, files.Current.Certificate.Thumbprint);

        var (renewed, _, _) = _certificates.Issue("sip.example.dk");
        _time.Advance(Poll);

        Assert.Equal(renewed.Thumbprint, files.Current.Certificate.Thumbprint);
        Assert.Equal(1, files.Reloads);
        Assert.Contains(_log.Entries, e => e.EventId == 1132 && e.Message.Contains(renewed.Thumbprint, StringComparison.Ordinal));
    }

    [Fact]
    public void Files_that_did_not_change_are_not_read_again()
    {
        var (_, certificateFile, keyFile) = _certificates.Issue("sip.example.dk");
        using var files = Load(certificateFile, keyFile);
        files.Watch(_time, Poll);

        _time.Advance(Poll * 5);

        Assert.Equal(0, files.Reloads);
    }

    [Fact]
    public void A_renewal_that_cannot_be_read_keeps_the_old_certificate_and_logs_an_error()
    {
        var (first, certificateFile, keyFile) = _certificates.Issue("sip.example.dk");
        using var files = Load(certificateFile, keyFile);
        files.Watch(_time, Poll);

        File.WriteAllText(keyFile, "-----BEGIN PRIVATE KEY-----\nhalf written\n");
        _time.Advance(Poll);

        Assert.Equal(first.Thumbprint, files.Current.Certificate.Thumbprint);
        var error = Assert.Single(_log.Entries, e => e.EventId == 1133);
        Assert.Equal(LogLevel.Error, error.Level);
        Assert.Contains(keyFile, error.Message, StringComparison.Ordinal);
        Assert.Contains(first.Thumbprint + " stays in use", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_key_that_belongs_to_another_certificate_is_refused_with_both_file_names()
    {
        var (_, certificateFile, _) = _certificates.Issue("sip.example.dk", "one");
        var (_, _, otherKey) = _certificates.Issue("sip.example.dk", "two");

        Assert.False(CertificateFiles.TryLoad(certificateFile, otherKey, _log, out var files, out var problem));

        Assert.Null(files);
        Assert.Contains(certificateFile, problem, StringComparison.Ordinal);
        Assert.Contains(otherKey, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_file_is_refused_with_its_name()
    {
        Assert.False(CertificateFiles.TryLoad(Path.Combine(_certificates.Folder, "nowhere.pem"), Path.Combine(_certificates.Folder, "nowhere.key"), _log, out _, out var problem));

        Assert.Contains("nowhere.pem", problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task New_tls_connections_are_given_the_renewed_certificate()
    {
        var (first, certificateFile, keyFile) = _certificates.Issue("sip.example.dk");
        using var files = Load(certificateFile, keyFile);
        files.Watch(_time, Poll);
        await using var stack = new SipStack(new SipStackOptions(), TimeProvider.System, NullLoggerFactory.Instance, new FaultMonitor(NullLoggerFactory.Instance, TimeProvider.System));
        stack.AddTransport(new TlsTransport(new IPEndPoint(IPAddress.Loopback, 0), files, TlsClientOptions.Default, SipParserLimits.Default, new FaultMonitor(NullLoggerFactory.Instance, TimeProvider.System), NullLogger<TlsTransport>.Instance));
        await stack.StartAsync(new TestCore(), CancellationToken.None);
        var server = stack.Transports[0].LocalEndPoint;
        Assert.Equal(first.Thumbprint, await ServerCertificateAsync(server));

        var (renewed, _, _) = _certificates.Issue("sip.example.dk");
        _time.Advance(Poll);

        Assert.Equal(renewed.Thumbprint, await ServerCertificateAsync(server));
    }

    private CertificateFiles Load(string certificateFile, string keyFile)
    {
        Assert.True(CertificateFiles.TryLoad(certificateFile, keyFile, _log, out var files, out var problem), problem);
        return files!;
    }

    private async Task<string> ServerCertificateAsync(IPEndPoint server)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(server);
        await using var tls = new SslStream(new NetworkStream(socket));
        var policy = new X509ChainPolicy { TrustMode = X509ChainTrustMode.CustomRootTrust, RevocationMode = X509RevocationMode.NoCheck };
        policy.CustomTrustStore.Add(_certificates.Ca);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions { TargetHost = "sip.example.dk", CertificateChainPolicy = policy }, cts.Token);
        return tls.RemoteCertificate!.GetCertHashString();
    }
}
