using System.Text;
using Omstilling.Sip.Parsing;
using Omstilling.Sip.Transactions;

namespace Omstilling.Sip.Tests.Transactions;

/// <summary>What the debug trace of a message leaves out: digest credentials and SDES keys.</summary>
public sealed class SipTraceTests
{
    [Fact]
    public void The_trace_redacts_digest_credentials_and_srtp_keys_and_keeps_the_rest()
    {
        const string Key = "YUJDZGVmZ2hpSktMbW9QUXJzVHVWd3l6MTIzNDU2";
        var body = $"v=0\r\no=- 1 1 IN IP4 192.0.2.9\r\ns=-\r\nc=IN IP4 192.0.2.9\r\nt=0 0\r\nm=audio 4000 RTP/SAVP 8\r\n" +
                   $"a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:{Key}|2^20 KDR=1\r\na=crypto:2 AES_CM_128_HMAC_SHA1_80 inline:{Key}\r\n";
        var text = "INVITE sip:8000@192.0.2.2 SIP/2.0\r\nVia: SIP/2.0/TLS 192.0.2.9:5061;branch=z9hG4bK1\r\nMax-Forwards: 70\r\n" +
                   "From: <sip:2001@192.0.2.2>;tag=a\r\nTo: <sip:8000@192.0.2.2>\r\nCall-ID: trace-1\r\nCSeq: 1 INVITE\r\n" +
                   "Proxy-Authorization: Digest username=\"2001\", response=\"0123456789abcdef\"\r\n" +
                   $"Content-Type: application/sdp\r\nContent-Length: {Encoding.ASCII.GetByteCount(body)}\r\n\r\n" + body;
        Assert.Equal(ParseStatus.Complete, SipParser.TryParseDatagram(Encoding.ASCII.GetBytes(text), SipParserLimits.Default, out var message));

        var trace = SipTrace.Format(message!);

        Assert.DoesNotContain(Key, trace, StringComparison.Ordinal);
        Assert.DoesNotContain("0123456789abcdef", trace, StringComparison.Ordinal);
        Assert.Contains("a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:<redacted> KDR=1\r\n", trace, StringComparison.Ordinal);
        Assert.EndsWith("a=crypto:2 AES_CM_128_HMAC_SHA1_80 inline:<redacted>", trace, StringComparison.Ordinal); // the trace ends without a line break
        Assert.Contains("m=audio 4000 RTP/SAVP 8", trace, StringComparison.Ordinal);
    }
}
