using System.Text;
using Omstilling.Sip.Messages;
using Omstilling.Sip.Parsing;
using Omstilling.Sip.Serialization;

namespace Omstilling.Sip.Tests.Parsing;

/// <summary>
/// The answer to a request the parser refused is built from bytes the strict parser did not
/// accept, so it must survive anything: it answers (with a response that parses) or drops, and
/// never throws.
/// </summary>
public sealed class ErrorResponseBuilderTests
{
    private const string Head =
        "INVITE sip:2041@127.0.0.1 SIP/2.0\r\n" +
        "Via: SIP/2.0/UDP 127.0.0.1:5070;branch=z9hG4bKcrash\r\n" +
        "From: <sip:a@127.0.0.1>;tag=1\r\n" +
        "To: <sip:2041@127.0.0.1>\r\n" +
        "Call-ID: crash\r\n" +
        "CSeq: 1 INVITE\r\n";

    /// <summary>
    /// The datagram that ended the server: a one-byte header name outside ASCII reached the
    /// compact-form table (128 entries) through the error-response builder.
    /// </summary>
    [Fact]
    public void A_one_byte_header_name_outside_ascii_is_answered_400_not_thrown()
    {
        var bytes = Encoding.Latin1.GetBytes(Head + "\u00e9: x\r\nContent-Length: 0\r\n\r\n");

        var e = Assert.Throws<SipParseException>(() => SipParser.TryParseDatagram(bytes, SipParserLimits.Default, out _));
        var response = ErrorResponseBuilder.TryBuild(bytes, e, _ => true);

        Assert.NotNull(response);
        Assert.Equal(400, response.StatusCode);
        Assert.Equal("crash", response.CallId);
    }

    [Theory]
    [MemberData(nameof(EveryByte))]
    public void Every_byte_as_a_header_name_or_in_one_is_answered_or_dropped(byte b)
    {
        foreach (var name in new[] { [b], new[] { (byte)'X', b }, new[] { b, (byte)'-', (byte)'Y' } })
        {
            var bytes = Concat(Encoding.ASCII.GetBytes(Head), name, ": x\r\nCSeq: x\r\nContent-Length: 0\r\n\r\n"u8.ToArray());
            AnswersOrDrops(bytes);
        }
    }

    [Fact]
    public void Every_truncation_of_a_refused_request_is_answered_or_dropped()
    {
        var bytes = Encoding.ASCII.GetBytes(Head + "\u0001: x\r\nContent-Length: 0\r\n\r\n");
        for (var length = 0; length <= bytes.Length; length++)
        {
            AnswersOrDrops(bytes.AsSpan(0, length).ToArray());
        }
    }

    public static TheoryData<byte> EveryByte()
    {
        var data = new TheoryData<byte>();
        for (var b = 0; b < 256; b++)
        {
            data.Add((byte)b);
        }

        return data;
    }

    private static void AnswersOrDrops(byte[] bytes)
    {
        SipParseException refused;
        try
        {
            SipParser.TryParseDatagram(bytes, SipParserLimits.Default, out _);
            return; // accepted (or a keep-alive): nothing to build
        }
        catch (SipParseException e)
        {
            refused = e;
        }

        var response = ErrorResponseBuilder.TryBuild(bytes, refused, _ => true);
        if (response is null)
        {
            return;
        }

        // The response echoes what the client sent (a bad CSeq number is answered with it, as
        // RFC 4475 §3.1.2.9 expects), but its framing is ours: a status line, then header lines
        // of a name and a value without line breaks or NULs, then the empty line.
        var text = Encoding.UTF8.GetString(SipMessageWriter.ToBytes(response));
        var end = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        Assert.True(end > 0, text);
        var lines = text[..end].Split("\r\n");
        Assert.Matches(@"^SIP/2\.0 [1-6][0-9][0-9] [^\r\n\0]+$", lines[0]);
        Assert.All(lines.Skip(1), line => Assert.Matches(@"^[A-Za-z-]+: [^\r\n\0]*$", line));
        Assert.Equal(response.Headers.Count + 1, lines.Length - 1); // the writer adds Content-Length
    }

    [Fact]
    public void Line_breaks_and_nuls_inside_a_value_are_not_echoed()
    {
        var bytes = Encoding.ASCII.GetBytes(
            "INVITE sip:2041@127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:5070;branch=z9hG4bKcrlf\r\n" +
            "From: <sip:a@127.0.0.1>;tag=1\nInjected: yes\r\nTo: <sip:2041@127.0.0.1>\r\nCall-ID: a\0b\r\nCSeq: 1 INVITE\r\n\u0001: x\r\n\r\n");
        var e = Assert.Throws<SipParseException>(() => SipParser.TryParseDatagram(bytes, SipParserLimits.Default, out _));

        var response = ErrorResponseBuilder.TryBuild(bytes, e, _ => true);

        Assert.NotNull(response);
        Assert.False(response.Headers.Contains(HeaderName.From));
        Assert.False(response.Headers.Contains(HeaderName.CallId));
        AnswersOrDrops(bytes);
    }

    private static byte[] Concat(params byte[][] parts) => [.. parts.SelectMany(p => p)];
}
