using Omstilling.Host.Tests.Support;

namespace Omstilling.Host.Tests.Staff;

/// <summary>
/// Forwarding keyed on a real phone: Birgitte Holst (2001, baresip) keys <c>*21*2002#</c>; a call
/// from Henrik (2003) to 2001 then rings 2002 (SIPp), which is told whose call it is (Diversion
/// and "Birgitte Holst (viderestillet)", checked by the scenario) while 2001 does not ring.
/// <c>#21#</c> cancels it and 2001 rings again. The forwarding is kept in the database.
/// </summary>
public sealed class ForwardingFromPhoneTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Star_21_forwards_every_call_to_the_colleague_with_diversion_and_hash_21_cancels_it()
    {
        await using var server = await ServerProcess.StartAsync("--at", "2026-12-01 10:00");
        await using var birgitte = await Baresip.StartAsync("2001", server.SipPort, autoAnswer: true);
        await using var henrik = await Baresip.StartAsync("2003", server.SipPort, autoAnswer: false);
        Assert.True(await birgitte.WaitUntilRegisteredAsync(Wait), birgitte.Log);
        Assert.True(await henrik.WaitUntilRegisteredAsync(Wait), henrik.Log);
        var signePort = FreePort.Next();
        await Sipp.RegisterAsync("2002", server.SipPort, signePort);

        await birgitte.DialAsync($"sip:*21*2002%23@127.0.0.1:{server.SipPort}");
        Assert.True(await birgitte.WaitForEventAsync("CALL_CLOSED", Wait), "the server ends a feature code's call after its confirmation\n" + birgitte.Log + server.Output);
        var confirmation = await birgitte.ReadHeardAsync();
        HeardAudio.AssertContains(confirmation, "viderestilling-altid", maxLagSeconds: 2);
        HeardAudio.AssertContains(confirmation, "tal-2", maxLagSeconds: 5); // "… til to nul nul to"

        var signe = Sipp.RunAsync("uas_forwarded_from_2001.xml", server.SipPort, signePort);
        await henrik.DialAsync($"sip:2001@127.0.0.1:{server.SipPort}");
        Assert.True(await henrik.WaitForEventAsync("CALL_ESTABLISHED", Wait), "2002 takes the forwarded call\n" + henrik.Log + server.Output);
        await henrik.HangUpAsync();
        var taken = await signe;
        Assert.True(taken.ExitCode == 0, $"the forwarded INVITE said whose call it was: {taken}\n{server.Output}");
        Assert.Equal(1, birgitte.CountEvents("CALL_ESTABLISHED")); // her own feature code's call only
        Assert.True(await server.WaitForEventAsync("Diverted", null, e => CallEvents.Text(e, "party") == "2001" && CallEvents.Text(e, "target") == "2002"), server.Output);

        await birgitte.DialAsync($"sip:%2321%23@127.0.0.1:{server.SipPort}");
        Assert.True(await Eventually.ReachedAsync(() => birgitte.CountEvents("CALL_CLOSED") == 2, Wait), "the cancelling call ends\n" + birgitte.Log);
        HeardAudio.AssertContains(await birgitte.ReadHeardAsync(), "viderestilling-slaaet-fra", maxLagSeconds: 2);
        await henrik.DialAsync($"sip:2001@127.0.0.1:{server.SipPort}");
        Assert.True(await Eventually.ReachedAsync(() => birgitte.CountEvents("CALL_ESTABLISHED") == 3, Wait), "once cancelled, 2001 rings again\n" + birgitte.Log + server.Output);
        await henrik.HangUpAsync();
    }
}
