using Microsoft.Extensions.DependencyInjection;
using Omstilling.Calls.Control;
using Omstilling.Host.Tests.Support;

namespace Omstilling.Host.Tests.Sip;

/// <summary>
/// "Ring op" to a citizen's number goes through the trunk: the operator's phone (SIPp) rings and
/// answers, then the server calls the number through the trunk (a SIPp peer at --trunk), which
/// sees the main number as the caller; the two talk until the citizen hangs up.
/// </summary>
public sealed class CallBackTrunkTests
{
    [Fact]
    public async Task Ring_op_calls_the_operators_phone_then_the_citizen_through_the_trunk_showing_the_main_number()
    {
        var trunkPort = FreePort.Next();
        var trunk = Sipp.RunLongAsync("uas_trunk_callback.xml", 0, trunkPort, TimeSpan.Zero, TimeSpan.FromSeconds(60));
        Assert.True(await FreePort.WaitUntilBoundAsync(trunkPort, TimeSpan.FromSeconds(10)), "the trunk's SIPp did not start");
        await using var server = await InProcessServer.StartAsync([], 0, "--demo", "--at", "2026-12-01 10:00", "--trunk", $"127.0.0.1:{trunkPort}");
        var operatorPort = FreePort.Next();
        await Sipp.RegisterAsync("100", server.SipPort, operatorPort);
        var phone = Sipp.RunLongAsync("uas_answer.xml", server.SipPort, operatorPort, TimeSpan.Zero, TimeSpan.FromSeconds(60));
        Assert.True(await FreePort.WaitUntilBoundAsync(operatorPort, TimeSpan.FromSeconds(10)), "the operator's SIPp did not start");

        var result = server.App.Services.GetRequiredService<ISwitchboardControl>().CallBack("100", "20 30 40 50");

        Assert.Equal(CallControlResult.Done, result);
        var citizen = await trunk;
        Assert.True(citizen.ExitCode == 0, $"trunk: {citizen}");
        var answered = await phone;
        Assert.True(answered.ExitCode == 0, $"operator: {answered}");
    }
}
