using System.Text;
using Omstilling.Sip.Messages;
using Omstilling.Sip.Parsing;

namespace Omstilling.Sip.Tests.Parsing;

public sealed class SipParserTests
{
    [Fact]
    public void Typical_invite_is_parsed_with_typed_headers()
    {
        var message = SipParser.Parse(SampleMessages.Invite);

        var request = Assert.IsType<SipRequest>(message);
        Assert.Equal(SipMethod.Invite, request.Method);
        Assert.Equal("2002", request.RequestUri.User);
        Assert.Equal("192.0.2.10", request.RequestUri.Host);
        Assert.Equal("z9hG4bK776asdhds", request.TopVia.Branch);
        Assert.True(request.TopVia.HasRPort);
        Assert.Equal(5060, request.TopVia.Port);
        Assert.Equal("Jens Hansen", request.From.DisplayName);
        Assert.Equal("1928301774", request.From.Tag);
        Assert.Null(request.To.Tag);
        Assert.Equal("a84b4c76e66710@pc33.example.dk", request.CallId);
        Assert.Equal(new CSeq(314159, SipMethod.Invite), request.CSeq);
        Assert.Equal(70, request.MaxForwards);
        Assert.Equal("application/sdp", request.ContentType);
        Assert.Equal(143, request.Body.Length);
        Assert.StartsWith("v=0", request.BodyText, StringComparison.Ordinal);
        Assert.Equal(6, request.Headers.CountOf(HeaderName.Allow));
        Assert.Equal("udp", Assert.Single(request.Contacts).Uri.Transport);
    }

    [Fact]
    public void Every_proper_prefix_of_a_stream_message_needs_more_and_consumes_nothing()
    {
        var bytes = SampleMessages.Bytes(SampleMessages.Invite);
        for (var length = 0; length < bytes.Length; length++)
        {
            var status = SipParser.TryParseStream(bytes.AsMemory(0, length), SipParserLimits.Default, out var message, out var consumed);
            Assert.True(status == ParseStatus.NeedMore, $"prefix of {length} bytes gave {status}");
            Assert.Null(message);
            Assert.Equal(0, consumed);
        }

        Assert.Equal(ParseStatus.Complete, SipParser.TryParseStream(bytes, SipParserLimits.Default, out var whole, out var all));
        Assert.Equal(bytes.Length, all);
        Assert.NotNull(whole);
    }

    [Fact]
    public void Stream_with_two_messages_is_framed_by_content_length()
    {
        var bytes = SampleMessages.Bytes(SampleMessages.Invite + SampleMessages.Register);

        Assert.Equal(ParseStatus.Complete, SipParser.TryParseStream(bytes, SipParserLimits.Default, out var first, out var consumed));
        Assert.Equal(ParseStatus.Complete, SipParser.TryParseStream(bytes.AsMemory(consumed), SipParserLimits.Default, out var second, out var rest));

        Assert.Equal(SipMethod.Invite, ((SipRequest)first!).Method);
        Assert.Equal(SipMethod.Register, ((SipRequest)second!).Method);
        Assert.Equal(bytes.Length, consumed + rest);
    }

    [Fact]
    public void Double_crlf_on_a_stream_is_a_keep_alive()
    {
        var status = SipParser.TryParseStream(SampleMessages.Bytes("\r\n\r\nINVITE"), SipParserLimits.Default, out var message, out var consumed);

        Assert.Equal(ParseStatus.KeepAlive, status);
        Assert.Null(message);
        Assert.Equal(4, consumed);
    }

    [Fact]
    public void Crlf_before_a_start_line_is_ignored()
    {
        var status = SipParser.TryParseStream(SampleMessages.Bytes("\r\n" + SampleMessages.Register), SipParserLimits.Default, out var message, out _);

        Assert.Equal(ParseStatus.Complete, status);
        Assert.IsType<SipRequest>(message);
    }

    [Fact]
    public void Compact_forms_and_folding_are_understood()
    {
        var message = SipParser.Parse(
            "OPTIONS sip:omstilling.example.dk SIP/2.0\r\n" +
            "v: SIP/2.0/UDP 192.0.2.1\r\n  ;branch=z9hG4bKa1\r\n" +
            "f: <sip:a@example.dk>;tag=1\r\n" +
            "t: sip:b@example.dk\r\n" +
            "i: callid-1\r\n" +
            "CSeq: 1\r\n OPTIONS\r\n" +
            "l: 0\r\n\r\n");

        Assert.Equal("z9hG4bKa1", message.TopVia.Branch);
        Assert.Equal("b", message.To.Uri.User);
        Assert.Equal("callid-1", message.CallId);
        Assert.Equal(SipMethod.Options, message.CSeq.Method);
    }

    [Fact]
    public void Via_list_in_one_line_becomes_separate_values_in_order()
    {
        var message = SipParser.Parse(
            "BYE sip:a@example.dk SIP/2.0\r\n" +
            "Via: SIP/2.0/UDP first.example.dk;branch=z9hG4bK1, SIP/2.0/TCP second.example.dk:5070;branch=z9hG4bK2;received=192.0.2.9\r\n" +
            "Via: SIP/2.0/UDP [2001:db8::1]:5062;branch=z9hG4bK3\r\n" +
            "From: <sip:a@example.dk>;tag=1\r\nTo: <sip:b@example.dk>;tag=2\r\nCall-ID: c\r\nCSeq: 2 BYE\r\nContent-Length: 0\r\n\r\n");

        var vias = message.Vias;
        Assert.Equal(3, vias.Count);
        Assert.Equal("first.example.dk", vias[0].Host);
        Assert.Equal("TCP", vias[1].Transport);
        Assert.Equal(5070, vias[1].Port);
        Assert.Equal("192.0.2.9", vias[1].Received);
        Assert.Equal("[2001:db8::1]", vias[2].Host);
    }

    [Theory]
    [InlineData("INVITE sip:a@b SIP/3.0", RejectReason.UnsupportedVersion, 505)]
    [InlineData("INVITE sip:a@b SIP/2.0 ", RejectReason.BadStartLine, 400)]
    [InlineData("INVITE  sip:a@b SIP/2.0", RejectReason.BadStartLine, 400)]
    [InlineData("INVITE <sip:a@b> SIP/2.0", RejectReason.BadRequestUri, 400)]
    [InlineData("INVITE sip:a@b?Route=x SIP/2.0", RejectReason.BadRequestUri, 400)]
    [InlineData("INV(ITE sip:a@b SIP/2.0", RejectReason.BadStartLine, 400)]
    [InlineData("INVITE sip:a@b HTTP/1.1", RejectReason.BadStartLine, 400)]
    public void Bad_request_line_is_rejected_with_the_right_status(string startLine, RejectReason reason, int status)
    {
        var text = startLine + "\r\nVia: SIP/2.0/UDP h;branch=z9hG4bK1\r\nFrom: <sip:a@b>;tag=1\r\nTo: <sip:a@b>\r\nCall-ID: x\r\nCSeq: 1 INVITE\r\nContent-Length: 0\r\n\r\n";

        var e = Assert.Throws<SipParseException>(() => SipParser.Parse(text));

        Assert.Equal(reason, e.Reason);
        Assert.Equal(status, e.StatusCode);
    }

    [Theory]
    [InlineData("CSeq: 99999999999 INVITE", "CSeq")]
    [InlineData("CSeq: 1 BYE", "CSeq method")]
    [InlineData("Max-Forwards: 300", "Max-Forwards")]
    [InlineData("Content-Length: -1", "Content-Length")]
    [InlineData("Contact: sip:a@b?x=y", "Contact")]
    [InlineData("Via: SIP/2.0/UDP", "Via")]
    [InlineData("To: \"unterminated <sip:a@b>", "To")]
    public void Bad_header_value_is_rejected_with_400_naming_the_header(string header, string expected)
    {
        var text = "INVITE sip:a@b SIP/2.0\r\nVia: SIP/2.0/UDP h;branch=z9hG4bK1\r\nFrom: <sip:a@b>;tag=1\r\nCall-ID: x\r\n" +
                   header + "\r\n" + (header.StartsWith("CSeq", StringComparison.Ordinal) ? "" : "CSeq: 1 INVITE\r\n") +
                   (header.StartsWith("To", StringComparison.Ordinal) ? "" : "To: <sip:a@b>\r\n") + "\r\n";

        var e = Assert.Throws<SipParseException>(() => SipParser.Parse(text));

        Assert.Equal(400, e.StatusCode);
        Assert.Contains(expected, e.Detail, StringComparison.Ordinal);
        Assert.InRange(e.Offset, 0, Encoding.UTF8.GetByteCount(text));
    }

    [Fact]
    public void Offset_points_at_the_offending_byte()
    {
        const string Head = "INVITE sip:a@b SIP/2.0\r\nVia: SIP/2.0/UDP h;branch=z9hG4bK1\r\nCSeq: 1x";
        var text = Head + " INVITE\r\nFrom: <sip:a@b>;tag=1\r\nTo: <sip:a@b>\r\nCall-ID: x\r\n\r\n";

        var e = Assert.Throws<SipParseException>(() => SipParser.Parse(text));

        Assert.Equal(Head.Length - 1, e.Offset);
    }

    [Fact]
    public void Header_section_over_the_limit_is_513_before_it_is_parsed()
    {
        var limits = new SipParserLimits { MaxHeaderSectionBytes = 256 };
        var bytes = SampleMessages.Bytes("INVITE sip:a@b SIP/2.0\r\nX-Padding: " + new string('a', 400));

        var e = Assert.Throws<SipParseException>(() => SipParser.TryParseStream(bytes, limits, out _, out _));

        Assert.Equal(513, e.StatusCode);
    }

    [Fact]
    public void Body_over_the_limit_is_513()
    {
        var limits = new SipParserLimits { MaxBodyBytes = 100 };

        var e = Assert.Throws<SipParseException>(() =>
            SipParser.TryParseStream(SampleMessages.Bytes(SampleMessages.Invite), limits, out _, out _));

        Assert.Equal(RejectReason.MessageTooLarge, e.Reason);
    }

    [Fact]
    public void Too_many_headers_is_513()
    {
        var limits = new SipParserLimits { MaxHeaderCount = 8 };

        var e = Assert.Throws<SipParseException>(() =>
            SipParser.TryParseStream(SampleMessages.Bytes(SampleMessages.Invite), limits, out _, out _));

        Assert.Equal(513, e.StatusCode);
    }

    [Fact]
    public void Datagram_ignores_bytes_after_content_length_and_rejects_a_short_body()
    {
        var extra = SampleMessages.Bytes(SampleMessages.Register + "garbage after the message");
        Assert.Equal(ParseStatus.Complete, SipParser.TryParseDatagram(extra, SipParserLimits.Default, out var message));
        Assert.Equal(0, message!.Body.Length);

        var shortBody = SampleMessages.Bytes(SampleMessages.Invite[..^10]);
        var e = Assert.Throws<SipParseException>(() => SipParser.TryParseDatagram(shortBody, SipParserLimits.Default, out _));
        Assert.Equal(RejectReason.BadContentLength, e.Reason);
    }

    [Fact]
    public void Response_is_parsed_with_status_and_reason()
    {
        var message = SipParser.Parse(
            "SIP/2.0 180 Ringer nu\r\nVia: SIP/2.0/UDP h;branch=z9hG4bK1\r\nFrom: <sip:a@b>;tag=1\r\nTo: <sip:c@d>;tag=2\r\nCall-ID: x\r\nCSeq: 7 INVITE\r\nContent-Length: 0\r\n\r\n");

        var response = Assert.IsType<SipResponse>(message);
        Assert.Equal(180, response.StatusCode);
        Assert.Equal("Ringer nu", response.ReasonPhrase);
        Assert.Equal(SipMethod.Invite, response.TransactionMethod);
    }

    /// <summary>
    /// Found by fuzzing (sip-message): "Contact: *" after another Contact parsed, and reading the
    /// message's Contacts then threw a SipParseException at whoever read them (the registrar). The
    /// grammar allows STAR only alone (RFC 3261 §20.10, and §7.3.1 makes header lines one list).
    /// </summary>
    [Theory]
    [InlineData("Contact: <sip:a@192.0.2.1>\r\nContact: *\r\n", "*")]
    [InlineData("Contact: *\r\nContact: <sip:a@192.0.2.1>\r\n", "<sip")]
    [InlineData("Contact: <sip:a@192.0.2.1>, *\r\n", "*")]
    [InlineData("Contact: *, *\r\n", "*")]
    public void A_wildcard_contact_beside_another_contact_is_refused_at_the_second(string contacts, string second)
    {
        var head = "REGISTER sip:192.0.2.10 SIP/2.0\r\nVia: SIP/2.0/UDP h;branch=z9hG4bK1\r\nFrom: <sip:a@b>;tag=1\r\nTo: <sip:a@b>\r\n" +
                   "Call-ID: x\r\nCSeq: 1 REGISTER\r\nExpires: 0\r\n";

        var e = Assert.Throws<SipParseException>(() => SipParser.Parse(head + contacts + "\r\n"));

        Assert.Equal(RejectReason.BadHeaderValue, e.Reason);
        Assert.Equal("Contact '*' must be the only contact", e.Detail);
        Assert.Equal(head.Length + contacts.LastIndexOf(second, StringComparison.Ordinal), e.Offset);
    }

    [Fact]
    public void A_wildcard_contact_alone_parses()
    {
        var message = SipParser.Parse(
            "REGISTER sip:192.0.2.10 SIP/2.0\r\nVia: SIP/2.0/UDP h;branch=z9hG4bK1\r\nFrom: <sip:a@b>;tag=1\r\nTo: <sip:a@b>\r\n" +
            "Call-ID: x\r\nCSeq: 1 REGISTER\r\nExpires: 0\r\nContact: *\r\n\r\n");

        Assert.True(message.IsContactWildcard);
        Assert.Empty(message.Contacts);
    }
}
