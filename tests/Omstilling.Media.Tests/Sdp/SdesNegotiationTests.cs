using System.Net;
using Omstilling.Media.Sdp;
using Omstilling.Media.Srtp;

namespace Omstilling.Media.Tests.Sdp;

/// <summary>SDES (RFC 4568) in offer/answer: which offers get SRTP, which are refused (488), and what our answer says.</summary>
public sealed class SdesNegotiationTests
{
    private static readonly IPEndPoint Local = new(IPAddress.Parse("192.0.2.2"), 40000);
    private static readonly SrtpMasterKey PhoneKey = SrtpMasterKey.Generate();
    private static readonly SrtpMasterKey OurKey = SrtpMasterKey.Generate();

    private static string Offer(string profile, params string[] crypto) =>
        "v=0\r\no=- 1 2 IN IP4 192.0.2.9\r\ns=-\r\nc=IN IP4 192.0.2.9\r\nt=0 0\r\n" +
        $"m=audio 30000 {profile} 8 0 101\r\na=rtpmap:101 telephone-event/8000\r\na=fmtp:101 0-15\r\n" +
        string.Concat(crypto.Select(c => $"a={c}\r\n")) + "a=sendrecv\r\n";

    private static string Line(int tag, string suite = SdesCrypto.SupportedSuite, string? key = null) =>
        $"crypto:{tag} {suite} inline:{key ?? PhoneKey.ToBase64()}";

    private static MediaSecurity Security(SrtpPolicy policy, bool tls = true) => new(policy, tls, OurKey);

    private static (SessionDescription Answer, NegotiatedAudio Audio)? Answer(string offer, MediaSecurity security) =>
        SdpNegotiator.Answer(SessionDescription.Parse(offer), Local, 9, security: security);

    [Fact]
    public void A_savp_offer_over_tls_is_answered_in_savp_with_our_own_key_under_its_tag()
    {
        var (answer, audio) = Answer(Offer("RTP/SAVP", Line(1)), Security(SrtpPolicy.Optional))!.Value;

        var text = answer.ToString();
        Assert.Contains("m=audio 40000 RTP/SAVP 8 101\r\n", text, StringComparison.Ordinal);
        Assert.Contains($"a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:{OurKey.ToBase64()}\r\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain(PhoneKey.ToBase64(), text, StringComparison.Ordinal);
        Assert.Equal(new SdesKeys(OurKey, PhoneKey), audio.Srtp);
    }

    [Fact]
    public void Baresips_best_effort_srtp_crypto_lines_in_rtp_avp_are_taken_up_in_rtp_avp()
    {
        var (answer, audio) = Answer(Offer("RTP/AVP", Line(1)), Security(SrtpPolicy.Optional))!.Value;

        Assert.Contains("m=audio 40000 RTP/AVP 8 101\r\n", answer.ToString(), StringComparison.Ordinal);
        Assert.Single(answer.Media[0].Crypto);
        Assert.NotNull(audio.Srtp);
    }

    [Fact]
    public void The_first_usable_line_is_taken_past_unknown_suites_mkis_and_session_parameters()
    {
        var offer = Offer(
            "RTP/SAVP",
            Line(1, "AES_256_CM_HMAC_SHA1_80"),
            Line(2) + "|2^20|1:4",
            Line(3) + " KDR=1",
            Line(4) + "|2^31");

        var (answer, audio) = Answer(offer, Security(SrtpPolicy.Optional))!.Value;

        Assert.Equal(4, Assert.Single(answer.Media[0].Crypto).Tag);
        Assert.Equal(PhoneKey, audio.Srtp!.Remote);
    }

    [Theory]
    [InlineData("crypto:1 AES_CM_128_HMAC_SHA1_32 inline:{0}")]                       // another suite
    [InlineData("crypto:1 AES_CM_128_HMAC_SHA1_80 inline:c2hvcnQ=")]                  // a short key
    [InlineData("crypto:1 AES_CM_128_HMAC_SHA1_80 inline:{0}|2^20|7:1")]              // an MKI
    [InlineData("crypto:1 AES_CM_128_HMAC_SHA1_80 inline:{0};inline:{0}")]            // two keys
    [InlineData("crypto:x AES_CM_128_HMAC_SHA1_80 inline:{0}")]                       // no tag
    [InlineData("crypto:1 AES_CM_128_HMAC_SHA1_80 inline:{0} UNENCRYPTED_SRTP")]      // a session parameter
    public void A_savp_offer_with_no_usable_crypto_line_is_refused(string crypto)
    {
        var offer = Offer("RTP/SAVP", string.Format(System.Globalization.CultureInfo.InvariantCulture, crypto, PhoneKey.ToBase64()));

        Assert.Null(Answer(offer, Security(SrtpPolicy.Optional)));
    }

    [Fact]
    public void Without_tls_a_savp_offer_is_refused_and_crypto_lines_in_rtp_avp_are_ignored()
    {
        Assert.Null(Answer(Offer("RTP/SAVP", Line(1)), Security(SrtpPolicy.Optional, tls: false)));

        var (answer, audio) = Answer(Offer("RTP/AVP", Line(1)), Security(SrtpPolicy.Optional, tls: false))!.Value;
        Assert.Null(audio.Srtp);
        Assert.Empty(answer.Media[0].Crypto);
    }

    [Fact]
    public void An_account_with_srtp_off_refuses_savp_and_answers_best_effort_offers_plain()
    {
        Assert.Null(Answer(Offer("RTP/SAVP", Line(1)), Security(SrtpPolicy.Off)));
        Assert.Null(Answer(Offer("RTP/AVP", Line(1)), Security(SrtpPolicy.Off))!.Value.Audio.Srtp);
    }

    [Fact]
    public void An_account_that_requires_srtp_refuses_a_plain_offer_and_any_offer_without_tls()
    {
        Assert.Null(Answer(Offer("RTP/AVP"), Security(SrtpPolicy.Required)));
        Assert.Null(Answer(Offer("RTP/SAVP", Line(1)), Security(SrtpPolicy.Required, tls: false)));
        Assert.NotNull(Answer(Offer("RTP/SAVP", Line(1)), Security(SrtpPolicy.Required))!.Value.Audio.Srtp);
        Assert.NotNull(Answer(Offer("RTP/AVP", Line(1)), Security(SrtpPolicy.Required))!.Value.Audio.Srtp);
    }

    [Fact]
    public void Without_a_security_a_savp_offer_is_refused_as_before()
    {
        Assert.Null(SdpNegotiator.Answer(SessionDescription.Parse(Offer("RTP/SAVP", Line(1))), Local, 9));
    }

    [Fact]
    public void Our_offer_is_savp_when_srtp_is_required_best_effort_when_optional_and_plain_without_tls()
    {
        var required = SdpNegotiator.CreateOffer(Local, 1, security: Security(SrtpPolicy.Required)).Media[0];
        var optional = SdpNegotiator.CreateOffer(Local, 1, security: Security(SrtpPolicy.Optional)).Media[0];
        var plain = SdpNegotiator.CreateOffer(Local, 1, security: Security(SrtpPolicy.Required, tls: false)).Media[0];

        Assert.Equal(("RTP/SAVP", OurKey), (required.Protocol, Assert.Single(required.Crypto).Key));
        Assert.Equal(("RTP/AVP", OurKey), (optional.Protocol, Assert.Single(optional.Crypto).Key));
        Assert.Equal("RTP/AVP", plain.Protocol);
        Assert.Empty(plain.Crypto);
    }

    [Fact]
    public void An_answer_to_our_srtp_offer_keys_the_stream_and_one_without_crypto_does_not_satisfy_required()
    {
        var withCrypto = SessionDescription.Parse(Offer("RTP/SAVP", Line(SdpNegotiator.OfferedCryptoTag)));
        var without = SessionDescription.Parse(Offer("RTP/AVP"));

        Assert.Equal(new SdesKeys(OurKey, PhoneKey), SdpNegotiator.ReadAnswer(withCrypto, Security(SrtpPolicy.Required))!.Srtp);
        Assert.Null(SdpNegotiator.ReadAnswer(without, Security(SrtpPolicy.Required)));
        Assert.Null(SdpNegotiator.ReadAnswer(without, Security(SrtpPolicy.Optional))!.Srtp);
    }

    [Fact]
    public void A_crypto_line_survives_a_parse_and_write_unchanged_and_never_shows_its_key_in_text()
    {
        var offer = Offer("RTP/SAVP", Line(7) + "|2^31");

        var parsed = SessionDescription.Parse(offer);

        Assert.Equal(offer, parsed.ToString());
        var crypto = Assert.Single(parsed.Media[0].Crypto);
        Assert.Equal("crypto 7 AES_CM_128_HMAC_SHA1_80", crypto.ToString());
    }
}
