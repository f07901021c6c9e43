using Omstilling.Host.Tests.Support;
using Omstilling.Media.Audio;

namespace Omstilling.Host.Tests.Staff;

/// <summary>
/// Absence keyed on a real phone (baresip) reaches callers: Anne Sørensen (2010) keys
/// <c>*41*1*1400#</c> ("til møde" until 14:00) a minute before two on a Tuesday. Bo Jensen (2011)
/// then calls her: her phone does not ring, and Bo hears "Du har ringet til Anne Sørensen, som er
/// til møde, og træffes igen klokken fjorten". Once the server's clock has passed 14:00, the same
/// call rings her phone again. <c>#41#</c> clears a coding at once.
/// </summary>
public sealed class AbsenceFromPhoneTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    /// <summary>14:00 in Copenhagen on Tuesday 1 December 2026 (winter time, UTC+1).</summary>
    private static readonly DateTimeOffset BackAt = new(2026, 12, 1, 13, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_meeting_keyed_until_14_00_answers_callers_with_the_absence_greeting_and_the_phone_rings_again_after_14_00()
    {
        await using var server = await ServerProcess.StartAsync("--at", "2026-12-01 13:59:10");
        await using var anne = await Baresip.StartAsync("2010", server.SipPort, autoAnswer: true);
        await using var bo = await Baresip.StartAsync("2011", server.SipPort, autoAnswer: false);
        Assert.True(await anne.WaitUntilRegisteredAsync(Wait), anne.Log);
        Assert.True(await bo.WaitUntilRegisteredAsync(Wait), bo.Log);

        await anne.DialAsync($"sip:*41*1*1400%23@127.0.0.1:{server.SipPort}");
        Assert.True(await anne.WaitForEventAsync("CALL_ESTABLISHED", Wait), anne.Log + server.Output);
        Assert.True(await anne.WaitForEventAsync("CALL_CLOSED", Wait), "the server ends a feature code's call after its confirmation\n" + anne.Log);
        HeardAudio.AssertContains(await anne.ReadHeardAsync(), "fravaer-registreret", maxLagSeconds: 2);

        await bo.DialAsync($"sip:2010@127.0.0.1:{server.SipPort}");
        Assert.True(await bo.WaitForEventAsync("CALL_ESTABLISHED", Wait), "the platform answers for Anne\n" + bo.Log + server.Output);
        Assert.True(await server.WaitForEventAsync("Diverted", null, e => CallEvents.Text(e, "party") == "2010" && CallEvents.Text(e, "detail")!.Contains("absent", StringComparison.Ordinal)), server.Output);
        Assert.True(await GreetingPlayedAsync(server, "2010"), server.Output);
        await bo.HangUpAsync();
        Assert.True(await bo.WaitForEventAsync("CALL_CLOSED", Wait), bo.Log);
        var heard = await bo.ReadHeardAsync();
        HeardAudio.AssertContains(heard, "du-har-ringet-til", maxLagSeconds: 2);
        var name = Path.Combine(server.DataDirectory, "prompts", "spoken", "navn-anne-soerensen.wav");
        Assert.True(File.Exists(name), "her name was spoken for callers when she was coded absent");
        HeardAudio.AssertContains(heard, WavReader.Read(name).Samples.ToArray(), "her name", maxLagSeconds: 4);
        HeardAudio.AssertContains(heard, "fravaer-moede", maxLagSeconds: 5);
        HeardAudio.AssertContains(heard, "tal-14", maxLagSeconds: 10);
        Assert.Equal(1, anne.CountEvents("CALL_ESTABLISHED")); // her own feature code's call only: her phone did not ring

        // The server's clock runs on from 13:59:10; past 14:00 the coding has ended.
        var serverNow = (await server.EventsAsync()).Select(e => e.GetProperty("at").GetDateTimeOffset()).Max();
        if (BackAt - serverNow + TimeSpan.FromSeconds(1) is { Ticks: > 0 } left)
        {
            Assert.True(left < TimeSpan.FromSeconds(60), $"the server's clock is at {serverNow:O}");
            await Task.Delay(left);
        }

        await bo.DialAsync($"sip:2010@127.0.0.1:{server.SipPort}");
        Assert.True(await Eventually.ReachedAsync(() => anne.CountEvents("CALL_ESTABLISHED") == 2, Wait), "after 14:00 Anne's phone rings again (and answers)\n" + anne.Log + server.Output);
        Assert.True(await bo.WaitForEventAsync("CALL_ESTABLISHED", Wait), bo.Log);
        await bo.HangUpAsync();
    }

    [Fact]
    public async Task Absence_until_cleared_is_cleared_by_41_hash_and_calls_ring_again()
    {
        await using var server = await ServerProcess.StartAsync("--at", "2026-12-01 10:00");
        await using var anne = await Baresip.StartAsync("2010", server.SipPort, autoAnswer: true);
        await using var bo = await Baresip.StartAsync("2011", server.SipPort, autoAnswer: false);
        Assert.True(await anne.WaitUntilRegisteredAsync(Wait), anne.Log);
        Assert.True(await bo.WaitUntilRegisteredAsync(Wait), bo.Log);

        await anne.DialAsync($"sip:*41*3%23@127.0.0.1:{server.SipPort}"); // 3 = ferie, until cleared
        Assert.True(await anne.WaitForEventAsync("CALL_CLOSED", Wait), anne.Log + server.Output);
        await bo.DialAsync($"sip:2010@127.0.0.1:{server.SipPort}");
        Assert.True(await server.WaitForEventAsync("Diverted", null, e => CallEvents.Text(e, "party") == "2010"), server.Output);
        Assert.True(await GreetingPlayedAsync(server, "2010"), server.Output);
        await bo.HangUpAsync();
        Assert.True(await bo.WaitForEventAsync("CALL_CLOSED", Wait), bo.Log);
        HeardAudio.AssertContains(await bo.ReadHeardAsync(), "fravaer-ferie", maxLagSeconds: 5);

        await anne.DialAsync($"sip:%2341%23@127.0.0.1:{server.SipPort}");
        Assert.True(await Eventually.ReachedAsync(() => anne.CountEvents("CALL_CLOSED") == 2, Wait), "the clearing call ends\n" + anne.Log);
        HeardAudio.AssertContains(await anne.ReadHeardAsync(), "fravaer-slettet", maxLagSeconds: 2);
        Assert.Equal(2, anne.CountEvents("CALL_ESTABLISHED")); // her two feature codes' calls only

        await bo.DialAsync($"sip:2010@127.0.0.1:{server.SipPort}");
        Assert.True(await Eventually.ReachedAsync(() => anne.CountEvents("CALL_ESTABLISHED") == 3, Wait), "once cleared, Anne's phone rings again\n" + anne.Log + server.Output);
        await bo.HangUpAsync();
    }

    /// <summary>
    /// The last call diverted as absent from <paramref name="party"/> has gone on by the no-answer rule
    /// (a Routed event of the call after its Diverted one), so its greeting has been played to the end.
    /// </summary>
    private static Task<bool> GreetingPlayedAsync(ServerProcess server, string party) =>
        Eventually.ReachedAsync(async () =>
        {
            var events = await server.EventsAsync();
            var diverted = Array.FindLastIndex(events, e => CallEvents.Text(e, "kind") == "Diverted" && CallEvents.Text(e, "party") == party);
            var callId = diverted < 0 ? null : CallEvents.Text(events[diverted], "callId");
            return callId is not null && events.Skip(diverted + 1).Any(e => CallEvents.Text(e, "kind") == "Routed" && CallEvents.Text(e, "callId") == callId);
        }, TimeSpan.FromSeconds(20));
}
