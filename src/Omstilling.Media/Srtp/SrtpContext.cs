using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Omstilling.Media.Srtp;

/// <summary>
/// One direction of SRTP (RFC 3711 §3.3) with AES_CM_128_HMAC_SHA1_80: the session keys, the
/// rollover counter (ROC) and highest sequence number s_l of the source, and, when receiving, the
/// replay list. Packets are changed in place and nothing is allocated per packet. A sending
/// context serves our one SSRC; a receiving one follows the peer's SSRC, starting over (ROC 0,
/// §3.3.1) when an authenticated packet shows a new one. Not thread-safe: one sender (under the
/// stream's send lock) or one receive thread at a time.
/// </summary>
internal sealed class SrtpContext : IDisposable
{
    /// <summary>Bytes SRTP adds to an RTP packet: the tag (no MKI).</summary>
    public const int Overhead = SrtpSessionKeys.TagLength;

    private const int FixedHeader = 12;

    private readonly SrtpSessionKeys _keys;
    private readonly SrtpReplayWindow _replay = new();
    private uint _ssrc;
    private uint _roc;
    private ushort _highest;
    private bool _started;

    public SrtpContext(SrtpMasterKey master) => _keys = SrtpSessionKeys.ForRtp(master);

    /// <summary>The rollover counter now: how many times the sequence number has wrapped (§3.2.1).</summary>
    public uint RolloverCounter => _roc;

    /// <summary>
    /// Encrypts the payload of the RTP packet in <c>buffer[..length]</c> and appends the tag; returns
    /// the SRTP packet's length (<paramref name="length"/> + 10). The buffer must have room for the tag.
    /// </summary>
    public int Protect(Span<byte> buffer, int length)
    {
        var packet = buffer[..length];
        if (HeaderLength(packet) is not { } header)
        {
            throw new ArgumentException("Not an RTP packet to protect.", nameof(buffer));
        }

        var sequence = BinaryPrimitives.ReadUInt16BigEndian(packet[2..]);
        var ssrc = BinaryPrimitives.ReadUInt32BigEndian(packet[8..]);
        if (!_started || ssrc != _ssrc)
        {
            Start(ssrc, sequence);
        }

        var roc = EstimateRoc(sequence) ?? _roc;
        Advance(roc, sequence);
        _keys.Transform(ssrc, Index(roc, sequence), packet[header..]);
        Span<byte> trailer = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(trailer, roc);
        _keys.Tag(packet, trailer, buffer.Slice(length, Overhead));
        return length + Overhead;
    }

    /// <summary>
    /// Checks and decrypts the SRTP packet in place; on <see cref="SrtpVerdict.Accepted"/>,
    /// <paramref name="length"/> is that of the RTP packet now in <c>packet[..length]</c>.
    /// </summary>
    public SrtpVerdict Unprotect(Span<byte> packet, out int length)
    {
        length = 0;
        if (packet.Length < FixedHeader + Overhead || HeaderLength(packet[..^Overhead]) is not { } header)
        {
            return SrtpVerdict.Malformed;
        }

        var sequence = BinaryPrimitives.ReadUInt16BigEndian(packet[2..]);
        var ssrc = BinaryPrimitives.ReadUInt32BigEndian(packet[8..]);
        var newSource = !_started || ssrc != _ssrc;
        uint roc;
        if (newSource)
        {
            roc = 0; // §3.3.1: a new source starts at ROC 0, s_l its first sequence number
        }
        else if (EstimateRoc(sequence) is { } estimated)
        {
            roc = estimated;
            if (!_replay.IsFresh(Index(roc, sequence)))
            {
                return SrtpVerdict.Replayed;
            }
        }
        else
        {
            return SrtpVerdict.Replayed; // from before the first packet of the source
        }

        var authenticated = packet[..^Overhead];
        Span<byte> trailer = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(trailer, roc);
        Span<byte> tag = stackalloc byte[Overhead];
        _keys.Tag(authenticated, trailer, tag);
        if (!CryptographicOperations.FixedTimeEquals(tag, packet[^Overhead..]))
        {
            return SrtpVerdict.Unauthentic;
        }

        if (newSource)
        {
            Start(ssrc, sequence);
        }

        var index = Index(roc, sequence);
        Advance(roc, sequence);
        _replay.Accept(index);
        _keys.Transform(ssrc, index, authenticated[header..]);
        length = authenticated.Length;
        return SrtpVerdict.Accepted;
    }

    public void Dispose() => _keys.Dispose();

    /// <summary>The header's length with CSRCs and extension (the part SRTP leaves in the clear), or null when it does not fit.</summary>
    internal static int? HeaderLength(ReadOnlySpan<byte> packet)
    {
        if (packet.Length < FixedHeader || (packet[0] >> 6) != 2)
        {
            return null;
        }

        var length = FixedHeader + (4 * (packet[0] & 0x0F));
        if ((packet[0] & 0x10) != 0)
        {
            if (packet.Length < length + 4)
            {
                return null;
            }

            length += 4 + (4 * BinaryPrimitives.ReadUInt16BigEndian(packet[(length + 2)..]));
        }

        return length <= packet.Length ? length : null;
    }

    private static ulong Index(uint roc, ushort sequence) => ((ulong)roc << 16) | sequence;

    private void Start(uint ssrc, ushort sequence)
    {
        _ssrc = ssrc;
        _roc = 0;
        _highest = sequence;
        _started = true;
        _replay.Reset();
    }

    /// <summary>
    /// The ROC a packet was sent with, guessed from its sequence number against s_l (§3.3.1,
    /// appendix A): a number far below s_l has wrapped (ROC + 1), one far above is from before
    /// the last wrap (ROC - 1). Null for ROC - 1 while the ROC is 0.
    /// </summary>
    private uint? EstimateRoc(ushort sequence)
    {
        if (_highest < 32768)
        {
            if (sequence - _highest > 32768)
            {
                return _roc == 0 ? null : _roc - 1;
            }

            return _roc;
        }

        return _highest - 32768 > sequence ? _roc + 1 : _roc;
    }

    /// <summary>Moves ROC and s_l forward after an authenticated (or sent) packet (§3.3.1).</summary>
    private void Advance(uint roc, ushort sequence)
    {
        if (roc > _roc)
        {
            _roc = roc;
            _highest = sequence;
        }
        else if (roc == _roc && sequence > _highest)
        {
            _highest = sequence;
        }
    }
}
