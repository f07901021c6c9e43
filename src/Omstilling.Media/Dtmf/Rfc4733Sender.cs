using System.Buffers.Binary;

namespace Omstilling.Media.Dtmf;

/// <summary>
/// The packets of one key press as RFC 4733 §2.5.1 sends them: the first with the marker bit,
/// updates every 20 ms with a growing duration, and the end packet three times. All share the
/// timestamp of the event's start.
/// </summary>
public static class Rfc4733Sender
{
    /// <summary>Volume in -dBm0 (10 is a typical keypad level).</summary>
    private const byte Volume = 10;

    /// <summary>
    /// The payloads to send for <paramref name="digit"/>, one per 20 ms tick, with whether each
    /// carries the marker bit. <paramref name="duration"/> is how long the key is held.
    /// </summary>
    public static IReadOnlyList<(byte[] Payload, bool Marker)> Packets(char digit, TimeSpan duration)
    {
        var code = DtmfDigits.ToEvent(digit);
        if (code < 0)
        {
            throw new ArgumentException($"'{digit}' is not a DTMF digit.", nameof(digit));
        }

        var packets = new List<(byte[], bool)>();
        var total = (ushort)Math.Clamp(duration.TotalSeconds * 8000, 160, ushort.MaxValue);
        for (var d = 160; d < total; d += 160)
        {
            packets.Add((Payload(code, end: false, (ushort)d), packets.Count == 0));
        }

        for (var i = 0; i < 3; i++)
        {
            packets.Add((Payload(code, end: true, total), packets.Count == 0));
        }

        return packets;
    }

    private static byte[] Payload(int code, bool end, ushort duration)
    {
        var p = new byte[4];
        p[0] = (byte)code;
        p[1] = (byte)((end ? 0x80 : 0) | Volume);
        BinaryPrimitives.WriteUInt16BigEndian(p.AsSpan(2), duration);
        return p;
    }
}
