using System.Net;
using System.Text;
using Omstilling.Fuzzing.Mutation;
using Omstilling.Media.Sdp;

namespace Omstilling.Fuzzing.Seeds;

/// <summary>
/// SDP bodies as phones and trunks send them (offers with several codecs, video and BFCP sections,
/// T.38, hold by direction and by 0.0.0.0, IPv6), our own offer, and every SDP body of the SIP seeds.
/// </summary>
internal static class SdpSeeds
{
    private static readonly Lazy<byte[][]> Loaded = new(Load);

    public static IReadOnlyList<byte[]> All => Loaded.Value;

    private static readonly string[] Bodies =
    [
        // A softphone's offer: several codecs, RTCP feedback, a video section.
        "v=0\r\no=linphone 3127 2489 IN IP4 192.0.2.31\r\ns=Talk\r\nc=IN IP4 192.0.2.31\r\nt=0 0\r\n" +
        "a=rtcp-xr:rcvr-rtt=all:10000 stat-summary=loss,dup,jitt,TTL voip-metrics\r\n" +
        "m=audio 7078 RTP/AVP 96 97 98 0 8 18 101 99 100\r\na=rtpmap:96 opus/48000/2\r\na=fmtp:96 useinbandfec=1\r\n" +
        "a=rtpmap:97 speex/16000\r\na=rtpmap:98 speex/8000\r\na=rtpmap:101 telephone-event/48000\r\na=rtpmap:99 telephone-event/16000\r\n" +
        "a=rtpmap:100 telephone-event/8000\r\na=fmtp:18 annexb=yes\r\na=rtcp:7079\r\na=rtcp-fb:* trr-int 1000\r\n" +
        "m=video 9078 RTP/AVP 96 97\r\na=rtpmap:96 VP8/90000\r\na=rtpmap:97 H264/90000\r\na=fmtp:97 profile-level-id=42801F\r\n",
        // A desk phone's offer with a BFCP section (format "*") after the audio.
        "v=0\r\no=- 1597851391 1597851391 IN IP4 192.0.2.40\r\ns=Polycom IP Phone\r\nc=IN IP4 192.0.2.40\r\nb=AS:768\r\nt=0 0\r\n" +
        "a=sendrecv\r\nm=audio 2230 RTP/AVP 9 8 0 101\r\na=rtpmap:9 G722/8000\r\na=rtpmap:8 PCMA/8000\r\na=rtpmap:0 PCMU/8000\r\n" +
        "a=rtpmap:101 telephone-event/8000\r\na=fmtp:101 0-15\r\na=ptime:20\r\n" +
        "m=application 5060 UDP/BFCP *\r\na=floorctrl:c-only\r\na=confid:1\r\na=userid:2\r\na=floorid:1 mstrm:3\r\n",
        // A fax re-INVITE: T.38 instead of audio.
        "v=0\r\no=- 4 5 IN IP4 198.51.100.7\r\ns=-\r\nc=IN IP4 198.51.100.7\r\nt=0 0\r\nm=audio 0 RTP/AVP 8\r\n" +
        "m=image 30000 udptl t38\r\na=T38FaxVersion:0\r\na=T38MaxBitRate:14400\r\na=T38FaxRateManagement:transferredTCF\r\n",
        // Hold the old way (RFC 2543: c=0.0.0.0) and the new way (sendonly), IPv6.
        "v=0\r\no=- 1 2 IN IP4 192.0.2.21\r\ns=-\r\nc=IN IP4 0.0.0.0\r\nt=0 0\r\nm=audio 49170 RTP/AVP 0\r\n",
        "v=0\r\no=- 1 3 IN IP6 2001:db8::21\r\ns=-\r\nc=IN IP6 2001:db8::21\r\nt=0 0\r\nm=audio 49170 RTP/AVP 8 101\r\n" +
        "a=rtpmap:101 telephone-event/8000\r\na=fmtp:101 0-16\r\na=sendonly\r\n",
        // A trunk: media-level connections, two audio sections, a multicast TTL, LF line ends.
        "v=0\no=SBC 0 0 IN IP4 203.0.113.5\ns=SBC\nt=0 0\nm=audio 20000 RTP/AVP 18 8\nc=IN IP4 203.0.113.5/127\na=recvonly\n" +
        "m=audio 20002 RTP/SAVP 0\nc=IN IP4 203.0.113.6\na=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:abc\n",
        // SDES (RFC 4568): baresip's best-effort SRTP (crypto lines in RTP/AVP), and an RTP/SAVP offer
        // with an unknown suite first, a lifetime, an MKI and a session parameter.
        "v=0\r\no=- 7 7 IN IP4 192.0.2.50\r\ns=-\r\nc=IN IP4 192.0.2.50\r\nt=0 0\r\nm=audio 10000 RTP/AVP 8 0 101\r\n" +
        "a=rtpmap:101 telephone-event/8000\r\na=crypto:1 AES_CM_128_HMAC_SHA1_32 inline:WVNfX19zZW1jdGwgKCkgewkyMjA7fQp9CnVubGVz\r\n" +
        "a=crypto:2 AES_CM_128_HMAC_SHA1_80 inline:YUJDZGVmZ2hpSktMbW9QUXJzVHVWd3l6MTIzNDU2\r\na=sendrecv\r\n",
        "v=0\r\no=- 8 8 IN IP4 192.0.2.51\r\ns=-\r\nc=IN IP4 192.0.2.51\r\nt=0 0\r\nm=audio 10002 RTP/SAVP 8 101\r\n" +
        "a=crypto:1 AEAD_AES_256_GCM inline:WVNfX19zZW1jdGwgKCkgewkyMjA7fQp9CnVubGVzc2VkLGJ5Z2U=\r\n" +
        "a=crypto:2 AES_CM_128_HMAC_SHA1_80 inline:YUJDZGVmZ2hpSktMbW9QUXJzVHVWd3l6MTIzNDU2|2^20|1:4\r\n" +
        "a=crypto:3 AES_CM_128_HMAC_SHA1_80 inline:YUJDZGVmZ2hpSktMbW9QUXJzVHVWd3l6MTIzNDU2 KDR=1\r\n" +
        "a=crypto:4 AES_CM_128_HMAC_SHA1_80 inline:YUJDZGVmZ2hpSktMbW9QUXJzVHVWd3l6MTIzNDU2|2^31\r\n",
    ];

    private static byte[][] Load()
    {
        var ours = SdpNegotiator.CreateOffer(new IPEndPoint(IPAddress.Parse("192.0.2.10"), 40000), 42).ToString();
        var fromMessages = SipSeeds.All
            .Select(m => m.AsSpan(SipLayout.Of(m).BodyStart).ToArray())
            .Where(b => b.AsSpan().StartsWith("v=0"u8));
        return [.. Bodies.Append(ours).Select(Encoding.UTF8.GetBytes), .. fromMessages];
    }
}
