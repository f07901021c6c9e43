using Microsoft.EntityFrameworkCore;
using Omstilling.Host.Tests.Support;

namespace Omstilling.Host.Tests.Durability;

/// <summary>
/// No ghost calls after <c>kill -9</c>: a call between two phones (baresip) is up when the server
/// is killed; the next start closes it in the history as ended by the restart (its record and a
/// last <c>Ended</c> event), and the live state holds no call.
/// </summary>
public sealed class CutOffCallTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task A_call_up_at_kill_9_is_closed_in_the_history_as_ended_by_the_restart_and_is_not_live_after_it()
    {
        await using var first = await ServerProcess.StartAsync();
        await using var caller = await Baresip.StartAsync("2040", first.SipPort, autoAnswer: false);
        await using var callee = await Baresip.StartAsync("2043", first.SipPort, autoAnswer: true);
        Assert.True(await caller.WaitUntilRegisteredAsync(Wait) && await callee.WaitUntilRegisteredAsync(Wait), caller.Log + callee.Log);
        await caller.DialAsync($"sip:2043@127.0.0.1:{first.SipPort}");
        Assert.True(await caller.WaitForEventAsync("CALL_ESTABLISHED", Wait), caller.Log + first.Output);
        Assert.True(await first.WaitForEventAsync("Answered", null), first.Output);
        Assert.True(
            await Eventually.ReachedAsync(() => KilledServer.QueryAsync(first.DataDirectory, db => db.CallEvents.AnyAsync(e => e.Kind == "Answered"))),
            "the call's events were not written\n" + first.Output);

        await first.KillAsync();
        await using var server = await first.RestartAsync();

        Assert.Equal(0, (await server.StatusAsync()).GetProperty("activeCalls").GetInt32());
        var record = await KilledServer.QueryAsync(server.DataDirectory, db => db.CallRecords.SingleAsync());
        Assert.Equal(("2040", "2043", "2043", "PlatformRestarted"), (record.Caller, record.Dialled, record.AnsweredBy, record.EndReason));
        var last = await KilledServer.QueryAsync(server.DataDirectory, db => db.CallEvents.Where(e => e.CallId == record.CallId).OrderByDescending(e => e.Sequence).FirstAsync());
        Assert.Equal(("Ended", "PlatformRestarted"), (last.Kind, last.EndReason));
        Assert.Equal(record.EndedAt, last.At);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }
}
