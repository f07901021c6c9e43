using Omstilling.Host.Tests.Support;

namespace Omstilling.Host.Tests.Sip;

/// <summary>
/// The toll-fraud guard end to end: the real server (--demo: the bundled policy allows +45, +46,
/// +47, +49 and no 90-numbers; in the demo directory 2099 is internal, 2098 international, the
/// others national) with a SIPp trunk that fails if any INVITE but the allowed one reaches it.
/// </summary>
public sealed class TollFraudTests
{
    [Fact]
    public async Task Extensions_dialling_abroad_or_a_premium_number_without_rights_are_refused_and_the_trunk_gets_only_the_allowed_call()
    {
        var trunkPort = FreePort.Next();
        var trunk = Sipp.RunAsync("uas_trunk_outbound.xml", 0, trunkPort, calls: 1, "127.0.0.1");
        Assert.True(await FreePort.WaitUntilBoundAsync(trunkPort, TimeSpan.FromSeconds(10)), "the trunk's SIPp did not start");
        await using var server = await ServerProcess.StartAsync("--trunk", $"127.0.0.1:{trunkPort}");

        (string User, string Callee, string Expected)[] attempts =
        [
            ("2099", "0046812345678", "403"), // internal: nothing outside
            ("2099", "33123456", "403"),
            ("2001", "0046812345678", "403"), // national (the default): not abroad
            ("2001", "90123456", "403"), // premium-rate: no class reaches it without a pattern of its own
            ("2098", "90123456", "403"), // international, still no 90-number
            ("2001", "33123456", "486"), // allowed: the trunk gets it (and says busy)
        ];
        foreach (var (user, callee, expected) in attempts)
        {
            var caller = await Sipp.RunAsync("uac_expect_final.xml", server.SipPort, FreePort.Next(), ("username", user), ("password", "demo" + user), ("callee", callee), ("expected", expected));
            Assert.True(caller.ExitCode == 0, $"{user} → {callee}: {caller}\n{server.Output}");
        }

        var peer = await trunk;
        Assert.True(peer.ExitCode == 0, $"trunk: {peer}\n{server.Output}");
        Assert.Contains("SECURITY refused a call out by 2099 from 127.0.0.1 to 0046812345678 (dialled): a number abroad needs class of service international", server.Output, StringComparison.Ordinal);
        Assert.Contains("SECURITY refused a call out by 2001 from 127.0.0.1 to 90123456 (dialled): a premium-rate number needs a pattern of outbound: allow that names its premium prefix", server.Output, StringComparison.Ordinal);
    }
}
