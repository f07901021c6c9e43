using Omstilling.Media.Rtp;
using Omstilling.Media.Sdp;
using Omstilling.Media.Srtp;
using Omstilling.Media.Tests.Support;

namespace Omstilling.Media.Tests.Rtp;

/// <summary>Two of our streams keyed by SDES: audio, digits and RTCP reports cross as SRTP and SRTCP, and a wrong key lets nothing through.</summary>
public sealed class SrtpStreamTests
{
    private static void Connect(RtpStream a, RtpStream b, SdesKeys aKeys, SdesKeys bKeys)
    {
        a.Configure(new NegotiatedAudio(AudioCodec.Pcma, 8, 101, b.LocalEndPoint, MediaDirection.SendReceive) { Srtp = aKeys });
        b.Configure(new NegotiatedAudio(AudioCodec.Pcma, 8, 101, a.LocalEndPoint, MediaDirection.SendReceive) { Srtp = bKeys });
    }

    [Fact]
    public async Task Audio_and_srtcp_reports_cross_between_two_srtp_streams()
    {
        await using var f = new MediaFixture(reportInterval: TimeSpan.FromMilliseconds(100)); // 5 ticks
        var a = f.Server.CreateStream();
        var b = f.Server.CreateStream();
        var (ka, kb) = (SrtpMasterKey.Generate(), SrtpMasterKey.Generate());
        Connect(a, b, new SdesKeys(ka, kb), new SdesKeys(kb, ka));
        var heard = new Collector();
        b.Listener = heard;
        var tone = Enumerable.Range(0, 160).Select(i => (short)(6000 * Math.Sin(2 * Math.PI * 440 * i / 8000))).ToArray();

        for (var i = 0; i < 5; i++)
        {
            a.SendAudio(tone);
        }

        f.Clock.Tick(5);

        Assert.True(a.IsSecure && b.IsSecure);
        Assert.True(await Eventually.ReachedAsync(() => heard.Packets == 5), $"{heard.Packets} of 5 packets heard");
        Assert.True(await Eventually.ReachedAsync(() => a.ReportsReceived == 1 && b.ReportsReceived == 1), "each end got an SRTCP report it could read");
        Assert.Equal(0, a.SrtpRejected + b.SrtpRejected + a.MalformedPackets + b.MalformedPackets);
        var first = heard.Audio.AsSpan(0, 160);
        Assert.InRange(first[20], tone[20] - 300, tone[20] + 300); // A-law is within a few % of the original
    }

    [Fact]
    public async Task A_stream_keyed_with_the_wrong_key_hears_nothing_and_counts_the_packets_it_dropped()
    {
        await using var f = new MediaFixture(reportInterval: TimeSpan.FromMilliseconds(100));
        var a = f.Server.CreateStream();
        var b = f.Server.CreateStream();
        var (ka, kb) = (SrtpMasterKey.Generate(), SrtpMasterKey.Generate());
        Connect(a, b, new SdesKeys(ka, kb), new SdesKeys(kb, SrtpMasterKey.Generate()));
        var heard = new Collector();
        b.Listener = heard;

        for (var i = 0; i < 5; i++)
        {
            a.SendAudio(new short[160]);
        }

        f.Clock.Tick(5);

        Assert.True(await Eventually.ReachedAsync(() => b.SrtpRejected >= 6), $"b dropped {b.SrtpRejected} packets (5 RTP, 1 SRTCP expected)");
        Assert.Equal(0, heard.Packets);
        Assert.Equal(0, b.ReportsReceived);
        Assert.Equal(0, b.PacketsReceived);
    }

    [Fact]
    public async Task A_plain_stream_becomes_srtp_when_keyed_and_media_flows_on_through_a_re_offer_of_the_same_keys()
    {
        await using var f = new MediaFixture();
        var a = f.Server.CreateStream();
        var b = f.Server.CreateStream();
        MediaFixture.Connect(a, b);
        Assert.False(a.IsSecure);
        var (ka, kb) = (SrtpMasterKey.Generate(), SrtpMasterKey.Generate());
        Connect(a, b, new SdesKeys(ka, kb), new SdesKeys(kb, ka));
        var heard = new Collector();
        b.Listener = heard;
        a.SendAudio(new short[160]);
        Assert.True(await Eventually.ReachedAsync(() => heard.Packets == 1));

        // The same keys again, as equal copies (a hold and resume): packets keep flowing.
        Connect(a, b, new SdesKeys(SrtpMasterKey.FromBytes(Bytes(ka)), kb), new SdesKeys(kb, ka));
        a.SendAudio(new short[160]);

        Assert.True(await Eventually.ReachedAsync(() => heard.Packets == 2));
        Assert.Equal(0, b.SrtpRejected);
    }

    private static byte[] Bytes(SrtpMasterKey key) => Convert.FromBase64String(key.ToBase64());
}
