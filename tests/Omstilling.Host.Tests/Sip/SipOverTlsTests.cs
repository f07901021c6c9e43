using Omstilling.Host.Tests.Support;

namespace Omstilling.Host.Tests.Sip;

/// <summary>
/// SIP over TLS against the real server (<c>--tls-cert</c>): SIPp through a stunnel client (Debian's
/// SIPp is built without TLS, so OpenSSL in stunnel does the TLS of SIPp's one TCP connection,
/// <c>-t t1</c>), and baresip with its own TLS.
/// </summary>
public sealed class SipOverTlsTests(TlsServerFixture fixture) : IClassFixture<TlsServerFixture>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Sipp_over_tls_registers_with_digest_authentication()
    {
        var tunnelPort = FreePort.Next();
        await using var tunnel = await Stunnel.ClientAsync(tunnelPort, fixture.TlsPort, fixture.CaFile);

        var result = await Sipp.RunOverTcpAsync("register.xml", tunnelPort, FreePort.Next(), ("username", "2071"), ("password", "demo2071"));

        Assert.True(result.ExitCode == 0, $"{result}\n{tunnel.Output}\n{fixture.Server.Output}");
        Assert.True(await fixture.Server.WaitForStatusAsync(s => s.GetProperty("registrations").GetInt64() >= 1, Wait));
    }

    [Fact]
    public async Task Sipp_over_tls_calls_a_phone_through_the_b2bua()
    {
        var server = fixture.Server;
        var calleePort = FreePort.Next();
        await Sipp.RegisterAsync("2073", server.SipPort, calleePort);
        var callee = Sipp.RunAsync("uas_answer.xml", server.SipPort, calleePort);
        Assert.True(await FreePort.WaitUntilBoundAsync(calleePort, Wait), "the callee's SIPp did not start");
        var tunnelPort = FreePort.Next();
        await using var tunnel = await Stunnel.ClientAsync(tunnelPort, fixture.TlsPort, fixture.CaFile);

        var caller = await Sipp.RunOverTcpAsync("uac_call_bye.xml", tunnelPort, FreePort.Next(), ("username", "2072"), ("password", "demo2072"), ("callee", "2073"));

        Assert.True(caller.ExitCode == 0, $"caller: {caller}\n{tunnel.Output}\n{server.Output}");
        var answered = await callee;
        Assert.True(answered.ExitCode == 0, $"callee: {answered}");
    }

    [Fact]
    public async Task A_phone_registered_over_tls_is_called_over_the_connection_it_opened()
    {
        var server = fixture.Server;
        await using var phone = await Baresip.StartAsync("2074", fixture.TlsPort, autoAnswer: true, tlsCaFile: fixture.CaFile);
        Assert.True(await phone.WaitUntilRegisteredAsync(Wait), phone.Log + server.Output);
        var tunnelPort = FreePort.Next();
        await using var tunnel = await Stunnel.ClientAsync(tunnelPort, fixture.TlsPort, fixture.CaFile);

        var caller = await Sipp.RunOverTcpAsync("uac_call_bye.xml", tunnelPort, FreePort.Next(), ("username", "2075"), ("password", "demo2075"), ("callee", "2074"));

        Assert.True(caller.ExitCode == 0, $"caller: {caller}\n{phone.Log}\n{server.Output}");
        Assert.True(await phone.WaitForEventAsync("CALL_ESTABLISHED", Wait), phone.Log);
        Assert.True(await phone.WaitForEventAsync("CALL_CLOSED", Wait), phone.Log);
    }

    [Fact]
    public async Task A_client_that_does_not_trust_the_servers_certificate_gets_no_sip_through()
    {
        using var stranger = new Omstilling.Sip.Tests.Support.TestCertificates("Some Other CA");
        var tunnelPort = FreePort.Next();
        await using var tunnel = await Stunnel.ClientAsync(tunnelPort, fixture.TlsPort, stranger.CaFile);

        var result = await Sipp.RunOverTcpAsync("register.xml", tunnelPort, FreePort.Next(), ("username", "2076"), ("password", "demo2076"));

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("certificate verify failed", tunnel.Output, StringComparison.OrdinalIgnoreCase);
    }
}
