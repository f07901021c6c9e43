using System.Buffers.Binary;

namespace Omstilling.Media.Dtmf;

/// <summary>
/// Turns RFC 4733 telephone-event packets into digits. An event is identified by its RTP
/// timestamp (§2.5.1.2): every packet of one key press (the updates and the three redundant end
/// packets) carries the same timestamp, so the digit is reported once, from whichever packet of
/// it arrives first. The last few events are remembered, not just the last: an end packet of one
/// key that arrives after the next key's first packet (reordered, or retransmitted late) is not a
/// new press. Owned by one stream's receive loop; not thread-safe.
/// </summary>
public sealed class Rfc4733Receiver
{
    /// <summary>Events remembered; a packet of an older event than these would be seconds late.</summary>
    private const int Remembered = 4;

    private readonly uint[] _recent = new uint[Remembered];
    private int _count;

    /// <summary>The digit this packet starts, or null when it continues or ends one already reported, or is not a digit.</summary>
    public char? Receive(uint rtpTimestamp, ReadOnlySpan<byte> payload)
    {
        if (payload.Length < 4 || _recent.AsSpan(0, Math.Min(_count, Remembered)).Contains(rtpTimestamp))
        {
            return null;
        }

        _recent[_count++ % Remembered] = rtpTimestamp;
        return DtmfDigits.FromEvent(payload[0]);
    }

    /// <summary>Reads the end bit and duration of an event packet (for tests and logs).</summary>
    public static (int Event, bool End, ushort Duration) Read(ReadOnlySpan<byte> payload) =>
        (payload[0], (payload[1] & 0x80) != 0, BinaryPrimitives.ReadUInt16BigEndian(payload[2..]));
}
