using System.Net;
using Omstilling.Media.Sdp;

namespace Omstilling.Media.Tests.Sdp;

public sealed class SdpNegotiatorTests
{
    private static readonly IPEndPoint Local = new(IPAddress.Parse("192.0.2.2"), 40000);

    private const string BaresipOffer =
        "v=0\r\no=- 1 2 IN IP4 192.0.2.9\r\ns=-\r\nc=IN IP4 192.0.2.9\r\nt=0 0\r\n" +
        "m=audio 30000 RTP/AVP 0 8 101\r\na=rtpmap:0 PCMU/8000\r\na=rtpmap:8 PCMA/8000\r\na=rtpmap:101 telephone-event/8000\r\na=fmtp:101 0-15\r\na=ptime:20\r\na=sendrecv\r\n";

    [Fact]
    public void Alaw_is_chosen_when_offered_even_after_mulaw_and_dtmf_is_kept()
    {
        var (answer, audio) = SdpNegotiator.Answer(SessionDescription.Parse(BaresipOffer), Local, 99)!.Value;

        Assert.Equal(AudioCodec.Pcma, audio.Codec);
        Assert.Equal(8, audio.PayloadType);
        Assert.Equal(101, audio.TelephoneEventPayloadType);
        Assert.Equal(new IPEndPoint(IPAddress.Parse("192.0.2.9"), 30000), audio.Remote);
        var text = answer.ToString();
        Assert.Contains("m=audio 40000 RTP/AVP 8 101\r\n", text, StringComparison.Ordinal);
        Assert.Contains("a=ptime:20\r\n", text, StringComparison.Ordinal);
        Assert.Contains("c=IN IP4 192.0.2.2\r\n", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sendonly", MediaDirection.ReceiveOnly)]
    [InlineData("recvonly", MediaDirection.SendOnly)]
    [InlineData("inactive", MediaDirection.Inactive)]
    [InlineData("sendrecv", MediaDirection.SendReceive)]
    public void Hold_directions_are_answered_as_rfc3264_says(string offered, MediaDirection answered)
    {
        var offer = BaresipOffer.Replace("a=sendrecv", "a=" + offered, StringComparison.Ordinal);

        var (answer, audio) = SdpNegotiator.Answer(SessionDescription.Parse(offer), Local, 1)!.Value;

        Assert.Equal(answered, audio.LocalDirection);
        Assert.Contains("a=" + answered.Attribute(), answer.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Old_style_hold_with_zero_address_means_do_not_send()
    {
        var offer = BaresipOffer.Replace("c=IN IP4 192.0.2.9", "c=IN IP4 0.0.0.0", StringComparison.Ordinal);

        var (_, audio) = SdpNegotiator.Answer(SessionDescription.Parse(offer), Local, 1)!.Value;

        Assert.Equal(MediaDirection.ReceiveOnly, audio.LocalDirection);
    }

    [Fact]
    public void An_offer_without_g711_is_not_acceptable()
    {
        var offer = "v=0\r\no=- 1 1 IN IP4 192.0.2.9\r\ns=-\r\nc=IN IP4 192.0.2.9\r\nt=0 0\r\nm=audio 30000 RTP/AVP 96\r\na=rtpmap:96 opus/48000/2\r\n";

        Assert.Null(SdpNegotiator.Answer(SessionDescription.Parse(offer), Local, 1));
    }

    [Fact]
    public void Video_is_declined_with_port_zero_and_audio_accepted()
    {
        var offer = BaresipOffer + "m=video 30002 RTP/AVP 96\r\na=rtpmap:96 VP8/90000\r\n";

        var (answer, _) = SdpNegotiator.Answer(SessionDescription.Parse(offer), Local, 1)!.Value;

        Assert.Equal(2, answer.Media.Count);
        Assert.Equal(0, answer.Media[1].Port);
        Assert.Contains("m=video 0 RTP/AVP 96", answer.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Our_offer_round_trips_and_an_answer_to_it_is_read()
    {
        var offer = SdpNegotiator.CreateOffer(Local, 5);
        var parsed = SessionDescription.Parse(offer.ToString());
        Assert.Equal([8, 0, 101], parsed.Media[0].Formats);

        var peer = new IPEndPoint(IPAddress.Parse("192.0.2.50"), 50000);
        var (answer, _) = SdpNegotiator.Answer(parsed, peer, 7)!.Value;
        var audio = SdpNegotiator.ReadAnswer(SessionDescription.Parse(answer.ToString()));

        Assert.Equal(AudioCodec.Pcma, audio!.Codec);
        Assert.Equal(peer, audio.Remote);
        Assert.Equal(101, audio.TelephoneEventPayloadType);
    }

    [Theory]
    [InlineData("v=0\r\ns=-\r\n")]
    [InlineData("v=0\r\no=- x 1 IN IP4 1.2.3.4\r\n")]
    [InlineData("v=0\r\no=- 1 1 IN IP4 1.2.3.4\r\nc=IN IP4 host.example\r\n")]
    [InlineData("v=0\r\no=- 1 1 IN IP4 1.2.3.4\r\nm=audio port RTP/AVP 0\r\n")]
    [InlineData("garbage")]
    public void Malformed_sdp_is_an_error_saying_which_line(string text)
    {
        var e = Assert.Throws<SdpParseException>(() => SessionDescription.Parse(text));

        Assert.StartsWith("SDP", e.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// Found by fuzzing (sdp): a section whose formats are not payload types (BFCP's "*", T.38's
    /// "t38") was answered "m=application 0 UDP/BFCP " with no format at all, which RFC 4566 §5.14
    /// forbids and our own parser refuses.
    /// </summary>
    [Theory]
    [InlineData("m=application 5060 UDP/BFCP *\r\na=floorctrl:c-only\r\n", "m=application 0 UDP/BFCP *\r\n")]
    [InlineData("m=image 30000 udptl t38\r\na=T38FaxVersion:0\r\n", "m=image 0 udptl t38\r\n")]
    [InlineData("m=audio 30002 RTP/AVP 200\r\n", "m=audio 0 RTP/AVP 200\r\n")]
    public void A_rejected_stream_without_payload_types_is_answered_with_its_own_format(string section, string rejected)
    {
        var (answer, _) = SdpNegotiator.Answer(SessionDescription.Parse(BaresipOffer + section), Local, 1)!.Value;

        var text = answer.ToString();
        Assert.Contains(rejected, text, StringComparison.Ordinal);
        Assert.Equal(2, SessionDescription.Parse(text).Media.Count);
    }

    /// <summary>
    /// Found by fuzzing (sdp): audio offered on port 65535 has no port above it for RTCP
    /// (RFC 3550 §11), and working one out threw instead.
    /// </summary>
    [Fact]
    public void An_offer_on_port_65535_has_rtp_there_and_no_rtcp_port()
    {
        var offer = BaresipOffer.Replace("m=audio 30000", "m=audio 65535", StringComparison.Ordinal);

        var (_, audio) = SdpNegotiator.Answer(SessionDescription.Parse(offer), Local, 1)!.Value;

        Assert.Equal(65535, audio.Remote.Port);
        Assert.Null(audio.RemoteRtcp);
        Assert.Equal(new IPEndPoint(IPAddress.Parse("192.0.2.9"), 30001), SdpNegotiator.Answer(SessionDescription.Parse(BaresipOffer), Local, 1)!.Value.Audio.RemoteRtcp);
    }

    /// <summary>
    /// Found by fuzzing (sdp): "m=audio 5 RTP/AVP 2\r " (a CR inside the line) read "2\r" as a format,
    /// and the SDP written from it read back differently. The fields of an m= line are written back in
    /// our answer, so each must be a token (RFC 4566 §9).
    /// </summary>
    [Theory]
    [InlineData("m=audio 5 RTP/AVP 2\r \r\n")]
    [InlineData("m=audio 5 RTP/AVP 8 t\u00e6\r\n")]
    [InlineData("m=aud\u0001io 5 RTP/AVP 8\r\n")]
    [InlineData("m=audio 5 RTP/\tAVP 8\r\n")]
    public void An_m_line_field_that_is_not_a_token_is_refused(string line)
    {
        var e = Assert.Throws<SdpParseException>(() => SessionDescription.Parse("v=0\r\no=- 1 1 IN IP4 192.0.2.9\r\ns=-\r\n" + line));

        Assert.Equal("SDP line 4: bad m= line (a field is not a token)", e.Message);
    }
}
