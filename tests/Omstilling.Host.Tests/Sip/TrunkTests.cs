using System.Text.Json;
using Omstilling.Host.Tests.Support;

namespace Omstilling.Host.Tests.Sip;

/// <summary>
/// The SIP trunk with a SIPp trunk as the peer: digest registration and a challenged INVITE to
/// an external number the policy names, and IP trust for calls coming in from outside.
/// </summary>
public sealed class TrunkTests
{
    private static readonly string[] Account = ["--trunk-user", "omstilling", "--trunk-register"];

    [Fact]
    public async Task The_platform_registers_with_the_trunk_and_answers_its_challenge_to_reach_the_snow_watch()
    {
        var passwordFile = Path.GetTempFileName();
        await File.WriteAllTextAsync(passwordFile, "hemmelig\n");
        var trunkPort = FreePort.Next();
        var trunk = Sipp.RunAsync("uas_trunk_auth.xml", 0, trunkPort, calls: 2, "127.0.0.1");
        Assert.True(await FreePort.WaitUntilBoundAsync(trunkPort, TimeSpan.FromSeconds(10)), "the trunk's SIPp did not start");
        await using var server = await ServerProcess.StartAsync(["--at", "2026-12-01 22:00", "--trunk", $"127.0.0.1:{trunkPort}", "--trunk-password-file", passwordFile, .. Account]);
        File.Delete(passwordFile);
        Assert.True(await server.WaitForStatusAsync(s => s.GetProperty("trunk").GetProperty("registered").GetBoolean(), TimeSpan.FromSeconds(10)), server.Output);

        var caller = await Sipp.RunAsync("uac_menu_keys.xml", server.SipPort, FreePort.Next(), ("callee", "54731000"), ("key1", "1"), ("key2", "5"));

        Assert.True(caller.ExitCode == 0, $"caller: {caller}\n{server.Output}");
        var peer = await trunk;
        Assert.True(peer.ExitCode == 0, $"trunk: {peer}\n{server.Output}");
        Assert.Contains(await server.EventsAsync(), e => e.GetProperty("kind").GetString() == "Answered" && e.GetProperty("answeredBy").GetString() == "20304035");
    }

    [Fact]
    public async Task A_wrong_trunk_password_leaves_the_platform_unregistered_and_says_why()
    {
        var trunkPort = FreePort.Next();
        var trunk = Sipp.RunAsync("uas_trunk_auth.xml", 0, trunkPort, calls: 1, "127.0.0.1");
        Assert.True(await FreePort.WaitUntilBoundAsync(trunkPort, TimeSpan.FromSeconds(10)), "the trunk's SIPp did not start");
        await using var server = await ServerProcess.StartWithEnvironmentAsync(
            new Dictionary<string, string> { ["OMSTILLING_TRUNK_PASSWORD"] = "forkert" },
            "--trunk", $"127.0.0.1:{trunkPort}", "--trunk-user", "omstilling", "--trunk-register");

        Assert.True(await server.WaitForStatusAsync(s => s.GetProperty("trunk").GetProperty("lastStatus").GetInt32() == 403, TimeSpan.FromSeconds(10)), server.Output);
        Assert.False((await server.StatusAsync()).GetProperty("trunk").GetProperty("registered").GetBoolean());
        Assert.NotEqual(0, (await trunk).ExitCode);
        Assert.Contains("Registration with the trunk 127.0.0.1 failed: 403", server.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_a_trunk_a_call_from_another_address_must_authenticate_even_for_the_main_number()
    {
        await using var server = await ServerProcess.StartAsync("--trunk", $"127.0.0.1:{FreePort.Next()}");

        var stranger = await Sipp.RunAsync("uac_expect_final.xml", server.SipPort, FreePort.Next(), calls: 1, "127.0.0.2",
            ("username", "20304050"), ("password", "-"), ("callee", "54731000"), ("expected", "407"));

        Assert.True(stranger.ExitCode == 0, $"stranger: {stranger}\n{server.Output}");
    }
}
