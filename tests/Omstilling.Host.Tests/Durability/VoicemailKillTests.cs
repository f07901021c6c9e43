using System.Net;
using Microsoft.EntityFrameworkCore;
using Omstilling.Host.Tests.Support;
using Omstilling.Media.Audio;

namespace Omstilling.Host.Tests.Durability;

/// <summary>
/// <c>kill -9</c> in the middle of a voicemail recording. Camilla Holm (2012) codes a meeting from
/// her phone, so callers reach her box. Bo Jensen (2011, baresip, a 700 Hz tone) leaves a first
/// message, which is kept; then he calls again and the server is killed while his second message is
/// being recorded (its <c>.part</c> file growing). After the restart: the first message is there,
/// whole, listed and served byte for byte; the cut-off recording is neither listed, nor served,
/// nor left on disk.
/// </summary>
public sealed class VoicemailKillTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Killed_during_a_recording_the_kept_message_survives_whole_and_the_cut_off_one_is_never_served()
    {
        await using var first = await ServerProcess.StartAsync("--at", "2026-12-01 10:00");
        var box = Path.Combine(first.DataDirectory, "voicemail", "2012");
        await using (var camilla = await Baresip.StartAsync("2012", first.SipPort, autoAnswer: false))
        {
            Assert.True(await camilla.WaitUntilRegisteredAsync(Wait), camilla.Log);
            await camilla.DialAsync($"sip:*41*1*1400%23@127.0.0.1:{first.SipPort}");
            Assert.True(await camilla.WaitForEventAsync("CALL_CLOSED", Wait), "the meeting is coded and the call ended\n" + camilla.Log + first.Output);
        }

        await using var bo = await Baresip.StartAsync("2011", first.SipPort, autoAnswer: false, toneHz: 700, toneSeconds: 60);
        Assert.True(await bo.WaitUntilRegisteredAsync(Wait), bo.Log);

        // The first message: kept.
        await LeaveMessageAsync(bo, first, 1);
        await Task.Delay(TimeSpan.FromSeconds(3)); // Bo talks
        await bo.HangUpAsync();
        Assert.True(await bo.WaitForEventAsync("CALL_CLOSED", Wait), bo.Log);
        var kept = await Eventually.FoundAsync(() => KilledServer.QueryAsync(first.DataDirectory, db => db.Voicemails.AsNoTracking().FirstOrDefaultAsync(v => v.Box == "2012")));
        var keptBytes = await File.ReadAllBytesAsync(Path.Combine(box, kept.FileName));
        Assert.True(await first.WaitForDemoLoginsAsync(), first.Output); // Camilla's web login, to fetch her messages after the restart

        // The second: killed while it is recorded.
        await LeaveMessageAsync(bo, first, 2);
        var part = await Eventually.FoundAsync(() => Task.FromResult(System.IO.Directory.GetFiles(box, "*.part").FirstOrDefault(f => new FileInfo(f).Length > 8000)));
        await first.KillAsync();
        Assert.True(File.Exists(part), "the recording was cut off half-way, as the test means it to be");
        var cutOffId = Guid.ParseExact(Path.GetFileName(part)[..32], "N");

        await using var server = await first.RestartAsync();
        using var web = await WebLogin.LogInAsync(server.WebPort, "2012", "demo2012");

        Assert.Empty(System.IO.Directory.GetFiles(box, "*.part"));
        Assert.Equal([kept.FileName], System.IO.Directory.GetFiles(box, "*.wav").Select(f => Path.GetFileName(f)));
        var listed = await KilledServer.QueryAsync(server.DataDirectory, db => db.Voicemails.AsNoTracking().Where(v => v.Box == "2012").Select(v => v.Id).ToListAsync());
        Assert.Equal([kept.Id], listed);
        using (var served = await web.GetAsync(new Uri($"/min-telefonsvarer/beskeder/{kept.Id}.wav", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, served.StatusCode);
            var bytes = await served.Content.ReadAsByteArrayAsync();
            Assert.Equal(keptBytes, bytes);
            Assert.InRange(WavReader.Read(bytes, "served", "message").Duration.TotalSeconds, 1.5, 8);
        }

        using (var cutOff = await web.GetAsync(new Uri($"/min-telefonsvarer/beskeder/{cutOffId}.wav", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.NotFound, cutOff.StatusCode);
        }

        Assert.Contains(server.Output.Split('\n'), line => line.Contains("cut off by a stop was removed", StringComparison.Ordinal));
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }

    /// <summary>Bo calls Camilla and reaches her box: the greeting ends and the recording starts (the <paramref name="nth"/> time).</summary>
    private static async Task LeaveMessageAsync(Baresip bo, ServerProcess server, int nth)
    {
        await bo.DialAsync($"sip:2012@127.0.0.1:{server.SipPort}");
        Assert.True(await Eventually.ReachedAsync(() => bo.CountEvents("CALL_ESTABLISHED") == nth, Wait), "the platform answers for Camilla\n" + bo.Log + server.Output);
        Assert.True(
            await Eventually.ReachedAsync(async () => (await server.EventsAsync()).Count(e => CallEvents.Text(e, "kind") == "Voicemail") == nth, Wait),
            "the greeting ends and the recording starts\n" + server.Output);
    }
}
