using Omstilling.Media.Rtp;

namespace Omstilling.Media.Tests.Rtp;

public sealed class RtpHeaderTests
{
    [Fact]
    public void Written_header_parses_back()
    {
        var packet = new byte[RtpHeader.Size + 160];
        new RtpHeader(true, 8, 65535, 0xDEADBEEF, 0x01020304).Write(packet);

        Assert.True(RtpHeader.TryParse(packet, out var header, out var payload));

        Assert.Equal(new RtpHeader(true, 8, 65535, 0xDEADBEEF, 0x01020304), header);
        Assert.Equal(160, payload.GetOffsetAndLength(packet.Length).Length);
    }

    [Fact]
    public void Csrcs_extension_and_padding_are_skipped()
    {
        // V=2 P=1 X=1 CC=1, PT 0; CSRC; extension of one word; 2 payload bytes; 2 padding bytes.
        byte[] packet = [0xB1, 0x00, 0, 1, 0, 0, 0, 160, 0, 0, 0, 7, /*csrc*/ 1, 2, 3, 4, /*ext*/ 0xBE, 0xDE, 0, 1, 9, 9, 9, 9, /*payload*/ 0xAA, 0xBB, /*padding*/ 0, 2];

        Assert.True(RtpHeader.TryParse(packet, out _, out var payload));

        Assert.Equal(new byte[] { 0xAA, 0xBB }, packet[payload]);
    }

    [Theory]
    [InlineData(new byte[] { 0x80, 0x08, 0, 1 })] // shorter than a header
    [InlineData(new byte[] { 0x40, 0x08, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1 })] // version 1
    [InlineData(new byte[] { 0x8F, 0x08, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1 })] // 15 CSRCs announced, none there
    [InlineData(new byte[] { 0xA0, 0x08, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1, 0xFF })] // padding longer than the packet
    [InlineData(new byte[] { 0x80, 0xC8, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1 })] // an RTCP sender report on the RTP port
    public void Malformed_packets_are_refused(byte[] packet)
    {
        Assert.False(RtpHeader.TryParse(packet, out _, out _));
    }

    [Fact]
    public void Reception_statistics_follow_wraparound_loss_and_jitter()
    {
        var stats = new ReceptionStatistics();
        ushort seq = 65530;
        uint ts = 1000;
        for (var i = 0; i < 20; i++)
        {
            if (i != 7)
            {
                stats.Update(new RtpHeader(false, 8, seq, ts, 42), arrival: ts + 5000 + (i % 2 == 0 ? 0 : 16));
            }

            seq++;
            ts += 160;
        }

        Assert.Equal(19, stats.Received);
        Assert.Equal(20, stats.Expected);
        Assert.Equal(1, stats.Lost);
        Assert.Equal((1u << 16) + 13, stats.ExtendedHighest);
        Assert.InRange(stats.Jitter, 1u, 16u);
        Assert.Equal((byte)(256 / 20), stats.TakeFractionLost());
    }

    [Fact]
    public void Rtcp_report_is_a_valid_compound_packet_with_sdes()
    {
        var buffer = new byte[256];
        var length = RtcpPacket.WriteReport(buffer, 7, "omstilling@example",
            new RtcpPacket.SenderInfo(DateTimeOffset.UnixEpoch, 1600, 10, 1600),
            new RtcpPacket.ReportBlock(42, 12, 1, 65549, 3, 0, 0));
        var types = new List<byte>();

        Assert.True(RtcpPacket.TryReadTypes(buffer.AsSpan(0, length), types));
        Assert.Equal([RtcpPacket.SenderReport, RtcpPacket.SourceDescription], types);
        Assert.Equal(0, length % 4);
    }
}
