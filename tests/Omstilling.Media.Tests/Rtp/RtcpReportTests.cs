using Omstilling.Media.Rtp;
using Omstilling.Media.Tests.Support;

namespace Omstilling.Media.Tests.Rtp;

/// <summary>
/// RTCP reports (RFC 3550 §6): every stream reports to its phone's RTCP port once per interval,
/// made on the media clock and spread over the interval's ticks rather than sent all at once.
/// </summary>
public sealed class RtcpReportTests
{
    [Fact]
    public async Task Each_stream_reports_once_per_interval_on_the_media_clock()
    {
        await using var f = new MediaFixture(reportInterval: TimeSpan.FromMilliseconds(100)); // 5 ticks
        var a = f.Server.CreateStream();
        var b = f.Server.CreateStream();
        MediaFixture.Connect(a, b);
        a.SendAudio(new short[160]);

        f.Clock.Tick(5);
        Assert.Equal((1, 1), (a.ReportsSent, b.ReportsSent));
        Assert.True(await Eventually.ReachedAsync(() => a.ReportsReceived == 1 && b.ReportsReceived == 1), "each phone got a valid report");

        f.Clock.Tick(5);
        Assert.Equal((2, 2), (a.ReportsSent, b.ReportsSent));
        Assert.True(await Eventually.ReachedAsync(() => a.ReportsReceived == 2 && b.ReportsReceived == 2), "each phone got a valid report");
        Assert.Equal(0, a.MalformedPackets + b.MalformedPackets);
    }

    [Fact]
    public async Task Reports_are_spread_over_the_interval_and_leave_the_clock_with_the_last_stream()
    {
        await using var f = new MediaFixture(reportInterval: TimeSpan.FromMilliseconds(200)); // 10 ticks
        var streams = Enumerable.Range(0, 10).Select(_ => f.Server.CreateStream()).ToList();
        for (var i = 0; i < streams.Count; i += 2)
        {
            MediaFixture.Connect(streams[i], streams[i + 1]);
        }

        Assert.Equal(1, f.Clock.Count);
        for (var tick = 1; tick <= 10; tick++)
        {
            f.Clock.Tick();
            Assert.Equal(tick, streams.Sum(s => s.ReportsSent)); // one stream's report per tick
        }

        Assert.All(streams, s => Assert.Equal(1, s.ReportsSent));
        Assert.True(await Eventually.ReachedAsync(() => streams.All(s => s.ReportsReceived == 1)), "every phone got its report");
        foreach (var stream in streams)
        {
            await stream.DisposeAsync();
        }

        Assert.Equal(0, f.Clock.Count);
    }
}
