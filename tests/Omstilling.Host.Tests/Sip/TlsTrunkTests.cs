using System.Globalization;
using Omstilling.Host.Tests.Support;
using Omstilling.Sip.Tests.Support;

namespace Omstilling.Host.Tests.Sip;

/// <summary>
/// A trunk reached over TLS (<c>--trunk-transport tls</c>): the server opens the connection and
/// checks the trunk's certificate against <c>--trunk-ca</c>. The trunk is SIPp over TCP behind a
/// stunnel server with a certificate from the test CA.
/// </summary>
public sealed class TlsTrunkTests
{
    [Fact]
    public async Task A_call_out_through_a_tls_trunk_is_answered_there()
    {
        using var certificates = new TestCertificates();
        var (_, certificate, key) = certificates.Issue("omstilling.test");
        var (_, trunkCertificate, trunkKey) = certificates.Issue("trunk.test", "trunk");
        var trunkSippPort = FreePort.Next();
        var trunkTlsPort = FreePort.Next();
        var trunk = Sipp.RunOverTcpAsync("uas_answer.xml", 0, trunkSippPort);
        Assert.True(await FreePort.WaitUntilListeningAsync(trunkSippPort, TimeSpan.FromSeconds(10)), "the trunk's SIPp did not start");
        await using var tunnel = await Stunnel.ServerAsync(trunkTlsPort, trunkSippPort, trunkCertificate, trunkKey);
        await using var server = await ServerProcess.StartAsync(
            "--at", "2026-12-01 22:00", "--trunk", $"127.0.0.1:{trunkTlsPort}", "--trunk-transport", "tls", "--trunk-ca", certificates.CaFile,
            "--tls-port", FreePort.Next().ToString(CultureInfo.InvariantCulture), "--tls-cert", certificate, "--tls-key", key);

        // The main number after hours: 1 for the technical emergency menu, 5 for the snow watch, an external number.
        var caller = await Sipp.RunAsync("uac_menu_keys.xml", server.SipPort, FreePort.Next(), ("callee", "54731000"), ("key1", "1"), ("key2", "5"));

        Assert.True(caller.ExitCode == 0, $"caller: {caller}\n{server.Output}");
        var peer = await trunk;
        Assert.True(peer.ExitCode == 0, $"trunk: {peer}\n{tunnel.Output}\n{server.Output}");
        Assert.Contains($"TLS connection to 127.0.0.1:{trunkTlsPort} (127.0.0.1)", server.Output, StringComparison.Ordinal);
    }
}
