using Omstilling.Host.Tests.Support;

namespace Omstilling.Host.Tests.Durability;

/// <summary>
/// A phone's registration survives <c>kill -9</c>: SIPp registers 2041 from its port and does
/// nothing more; the server is killed and started again on the same data directory; a call to 2041
/// reaches SIPp answering on that port at once, although it never registered with the new process.
/// </summary>
public sealed class RegistrationRestartTests
{
    [Fact]
    public async Task A_phone_registered_before_kill_9_is_rung_after_the_restart_without_registering_again()
    {
        await using var first = await ServerProcess.StartAsync();
        var phonePort = FreePort.Next();
        await Sipp.RegisterAsync("2041", first.SipPort, phonePort);
        Assert.True(await Eventually.ReachedAsync(() => KilledServer.HasKeptRegistrationAsync(first.DataDirectory, "2041")), "the registration was not written\n" + first.Output);

        await first.KillAsync();
        await using var server = await first.RestartAsync();

        Assert.Equal(1, (await server.StatusAsync()).GetProperty("registrations").GetInt64());
        var callee = Sipp.RunAsync("uas_answer.xml", server.SipPort, phonePort);
        Assert.True(await FreePort.WaitUntilBoundAsync(phonePort, TimeSpan.FromSeconds(10)), "the callee's SIPp did not start");
        var caller = await Sipp.RunAsync("uac_call_bye.xml", server.SipPort, FreePort.Next(), ("username", "2040"), ("password", "demo2040"), ("callee", "2041"));

        Assert.True(caller.ExitCode == 0, $"caller: {caller}\n{server.Output}");
        Assert.True((await callee).ExitCode == 0, "the phone was rung and answered");
        Assert.Contains(server.Output.Split('\n'), line => line.Contains("Restored after the last stop: 1 registration(s)", StringComparison.Ordinal));
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }
}
