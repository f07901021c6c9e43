using System.Buffers.Binary;
using System.Text;

namespace Omstilling.Media.Rtp;

/// <summary>
/// RTCP compound packets (RFC 3550 §6): a sender report (while we send) or a receiver report,
/// always followed by an SDES with our CNAME, as §6.1 requires.
/// </summary>
public static class RtcpPacket
{
    public const byte SenderReport = 200;
    public const byte ReceiverReport = 201;
    public const byte SourceDescription = 202;
    public const byte Goodbye = 203;

    /// <summary>Seconds between 1900 (NTP epoch) and 1970.</summary>
    private const long NtpEpochOffset = 2_208_988_800;

    /// <summary>Writes SR or RR (+ one report block when we receive) + SDES CNAME; returns the length.</summary>
    public static int WriteReport(Span<byte> buffer, uint ssrc, string cname, SenderInfo? sender, ReportBlock? block)
    {
        var pos = 0;
        var blocks = block is null ? 0 : 1;
        var type = sender is null ? ReceiverReport : SenderReport;
        var words = (sender is null ? 1 : 6) + (6 * blocks); // length in 32-bit words minus one
        buffer[0] = (byte)(0x80 | blocks);
        buffer[1] = type;
        BinaryPrimitives.WriteUInt16BigEndian(buffer[2..], (ushort)words);
        BinaryPrimitives.WriteUInt32BigEndian(buffer[4..], ssrc);
        pos = 8;
        if (sender is { } s)
        {
            var seconds = s.Wallclock.ToUnixTimeMilliseconds() / 1000.0 + NtpEpochOffset;
            var whole = (uint)Math.Floor(seconds);
            var fraction = (uint)((seconds - Math.Floor(seconds)) * 4294967296.0);
            BinaryPrimitives.WriteUInt32BigEndian(buffer[pos..], whole);
            BinaryPrimitives.WriteUInt32BigEndian(buffer[(pos + 4)..], fraction);
            BinaryPrimitives.WriteUInt32BigEndian(buffer[(pos + 8)..], s.RtpTimestamp);
            BinaryPrimitives.WriteUInt32BigEndian(buffer[(pos + 12)..], s.PacketCount);
            BinaryPrimitives.WriteUInt32BigEndian(buffer[(pos + 16)..], s.OctetCount);
            pos += 20;
        }

        if (block is { } b)
        {
            BinaryPrimitives.WriteUInt32BigEndian(buffer[pos..], b.Ssrc);
            BinaryPrimitives.WriteUInt32BigEndian(buffer[(pos + 4)..], ((uint)b.FractionLost << 24) | (uint)Math.Clamp(b.CumulativeLost, 0, 0x7FFFFF));
            BinaryPrimitives.WriteUInt32BigEndian(buffer[(pos + 8)..], b.ExtendedHighest);
            BinaryPrimitives.WriteUInt32BigEndian(buffer[(pos + 12)..], b.Jitter);
            BinaryPrimitives.WriteUInt32BigEndian(buffer[(pos + 16)..], b.LastSenderReport);
            BinaryPrimitives.WriteUInt32BigEndian(buffer[(pos + 20)..], b.DelaySinceLastSenderReport);
            pos += 24;
        }

        // SDES: one chunk with CNAME, padded to a 32-bit boundary with at least one zero byte.
        var name = Encoding.UTF8.GetBytes(cname);
        var chunk = 4 + 2 + name.Length + 1;
        var padded = (chunk + 3) & ~3;
        buffer[pos] = 0x81;
        buffer[pos + 1] = SourceDescription;
        BinaryPrimitives.WriteUInt16BigEndian(buffer[(pos + 2)..], (ushort)(padded / 4));
        BinaryPrimitives.WriteUInt32BigEndian(buffer[(pos + 4)..], ssrc);
        buffer[pos + 8] = 1; // CNAME
        buffer[pos + 9] = (byte)name.Length;
        name.CopyTo(buffer[(pos + 10)..]);
        buffer.Slice(pos + 10 + name.Length, padded - chunk + 1).Clear();
        return pos + 4 + padded;
    }

    /// <summary>Reads the packet types of a compound RTCP packet; false when it is malformed.</summary>
    public static bool TryReadTypes(ReadOnlySpan<byte> packet, List<byte> types)
    {
        ArgumentNullException.ThrowIfNull(types);
        var pos = 0;
        while (pos + 4 <= packet.Length)
        {
            if ((packet[pos] >> 6) != 2)
            {
                return false;
            }

            types.Add(packet[pos + 1]);
            pos += 4 * (BinaryPrimitives.ReadUInt16BigEndian(packet[(pos + 2)..]) + 1);
        }

        return pos == packet.Length && types.Count > 0;
    }

    /// <summary>What a sender report says about our sending.</summary>
    public readonly record struct SenderInfo(DateTimeOffset Wallclock, uint RtpTimestamp, uint PacketCount, uint OctetCount);

    /// <summary>A reception report about one source (RFC 3550 §6.4.1).</summary>
    public readonly record struct ReportBlock(uint Ssrc, byte FractionLost, int CumulativeLost, uint ExtendedHighest, uint Jitter, uint LastSenderReport, uint DelaySinceLastSenderReport);
}
