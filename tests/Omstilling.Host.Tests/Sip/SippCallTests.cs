using Omstilling.Host.Tests.Support;

namespace Omstilling.Host.Tests.Sip;

/// <summary>
/// SIPp as phones on both sides of the B2BUA: a UAC scenario calls a demo extension whose phone is
/// a UAS scenario registered from its own port (SIPp UAC → omstilling → SIPp UAS).
/// </summary>
public sealed class SippCallTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private int Server => fixture.Server.SipPort;

    [Fact]
    public async Task Register_with_digest_authentication_creates_a_binding()
    {
        var port = FreePort.Next();

        await Sipp.RegisterAsync("2021", Server, port);

        Assert.True(await fixture.Server.WaitForStatusAsync(s => s.GetProperty("registrations").GetInt64() >= 1, TimeSpan.FromSeconds(5)));
        var removed = await Sipp.RunAsync("unregister.xml", Server, port, ("username", "2021"), ("password", "demo2021"));
        Assert.True(removed.ExitCode == 0, removed.ToString());
    }

    [Fact]
    public async Task Call_through_the_b2bua_ends_when_the_caller_sends_bye()
    {
        var (caller, callee) = await CallAsync("uac_call_bye.xml", "uas_answer.xml", "2022", "2023");

        Assert.True(caller.ExitCode == 0, $"caller: {caller}\n{fixture.Server.Output}");
        Assert.True(callee.ExitCode == 0, $"callee: {callee}");
    }

    [Fact]
    public async Task Call_through_the_b2bua_ends_when_the_callee_sends_bye()
    {
        var (caller, callee) = await CallAsync("uac_call_wait_bye.xml", "uas_answer_then_bye.xml", "2024", "2025");

        Assert.True(caller.ExitCode == 0, $"caller: {caller}\n{fixture.Server.Output}");
        Assert.True(callee.ExitCode == 0, $"callee: {callee}");
    }

    [Fact]
    public async Task Caller_cancelling_while_it_rings_cancels_the_callee()
    {
        var (caller, callee) = await CallAsync("uac_cancel.xml", "uas_ring_then_cancel.xml", "2026", "2027");

        Assert.True(caller.ExitCode == 0, $"caller: {caller}\n{fixture.Server.Output}");
        Assert.True(callee.ExitCode == 0, $"callee: {callee}");
    }

    [Fact]
    public async Task Busy_callee_gives_the_caller_486()
    {
        var (caller, callee) = await CallAsync("uac_expect_busy.xml", "uas_busy.xml", "2028", "2029");

        Assert.True(caller.ExitCode == 0, $"caller: {caller}\n{fixture.Server.Output}");
        Assert.True(callee.ExitCode == 0, $"callee: {callee}");
    }

    [Fact]
    public async Task Unregistered_callee_gives_the_caller_480()
    {
        var caller = await Sipp.RunAsync("uac_expect_480.xml", Server, FreePort.Next(),
            ("username", "2030"), ("password", "demo2030"), ("callee", "2093"));

        Assert.True(caller.ExitCode == 0, caller.ToString());
    }

    [Fact]
    public async Task Wrong_password_is_refused_again_with_407()
    {
        var caller = await Sipp.RunAsync("uac_expect_final.xml", Server, FreePort.Next(),
            ("username", "2032"), ("password", "not-the-password"), ("callee", "2033"), ("expected", "407"));

        Assert.True(caller.ExitCode == 0, caller.ToString());
    }

    [Fact]
    public async Task Unanswered_call_is_cancelled_after_the_ring_limit_and_the_caller_gets_480()
    {
        var (caller, callee) = await CallAsync("uac_expect_480.xml", "uas_ring_forever.xml", "2034", "2095");

        Assert.True(caller.ExitCode == 0, $"caller: {caller}\n{fixture.Server.Output}");
        Assert.True(callee.ExitCode == 0, $"callee: {callee}");
    }

    /// <summary>Registers the callee's port, starts its UAS scenario there, then runs the caller's scenario.</summary>
    private async Task<(ProcessRunner.Result Caller, ProcessRunner.Result Callee)> CallAsync(string uac, string uas, string from, string to)
    {
        var calleePort = FreePort.Next();
        await Sipp.RegisterAsync(to, Server, calleePort);
        var callee = Sipp.RunAsync(uas, Server, calleePort);
        Assert.True(await FreePort.WaitUntilBoundAsync(calleePort, TimeSpan.FromSeconds(10)), "the callee's SIPp did not start");
        var caller = await Sipp.RunAsync(uac, Server, FreePort.Next(), ("username", from), ("password", "demo" + from), ("callee", to));
        return (caller, await callee);
    }
}
