namespace Omstilling.Benchmarks;

/// <summary>An INVITE and a REGISTER as a desk phone sends them (the same as the tests use).</summary>
internal static class SampleMessages
{
    public static readonly byte[] Invite = System.Text.Encoding.ASCII.GetBytes(
        "INVITE sip:2002@192.0.2.10 SIP/2.0\r\n" +
        "Via: SIP/2.0/UDP 192.0.2.21:5060;branch=z9hG4bK776asdhds;rport\r\n" +
        "Max-Forwards: 70\r\n" +
        "To: <sip:2002@192.0.2.10>\r\n" +
        "From: \"Jens Hansen\" <sip:2001@192.0.2.10>;tag=1928301774\r\n" +
        "Call-ID: a84b4c76e66710@pc33.example.dk\r\n" +
        "CSeq: 314159 INVITE\r\n" +
        "Contact: <sip:2001@192.0.2.21:5060;transport=udp>\r\n" +
        "Allow: INVITE, ACK, CANCEL, BYE, OPTIONS, INFO\r\n" +
        "User-Agent: baresip v1.0.0\r\n" +
        "Content-Type: application/sdp\r\n" +
        "Content-Length: 143\r\n" +
        "\r\n" +
        "v=0\r\n" +
        "o=- 1 1 IN IP4 192.0.2.21\r\n" +
        "s=-\r\n" +
        "c=IN IP4 192.0.2.21\r\n" +
        "t=0 0\r\n" +
        "m=audio 49170 RTP/AVP 8 0 101\r\n" +
        "a=rtpmap:101 telephone-event/8000\r\n" +
        "a=ptime:20\r\n");

    public static readonly byte[] Register = System.Text.Encoding.ASCII.GetBytes(
        "REGISTER sip:192.0.2.10 SIP/2.0\r\n" +
        "Via: SIP/2.0/UDP 192.0.2.21:5060;branch=z9hG4bKnashds7;rport\r\n" +
        "Max-Forwards: 70\r\n" +
        "To: <sip:2001@192.0.2.10>\r\n" +
        "From: <sip:2001@192.0.2.10>;tag=456248\r\n" +
        "Call-ID: 843817637684230@998sdasdh09\r\n" +
        "CSeq: 1826 REGISTER\r\n" +
        "Contact: <sip:2001@192.0.2.21:5060>;expires=3600\r\n" +
        "Authorization: Digest username=\"2001\", realm=\"omstilling\", nonce=\"abc\", uri=\"sip:192.0.2.10\", response=\"0123456789abcdef0123456789abcdef\", algorithm=MD5, qop=auth, nc=00000001, cnonce=\"xyz\"\r\n" +
        "Content-Length: 0\r\n" +
        "\r\n");
}
