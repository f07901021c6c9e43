using System.Buffers.Binary;

namespace Omstilling.Media.Rtp;

/// <summary>
/// The fixed RTP header (RFC 3550 §5.1) plus where the payload lies. Parsing never throws:
/// a malformed packet is reported as such, counted and dropped by the stream.
/// </summary>
public readonly record struct RtpHeader(bool Marker, byte PayloadType, ushort SequenceNumber, uint Timestamp, uint Ssrc)
{
    /// <summary>Bytes of the header we write: no CSRCs, no extension.</summary>
    public const int Size = 12;

    /// <summary>
    /// Parses a packet: version 2, CSRC list, header extension and padding are honoured and their
    /// lengths checked against the packet size.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<byte> packet, out RtpHeader header, out Range payload)
    {
        header = default;
        payload = default;
        if (packet.Length < Size || (packet[0] >> 6) != 2)
        {
            return false;
        }

        var csrcCount = packet[0] & 0x0F;
        var offset = Size + (4 * csrcCount);
        if ((packet[0] & 0x10) != 0)
        {
            if (packet.Length < offset + 4)
            {
                return false;
            }

            offset += 4 + (4 * BinaryPrimitives.ReadUInt16BigEndian(packet[(offset + 2)..]));
        }

        var end = packet.Length;
        if ((packet[0] & 0x20) != 0)
        {
            var padding = packet[^1];
            if (padding == 0 || padding > end - offset)
            {
                return false;
            }

            end -= padding;
        }

        if (offset > end)
        {
            return false;
        }

        var payloadType = (byte)(packet[1] & 0x7F);
        if (payloadType is >= 72 and <= 76)
        {
            return false; // RTCP packet types 200-204 on the RTP port (RFC 5761 §4)
        }

        header = new RtpHeader(
            (packet[1] & 0x80) != 0,
            payloadType,
            BinaryPrimitives.ReadUInt16BigEndian(packet[2..]),
            BinaryPrimitives.ReadUInt32BigEndian(packet[4..]),
            BinaryPrimitives.ReadUInt32BigEndian(packet[8..]));
        payload = offset..end;
        return true;
    }

    public void Write(Span<byte> destination)
    {
        destination[0] = 0x80;
        destination[1] = (byte)((Marker ? 0x80 : 0) | (PayloadType & 0x7F));
        BinaryPrimitives.WriteUInt16BigEndian(destination[2..], SequenceNumber);
        BinaryPrimitives.WriteUInt32BigEndian(destination[4..], Timestamp);
        BinaryPrimitives.WriteUInt32BigEndian(destination[8..], Ssrc);
    }
}
