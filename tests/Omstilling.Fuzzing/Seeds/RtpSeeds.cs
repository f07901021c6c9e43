using System.Buffers.Binary;
using Omstilling.Media.Dtmf;
using Omstilling.Media.Rtp;

namespace Omstilling.Fuzzing.Seeds;

/// <summary>RTP packets (audio, with CSRCs, an extension, padding, DTMF events) and RTCP compound packets as we and phones send them.</summary>
internal static class RtpSeeds
{
    private static readonly Lazy<byte[][]> LoadedRtp = new(LoadRtp);
    private static readonly Lazy<byte[][]> LoadedRtcp = new(LoadRtcp);

    public static IReadOnlyList<byte[]> Rtp => LoadedRtp.Value;

    public static IReadOnlyList<byte[]> Rtcp => LoadedRtcp.Value;

    private static byte[][] LoadRtp()
    {
        var audio = Packet(new RtpHeader(false, 8, 4711, 160_000, 0x11223344), new byte[160]);
        var marker = Packet(new RtpHeader(true, 0, 65535, uint.MaxValue, 0x55667788), new byte[20]);

        // Two CSRCs (CC = 2), as a mixer sends them.
        var csrc = Packet(new RtpHeader(false, 8, 1, 2, 3), [.. new byte[8], .. new byte[20]]);
        csrc[0] |= 0x02;

        // A one-word header extension (X), e.g. RFC 5285's one-byte form.
        var extension = Packet(new RtpHeader(false, 8, 5, 6, 7), [0xBE, 0xDE, 0x00, 0x01, 0x10, 0xAA, 0x00, 0x00, .. new byte[20]]);
        extension[0] |= 0x10;

        // Three bytes of padding (P), the last saying how many.
        var padded = Packet(new RtpHeader(false, 8, 8, 9, 10), [.. new byte[20], 0, 0, 3]);
        padded[0] |= 0x20;

        var events = Rfc4733Sender.Packets('5', TimeSpan.FromMilliseconds(100))
            .Select((p, i) => Packet(new RtpHeader(p.Marker, 101, (ushort)(100 + i), 8000, 0x11223344), p.Payload));
        return [audio, marker, csrc, extension, padded, .. events, .. LoadRtcp().Take(1)];
    }

    private static byte[][] LoadRtcp()
    {
        var report = new byte[200];
        var sender = RtcpPacket.WriteReport(
            report, 0x11223344, "omstilling@192.0.2.10", new RtcpPacket.SenderInfo(DateTimeOffset.UnixEpoch, 1, 2, 320),
            new RtcpPacket.ReportBlock(0x55667788, 12, 3, 70000, 40, 0, 0));
        var receiverOnly = new byte[200];
        var receiver = RtcpPacket.WriteReport(receiverOnly, 0x55667788, "2001@phone", null, null);
        var bye = new byte[] { 0x81, RtcpPacket.Goodbye, 0x00, 0x01, 0x55, 0x66, 0x77, 0x88 };
        return [report[..sender], receiverOnly[..receiver], [.. receiverOnly[..receiver], .. bye]];
    }

    private static byte[] Packet(RtpHeader header, byte[] payload)
    {
        var packet = new byte[RtpHeader.Size + payload.Length];
        header.Write(packet);
        payload.CopyTo(packet.AsSpan(RtpHeader.Size));
        return packet;
    }

    /// <summary>Records for the RFC 4733 target: a 4-byte timestamp, a length byte, the payload.</summary>
    public static byte[][] EventRecords()
    {
        var presses = new[] { ('1', 160), ('#', 60), ('D', 5000), ('0', 1) };
        var seeds = new List<byte[]>();
        foreach (var (digit, ms) in presses)
        {
            var record = new List<byte>();
            foreach (var (payload, _) in Rfc4733Sender.Packets(digit, TimeSpan.FromMilliseconds(ms)))
            {
                var timestamp = new byte[4];
                BinaryPrimitives.WriteUInt32BigEndian(timestamp, (uint)(digit * 1000));
                record.AddRange([.. timestamp, (byte)payload.Length, .. payload]);
            }

            seeds.Add([.. record]);
        }

        return [.. seeds];
    }
}
