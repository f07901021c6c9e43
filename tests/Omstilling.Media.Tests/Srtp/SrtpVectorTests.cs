using Omstilling.Media.Srtp;

namespace Omstilling.Media.Tests.Srtp;

/// <summary>The known answers: RFC 3711 appendix B.2 and B.3, and libsrtp's reference SRTP and SRTCP packets.</summary>
public sealed class SrtpVectorTests
{
    /// <summary>The master key and salt of RFC 3711 B.3, which libsrtp's reference packets use too.</summary>
    private static readonly SrtpMasterKey B3Master = SrtpMasterKey.FromBytes(Convert.FromHexString("E1F97A0D3E018BE0D64FA32C06DE4139" + "0EC675AD498AFEEBB6960B3AABE6"));

    [Fact]
    public void The_aes_cm_keystream_is_that_of_rfc_3711_appendix_b2()
    {
        using var keys = SrtpSessionKeys.FromSessionKeys(
            Convert.FromHexString("2B7E151628AED2A6ABF7158809CF4F3C"), new byte[20], Convert.FromHexString("F0F1F2F3F4F5F6F7F8F9FAFBFCFD"));
        var keystream = new byte[65282 * 16]; // the RFC's segment: its tail is at block counters FEFF-FF01

        keys.Transform(ssrc: 0, index: 0, keystream);

        Assert.Equal("E03EAD0935C95E80E166B16DD92B4EB4" + "D23513162B02D0F72A43A2FE4A5F97AB" + "41E95B3BB0A2E8DD477901E4FCA894C0", Convert.ToHexString(keystream, 0, 48));
        Assert.Equal("EC8CDF7398607CB0F2D21675EA9EA1E4" + "362B7C3C6773516318A077D7FC5073AE" + "6A2CC3787889374FBEB4C81B17BA6C44", Convert.ToHexString(keystream, keystream.Length - 48, 48));
    }

    [Theory]
    [InlineData(SrtpKeyDerivation.RtpEncryption, "C61E7A93744F39EE10734AFE3FF7A087")]
    [InlineData(SrtpKeyDerivation.RtpSalt, "30CBBC08863D8C85D49DB34A9AE1")]
    [InlineData(SrtpKeyDerivation.RtpAuthentication, "CEBE321F6FF7716B6FD4AB49AF256A156D38BAA4")]
    public void Session_keys_derive_as_rfc_3711_appendix_b3_lists_them(byte label, string expected)
    {
        var derived = new byte[expected.Length / 2];

        SrtpKeyDerivation.Derive(B3Master, label, derived);

        Assert.Equal(expected, Convert.ToHexString(derived));
    }

    [Fact]
    public void An_rtp_packet_is_protected_to_libsrtps_reference_packet()
    {
        var buffer = new byte[64];
        var plain = Convert.FromHexString("800F1234DECAFBADCAFEBABE" + string.Concat(Enumerable.Repeat("AB", 16)));
        plain.CopyTo(buffer, 0);
        using var sender = new SrtpContext(B3Master);

        var length = sender.Protect(buffer, plain.Length);

        Assert.Equal(
            "800F1234DECAFBADCAFEBABE" + "4E55DC4CE79978D88CA4D215949D2402" + "B78D6ACC99EA179B8DBB",
            Convert.ToHexString(buffer, 0, length));
    }

    [Fact]
    public void Libsrtps_reference_packet_is_unprotected_to_the_rtp_packet()
    {
        var packet = Convert.FromHexString("800F1234DECAFBADCAFEBABE" + "4E55DC4CE79978D88CA4D215949D2402" + "B78D6ACC99EA179B8DBB");
        using var receiver = new SrtpContext(B3Master);

        Assert.Equal(SrtpVerdict.Accepted, receiver.Unprotect(packet, out var length));

        Assert.Equal("800F1234DECAFBADCAFEBABE" + string.Concat(Enumerable.Repeat("AB", 16)), Convert.ToHexString(packet, 0, length));
    }

    [Fact]
    public void An_rtcp_packet_is_protected_to_libsrtps_reference_packet_with_index_1()
    {
        var buffer = new byte[64];
        var plain = Convert.FromHexString("81C8000BCAFEBABE" + string.Concat(Enumerable.Repeat("AB", 16)));
        plain.CopyTo(buffer, 0);
        using var sender = new SrtcpContext(B3Master);

        var length = sender.Protect(buffer, plain.Length);

        Assert.Equal(
            "81C8000BCAFEBABE" + "7128035BE487B9BDBEF89041F977A5A8" + "80000001" + "993E08CD54D6C1230798",
            Convert.ToHexString(buffer, 0, length));
    }

    [Fact]
    public void Libsrtps_reference_srtcp_packet_is_unprotected_to_the_rtcp_packet()
    {
        var packet = Convert.FromHexString("81C8000BCAFEBABE" + "7128035BE487B9BDBEF89041F977A5A8" + "80000001" + "993E08CD54D6C1230798");
        using var receiver = new SrtcpContext(B3Master);

        Assert.Equal(SrtpVerdict.Accepted, receiver.Unprotect(packet, out var length));

        Assert.Equal("81C8000BCAFEBABE" + string.Concat(Enumerable.Repeat("AB", 16)), Convert.ToHexString(packet, 0, length));
    }
}
