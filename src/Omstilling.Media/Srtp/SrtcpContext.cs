using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Omstilling.Media.Srtp;

/// <summary>
/// One direction of SRTCP (RFC 3711 §3.4) with AES_CM_128_HMAC_SHA1_80: everything after the
/// first 8 bytes (header and sender SSRC) is encrypted, then E || the 31-bit SRTCP index and the
/// 80-bit tag are appended; authentication is mandatory. Nothing is allocated per packet. Not
/// thread-safe: one sender (under the stream's send lock) or one receive thread at a time.
/// </summary>
internal sealed class SrtcpContext : IDisposable
{
    /// <summary>Bytes SRTCP adds to an RTCP compound packet: E and index (4), tag (10).</summary>
    public const int Overhead = 4 + SrtpSessionKeys.TagLength;

    private const int ClearHeader = 8;
    private const uint Encrypted = 0x8000_0000;

    private readonly SrtpSessionKeys _keys;
    private readonly SrtpReplayWindow _replay = new();
    private uint _index;

    public SrtcpContext(SrtpMasterKey master) => _keys = SrtpSessionKeys.ForRtcp(master);

    /// <summary>
    /// Encrypts the RTCP compound packet in <c>buffer[..length]</c> and appends E || index and the
    /// tag; returns the SRTCP packet's length (<paramref name="length"/> + 14). The first packet
    /// has index 1; the index wraps at 2^31 (the call would have to last a decade at our rate).
    /// </summary>
    public int Protect(Span<byte> buffer, int length)
    {
        if (length < ClearHeader)
        {
            throw new ArgumentException("Not an RTCP packet to protect.", nameof(buffer));
        }

        _index = (_index + 1) & 0x7FFF_FFFF;
        var ssrc = BinaryPrimitives.ReadUInt32BigEndian(buffer[4..]);
        _keys.Transform(ssrc, _index, buffer[ClearHeader..length]);
        BinaryPrimitives.WriteUInt32BigEndian(buffer[length..], Encrypted | _index);
        _keys.Tag(buffer[..(length + 4)], [], buffer.Slice(length + 4, SrtpSessionKeys.TagLength));
        return length + Overhead;
    }

    /// <summary>
    /// Checks and (when its E flag says so) decrypts the SRTCP packet in place; on
    /// <see cref="SrtpVerdict.Accepted"/>, <paramref name="length"/> is that of the RTCP packet.
    /// </summary>
    public SrtpVerdict Unprotect(Span<byte> packet, out int length)
    {
        length = 0;
        if (packet.Length < ClearHeader + Overhead || (packet[0] >> 6) != 2)
        {
            return SrtpVerdict.Malformed;
        }

        var word = BinaryPrimitives.ReadUInt32BigEndian(packet[^Overhead..]);
        var index = word & 0x7FFF_FFFF;
        if (!_replay.IsFresh(index))
        {
            return SrtpVerdict.Replayed;
        }

        Span<byte> tag = stackalloc byte[SrtpSessionKeys.TagLength];
        _keys.Tag(packet[..^SrtpSessionKeys.TagLength], [], tag);
        if (!CryptographicOperations.FixedTimeEquals(tag, packet[^SrtpSessionKeys.TagLength..]))
        {
            return SrtpVerdict.Unauthentic;
        }

        _replay.Accept(index);
        var rtcp = packet[..^Overhead];
        if ((word & Encrypted) != 0)
        {
            _keys.Transform(BinaryPrimitives.ReadUInt32BigEndian(packet[4..]), index, rtcp[ClearHeader..]);
        }

        length = rtcp.Length;
        return SrtpVerdict.Accepted;
    }

    public void Dispose() => _keys.Dispose();
}
