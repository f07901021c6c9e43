using System.Text;
using Omstilling.Sip.Tests;
using Omstilling.Sip.Tests.Support;

namespace Omstilling.Fuzzing.Seeds;

/// <summary>
/// SIP messages to start from: our sample INVITE and REGISTER first (the systematic sweeps begin
/// with them), then messages of every other kind the server handles, then the 49 RFC 4475 torture
/// messages as the repository carries them.
/// </summary>
internal static class SipSeeds
{
    private static readonly Lazy<byte[][]> Loaded = new(Load);

    public static IReadOnlyList<byte[]> All => Loaded.Value;

    /// <summary>How many of <see cref="All"/> are ours (the rest are RFC 4475's).</summary>
    public static int OwnCount => Own.Length + 2;

    private static readonly string[] Own =
    [
        "SIP/2.0 200 OK\r\nVia: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK-524287-1;rport=5060;received=192.0.2.10\r\n" +
        "Record-Route: <sip:192.0.2.1;lr>\r\nFrom: <sip:2001@192.0.2.10>;tag=a73kszlfl\r\nTo: <sip:2002@192.0.2.10>;tag=1410948204\r\n" +
        "Call-ID: 1j9FpLxk3uxtm8tn@192.0.2.10\r\nCSeq: 1 INVITE\r\nContact: <sip:2002@192.0.2.22:5060>\r\nContent-Type: application/sdp\r\n" +
        "Content-Length: 128\r\n\r\nv=0\r\no=- 2 2 IN IP4 192.0.2.22\r\ns=-\r\nc=IN IP4 192.0.2.22\r\nt=0 0\r\nm=audio 40000 RTP/AVP 8 101\r\na=rtpmap:101 telephone-event/8000\r\na=sendrecv\r\n",
        "SIP/2.0 401 Unauthorized\r\nVia: SIP/2.0/UDP 192.0.2.21:5060;branch=z9hG4bKnashds7;rport=5060\r\nFrom: <sip:2001@192.0.2.10>;tag=456248\r\n" +
        "To: <sip:2001@192.0.2.10>;tag=2493k59kd\r\nCall-ID: 843817637684230@998sdasdh09\r\nCSeq: 1826 REGISTER\r\n" +
        "WWW-Authenticate: Digest realm=\"omstilling\", nonce=\"ea9c8e88df84f1cec4341ae6cbe5a359\", algorithm=MD5, qop=\"auth\"\r\nContent-Length: 0\r\n\r\n",
        "SIP/2.0 180 Ringing\r\nv: SIP/2.0/TCP [2001:db8::1]:5061;branch=z9hG4bKx\r\nf: \"A\" <sips:a@example.dk>;tag=1\r\nt: b <sip:b@example.dk>;tag=2\r\n" +
        "i: x@y\r\nCSeq: 7 INVITE\r\nl: 0\r\n\r\n",
        "ACK sip:2002@192.0.2.22:5060 SIP/2.0\r\nVia: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK-ack\r\nRoute: <sip:192.0.2.1;lr>, <sip:192.0.2.2;lr>\r\n" +
        "Max-Forwards: 70\r\nFrom: <sip:2001@192.0.2.10>;tag=a73kszlfl\r\nTo: <sip:2002@192.0.2.10>;tag=1410948204\r\nCall-ID: 1j9FpLxk3uxtm8tn@192.0.2.10\r\n" +
        "CSeq: 1 ACK\r\nContent-Length: 0\r\n\r\n",
        "BYE sip:2001@192.0.2.21:5060;transport=udp SIP/2.0\r\nVia: SIP/2.0/UDP 192.0.2.22:5060;branch=z9hG4bKbye;rport\r\nMax-Forwards: 70\r\n" +
        "From: <sip:2002@192.0.2.10>;tag=1410948204\r\nTo: <sip:2001@192.0.2.10>;tag=a73kszlfl\r\nCall-ID: 1j9FpLxk3uxtm8tn@192.0.2.10\r\nCSeq: 2 BYE\r\n" +
        "Reason: Q.850;cause=16;text=\"Normal call clearing\"\r\nContent-Length: 0\r\n\r\n",
        "CANCEL sip:2002@192.0.2.10 SIP/2.0\r\nVia: SIP/2.0/UDP 192.0.2.21:5060;branch=z9hG4bK776asdhds;rport\r\nMax-Forwards: 70\r\n" +
        "To: <sip:2002@192.0.2.10>\r\nFrom: \"Jens Hansen\" <sip:2001@192.0.2.10>;tag=1928301774\r\nCall-ID: a84b4c76e66710@pc33.example.dk\r\n" +
        "CSeq: 314159 CANCEL\r\nContent-Length: 0\r\n\r\n",
        "INFO sip:2002@192.0.2.22:5060 SIP/2.0\r\nVia: SIP/2.0/UDP 192.0.2.21:5060;branch=z9hG4bKinfo\r\nMax-Forwards: 70\r\n" +
        "From: <sip:2001@192.0.2.10>;tag=a73kszlfl\r\nTo: <sip:2002@192.0.2.10>;tag=1410948204\r\nCall-ID: 1j9FpLxk3uxtm8tn@192.0.2.10\r\nCSeq: 3 INFO\r\n" +
        "Content-Type: application/dtmf-relay\r\nContent-Length: 24\r\n\r\nSignal=5\r\nDuration=160\r\n",
        "OPTIONS sip:omstilling@192.0.2.10 SIP/2.0\r\nVia: SIP/2.0/UDP 198.51.100.7:5060;branch=z9hG4bKping\r\nMax-Forwards: 70\r\n" +
        "From: sip:kamailio@198.51.100.7;tag=ping\r\nTo: sip:omstilling@192.0.2.10\r\nCall-ID: ping-1\r\nCSeq: 10 OPTIONS\r\nAccept: application/sdp\r\n" +
        "Require: 100rel\r\nSupported: replaces, timer\r\nExpires: 4294967296\r\nContent-Length: 0\r\n\r\n",
        "REGISTER sip:192.0.2.10 SIP/2.0\r\nVia: SIP/2.0/TCP 192.0.2.21:49152;branch=z9hG4bKreg2;alias\r\nMax-Forwards: 70\r\n" +
        "From: <sip:2001@192.0.2.10>;tag=r2\r\nTo: <sip:2001@192.0.2.10>\r\nCall-ID: reg2\r\nCSeq: 2 REGISTER\r\nContact: *\r\nExpires: 0\r\n" +
        "Content-Length: 0\r\n\r\n",
        "INVITE tel:+4554731000;phone-context=example.dk SIP/2.0\r\nVia: SIP/2.0/UDP trunk.example.dk;branch=z9hG4bKtrunk\r\nMax-Forwards: 69\r\n" +
        "From: \"+4520304050\" <sip:+4520304050@trunk.example.dk;user=phone>;tag=t1\r\nTo: <tel:+4554731000>\r\nCall-ID: trunk-1\r\n" +
        "CSeq: 1 INVITE\r\nContact: <sip:+4520304050@trunk.example.dk:5060>;expires=60;q=0.5\r\nContent-Length: 0\r\n\r\n",
    ];

    private static byte[][] Load()
    {
        var ours = new[] { SampleMessages.Invite, SampleMessages.Register }.Concat(Own).Select(Encoding.UTF8.GetBytes);
        var rfc = TestData.Rfc4475Files().Select(TestData.Rfc4475);
        return [.. ours, .. rfc];
    }
}
