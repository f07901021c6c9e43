using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Omstilling.Calls.Control;
using Omstilling.Directory.Live;
using Omstilling.Directory.Model;
using Omstilling.Host.Tests.Support;

namespace Omstilling.Host.Tests.Console;

/// <summary>
/// The console's blind transfer (through <see cref="ISwitchboardControl"/>, as the console sends
/// it) of a citizen to Anne Sørensen (2010), coded "til møde" until 14.00: her phone (baresip) is
/// never offered the call; the citizen (baresip) hears her absence greeting, and then, as her
/// unanswered calls go to the switchboard, the call comes back to the operator's phone (baresip).
/// </summary>
public sealed class TransferToAbsentPersonTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task An_operators_transfer_to_an_absent_person_plays_her_absence_greeting_to_the_caller_and_never_rings_her_phone()
    {
        await using var server = await InProcessServer.StartAsync([], 0, "--demo", "--at", "2026-12-01 10:00");
        await using var op = await Baresip.StartAsync("100", server.SipPort, autoAnswer: true, toneSeconds: 120);
        await using var anne = await Baresip.StartAsync("2010", server.SipPort, autoAnswer: false);
        await using var citizen = await Baresip.StartAsync("40000010", server.SipPort, autoAnswer: false, toneSeconds: 120, register: false);
        Assert.True(await op.WaitUntilRegisteredAsync(Wait), op.Log);
        Assert.True(await anne.WaitUntilRegisteredAsync(Wait), anne.Log);
        var absences = server.App.Services.GetRequiredService<AbsenceBook>();
        absences.Set(new Absence("anne-soerensen", AbsenceCode.Meeting, null, new DateTimeOffset(2026, 12, 1, 13, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero), "100"));
        var control = server.App.Services.GetRequiredService<ISwitchboardControl>();

        await citizen.DialAsync($"sip:54731000@127.0.0.1:{server.SipPort.ToString(CultureInfo.InvariantCulture)}");
        Assert.True(await op.WaitForEventAsync("CALL_ESTABLISHED", Wait), "the operator answers the queue's offer\n" + op.Log);
        Assert.True(await Eventually.ReachedAsync(() => control.CallsInvolving("100").Any(c => c.AnsweredBy == "100"), Wait), "the console sees the operator's call");
        var callId = control.CallsInvolving("100").Single(c => c.AnsweredBy == "100").Id;

        var result = await control.BlindTransferAsync(callId, "100", "2010", "Anne Sørensen", announceName: false, CancellationToken.None);

        Assert.Equal(CallControlResult.Done, result);
        Assert.True(await op.WaitForEventAsync("CALL_CLOSED", Wait), "the operator is released\n" + op.Log);
        Assert.True(
            await Eventually.ReachedAsync(() => op.CountEvents("CALL_ESTABLISHED") == 2, TimeSpan.FromSeconds(40)),
            "after the greeting the call comes back to the operator (her no-answer rule is the switchboard)\n" + op.Log);
        Assert.Equal(new RecallView("2010", "Anne Sørensen", RingOutcome.Absent, "100", control.Snapshot(callId)!.Recall!.At), control.Snapshot(callId)!.Recall);
        await citizen.HangUpAsync();
        Assert.True(await citizen.WaitForEventAsync("CALL_CLOSED", Wait), citizen.Log);

        HeardAudio.AssertContains(await citizen.ReadHeardAsync(), "fravaer-moede", maxLagSeconds: 60);
        Assert.Equal(0, anne.CountEvents("CALL_INCOMING"));
    }
}
