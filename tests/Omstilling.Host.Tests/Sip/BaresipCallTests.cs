using Omstilling.Host.Tests.Support;

namespace Omstilling.Host.Tests.Sip;

/// <summary>Two real softphones registered as demo extensions call each other through the B2BUA.</summary>
public sealed class BaresipCallTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Two_baresip_phones_register_call_each_other_and_both_see_the_hang_up()
    {
        var server = fixture.Server;
        await using var caller = await Baresip.StartAsync("2011", server.SipPort, autoAnswer: false);
        await using var callee = await Baresip.StartAsync("2012", server.SipPort, autoAnswer: true);
        Assert.True(await caller.WaitUntilRegisteredAsync(Wait), caller.Log);
        Assert.True(await callee.WaitUntilRegisteredAsync(Wait), callee.Log);

        await caller.DialAsync($"sip:2012@127.0.0.1:{server.SipPort}");

        Assert.True(await callee.WaitForEventAsync("CALL_ESTABLISHED", Wait), callee.Log + server.Output);
        Assert.True(await caller.WaitForEventAsync("CALL_ESTABLISHED", Wait), caller.Log + server.Output);
        Assert.True(await server.WaitForStatusAsync(s => s.GetProperty("activeCalls").GetInt32() == 1, Wait));

        await caller.HangUpAsync();

        Assert.True(await callee.WaitForEventAsync("CALL_CLOSED", Wait), callee.Log);
        Assert.True(await caller.WaitForEventAsync("CALL_CLOSED", Wait), caller.Log);
        Assert.True(await server.WaitForStatusAsync(s => s.GetProperty("activeCalls").GetInt32() == 0, Wait));
    }

    [Fact]
    public async Task Callee_hanging_up_closes_the_call_on_both_phones()
    {
        var server = fixture.Server;
        await using var caller = await Baresip.StartAsync("2013", server.SipPort, autoAnswer: false);
        await using var callee = await Baresip.StartAsync("2014", server.SipPort, autoAnswer: true);
        Assert.True(await caller.WaitUntilRegisteredAsync(Wait), caller.Log);
        Assert.True(await callee.WaitUntilRegisteredAsync(Wait), callee.Log);
        await caller.DialAsync($"sip:2014@127.0.0.1:{server.SipPort}");
        Assert.True(await caller.WaitForEventAsync("CALL_ESTABLISHED", Wait), caller.Log + server.Output);

        await callee.HangUpAsync();

        Assert.True(await caller.WaitForEventAsync("CALL_CLOSED", Wait), caller.Log);
        Assert.True(await callee.WaitForEventAsync("CALL_CLOSED", Wait), callee.Log);
    }
}
