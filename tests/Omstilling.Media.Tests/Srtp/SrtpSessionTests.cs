using System.Buffers.Binary;
using Omstilling.Media.Srtp;

namespace Omstilling.Media.Tests.Srtp;

/// <summary>SRTP between two ends that know each other's keys: round trips, forgeries, replays and the rollover counter.</summary>
public sealed class SrtpSessionTests : IDisposable
{
    private readonly SrtpMasterKey _phone = SrtpMasterKey.Generate();
    private readonly SrtpMasterKey _server = SrtpMasterKey.Generate();
    private readonly SrtpSession _sender;
    private readonly SrtpSession _receiver;

    public SrtpSessionTests()
    {
        _sender = new SrtpSession(_phone, _server);
        _receiver = new SrtpSession(_server, _phone);
    }

    public void Dispose()
    {
        _sender.Dispose();
        _receiver.Dispose();
    }

    [Fact]
    public void A_protected_packet_comes_back_as_it_was_and_its_payload_is_not_in_the_clear()
    {
        var plain = Rtp(1000, Payload(7));
        var packet = Protect(_sender, plain);

        Assert.Equal(plain.Length + 10, packet.Length);
        Assert.Equal(plain[..12], packet[..12]);
        Assert.NotEqual(plain[12..], packet[12..plain.Length]);
        Assert.Equal(SrtpVerdict.Accepted, _receiver.UnprotectRtp(packet, out var length));
        Assert.Equal(plain, packet[..length]);
    }

    [Theory]
    [InlineData(1)]   // the header (the sequence number)
    [InlineData(20)]  // the payload
    [InlineData(-1)]  // the tag
    public void A_packet_changed_anywhere_is_refused_as_unauthentic(int at)
    {
        var packet = Protect(_sender, Rtp(1000, Payload(1)));
        packet[at < 0 ? packet.Length + at : at] ^= 0x01;

        Assert.Equal(SrtpVerdict.Unauthentic, _receiver.UnprotectRtp(packet, out _));
        Assert.Equal(1, _receiver.Rejected);
    }

    [Fact]
    public void A_packet_protected_with_another_key_is_refused()
    {
        using var stranger = new SrtpSession(SrtpMasterKey.Generate(), _server);
        var packet = Protect(stranger, Rtp(1000, Payload(1)));

        Assert.Equal(SrtpVerdict.Unauthentic, _receiver.UnprotectRtp(packet, out _));
    }

    [Fact]
    public void A_replayed_packet_is_refused_and_reordered_ones_are_taken()
    {
        var packets = Enumerable.Range(0, 5).Select(i => Protect(_sender, Rtp((ushort)(500 + i), Payload(i)))).ToList();
        var replay = packets[2].ToArray();

        foreach (var i in new[] { 0, 2, 1, 4, 3 })
        {
            Assert.Equal(SrtpVerdict.Accepted, _receiver.UnprotectRtp(packets[i], out _));
        }

        Assert.Equal(SrtpVerdict.Replayed, _receiver.UnprotectRtp(replay, out _));
    }

    [Fact]
    public void A_packet_older_than_the_64_packet_window_is_refused()
    {
        var old = Protect(_sender, Rtp(100, Payload(0)));
        for (var i = 1; i <= 64; i++)
        {
            Assert.Equal(SrtpVerdict.Accepted, _receiver.UnprotectRtp(Protect(_sender, Rtp((ushort)(100 + i), Payload(i))), out _));
        }

        Assert.Equal(SrtpVerdict.Replayed, _receiver.UnprotectRtp(old, out _));
    }

    [Fact]
    public void The_rollover_counter_moves_on_when_the_sequence_wraps_at_65535_and_late_packets_from_before_still_decrypt()
    {
        var before = Protect(_sender, Rtp(65533, Payload(1)));
        var wrapped = new[] { Rtp(65534, Payload(2)), Rtp(65535, Payload(3)), Rtp(0, Payload(4)), Rtp(1, Payload(5)) }.Select(p => (Plain: p, Packet: Protect(_sender, p))).ToList();
        Assert.Equal(SrtpVerdict.Accepted, _receiver.UnprotectRtp(before.ToArray(), out _));

        // 0 and 1 arrive before 65535: the receiver guesses ROC 1 for them and 0 for the late one.
        foreach (var i in new[] { 0, 2, 3, 1 })
        {
            var packet = wrapped[i].Packet.ToArray();
            Assert.Equal(SrtpVerdict.Accepted, _receiver.UnprotectRtp(packet, out var length));
            Assert.Equal(wrapped[i].Plain, packet[..length]);
        }

        var next = Rtp(2, Payload(6));
        var after = Protect(_sender, next);
        Assert.Equal(SrtpVerdict.Accepted, _receiver.UnprotectRtp(after, out var afterLength));
        Assert.Equal(next, after[..afterLength]);
    }

    [Fact]
    public void The_sender_counts_a_wrap_into_the_tag_so_a_receiver_without_it_refuses_the_packet()
    {
        for (var sequence = 65530; sequence <= 65535; sequence++)
        {
            Protect(_sender, Rtp((ushort)sequence, Payload(0)));
        }

        var wrapped = Protect(_sender, Rtp(0, Payload(0)));
        using var fresh = new SrtpSession(_server, _phone); // starts at ROC 0 with sequence 0

        Assert.Equal(SrtpVerdict.Unauthentic, fresh.UnprotectRtp(wrapped.ToArray(), out _));

        // One that saw 65535 (ROC 0) takes sequence 0 as ROC 1, as the sender did.
        using var primed = new SrtpSession(_server, _phone);
        using var primer = new SrtpSession(_phone, _server);
        Assert.Equal(SrtpVerdict.Accepted, primed.UnprotectRtp(Protect(primer, Rtp(65535, Payload(0))), out _));
        Assert.Equal(SrtpVerdict.Accepted, primed.UnprotectRtp(wrapped, out _));
    }

    [Fact]
    public void A_packet_too_short_for_a_header_and_tag_is_malformed()
    {
        Assert.Equal(SrtpVerdict.Malformed, _receiver.UnprotectRtp(new byte[21], out _));
        Assert.Equal(SrtpVerdict.Malformed, _receiver.UnprotectRtcp(new byte[21], out _));
    }

    [Fact]
    public void Srtcp_round_trips_and_refuses_a_replay_and_a_forgery()
    {
        var plain = Convert.FromHexString("80C80006" + "11223344" + string.Concat(Enumerable.Repeat("5A", 20)));
        var first = ProtectRtcp(_sender, plain);
        var second = ProtectRtcp(_sender, plain);
        var forged = second.ToArray();
        forged[10] ^= 0x80;

        Assert.Equal(SrtpVerdict.Unauthentic, _receiver.UnprotectRtcp(forged, out _));
        Assert.Equal(SrtpVerdict.Accepted, _receiver.UnprotectRtcp(first.ToArray(), out var length));
        Assert.Equal(SrtpVerdict.Replayed, _receiver.UnprotectRtcp(first, out _));
        Assert.Equal(SrtpVerdict.Accepted, _receiver.UnprotectRtcp(second, out var secondLength));
        Assert.Equal(plain, second[..secondLength]);
        Assert.Equal(plain.Length, length);
    }

    [Fact]
    public void A_master_key_reads_back_from_its_inline_base64_and_other_lengths_are_refused()
    {
        var text = _phone.ToBase64();

        Assert.Equal(40, text.Length);
        Assert.True(SrtpMasterKey.TryFromBase64(text, out var read));
        Assert.Equal(_phone, read);
        Assert.False(SrtpMasterKey.TryFromBase64(text.AsSpan(0, 36), out _));
        Assert.False(SrtpMasterKey.TryFromBase64(Convert.ToBase64String(new byte[31]), out _));
        Assert.False(SrtpMasterKey.TryFromBase64("not base64 at all, not base64 at all!!!!", out _));
        Assert.DoesNotContain(text, _phone.ToString(), StringComparison.Ordinal);
    }

    internal static byte[] Rtp(ushort sequence, byte[] payload)
    {
        var packet = new byte[12 + payload.Length];
        packet[0] = 0x80;
        packet[1] = 8;
        BinaryPrimitives.WriteUInt16BigEndian(packet.AsSpan(2), sequence);
        BinaryPrimitives.WriteUInt32BigEndian(packet.AsSpan(4), sequence * 160u);
        BinaryPrimitives.WriteUInt32BigEndian(packet.AsSpan(8), 0x5EC0DE);
        payload.CopyTo(packet, 12);
        return packet;
    }

    private static byte[] Payload(int seed) => Enumerable.Range(0, 160).Select(i => (byte)(i * 7 + seed)).ToArray();

    private static byte[] Protect(SrtpSession session, byte[] plain)
    {
        var buffer = new byte[plain.Length + SrtpSession.MaxOverhead];
        plain.CopyTo(buffer, 0);
        return buffer[..session.ProtectRtp(buffer, plain.Length)];
    }

    private static byte[] ProtectRtcp(SrtpSession session, byte[] plain)
    {
        var buffer = new byte[plain.Length + SrtpSession.MaxOverhead];
        plain.CopyTo(buffer, 0);
        return buffer[..session.ProtectRtcp(buffer, plain.Length)];
    }
}
