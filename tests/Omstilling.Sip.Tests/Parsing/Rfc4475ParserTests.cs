using Omstilling.Sip.Messages;
using Omstilling.Sip.Parsing;
using Omstilling.Sip.Tests.Support;

namespace Omstilling.Sip.Tests.Parsing;

/// <summary>What the parser must read out of the valid RFC 4475 messages (§3.1.1, §3.3, §3.4), byte for byte.</summary>
public sealed class Rfc4475ParserTests
{
    private static SipMessage Parse(string file)
    {
        Assert.Equal(ParseStatus.Complete, SipParser.TryParseDatagram(TestData.Rfc4475(file), SipParserLimits.Default, out var message));
        return message!;
    }

    [Fact]
    public void Intmeth_keeps_the_unusual_method_uri_and_quoted_control_characters()
    {
        var request = (SipRequest)Parse("intmeth.dat");

        Assert.Equal("!interesting-Method0123456789_*+`.%indeed'~", request.Method.Name);
        Assert.Equal(request.Method, request.CSeq.Method);
        Assert.Equal("1_unusual.URI~(to-be!sure)&isn't+it$/crazy?,/;;*", request.RequestUri.User);
        Assert.Equal("&it+has=1,weird!*pas$wo~d_too.(doesn't-it)", request.RequestUri.Password);
        Assert.Equal("BEL:\u0007 NUL:\0 DEL:\u007f", request.To.DisplayName);
        Assert.Equal("token1~` token2'+_ token3*%!.-", request.From.DisplayName);
        Assert.Equal("_token~1'+`*%!-.", request.From.Tag);
        Assert.Equal("\"работающий\"", request.From.Parameters.Get("fromParam''~+*_!.-%"));
        Assert.Equal("intmeth.word%ZK-!.*_+'@word`~)(><:\\/\"][?}{", request.CallId);
    }

    [Fact]
    public void Wsinv_unfolds_whitespace_everywhere_it_is_allowed()
    {
        var request = (SipRequest)Parse("wsinv.dat");

        Assert.Equal("1918181833n", request.To.Tag);
        Assert.Equal("J Rosenberg \\\"", request.From.DisplayName);
        Assert.Equal("98asjd8", request.From.Tag);
        Assert.Equal(68, request.MaxForwards);
        Assert.Equal(new CSeq(9, SipMethod.Invite), request.CSeq);
        Assert.Equal(["192.0.2.2", "spindle.example.com", "192.168.255.111"], request.Vias.Select(v => v.Host));
        Assert.Equal("390skdjuw", request.Vias[0].Branch);
        Assert.False(request.Vias[0].HasRfc3261Branch);
        Assert.Equal("z9hG4bK30239", request.Vias[2].Branch);
        Assert.Equal("0.33", Assert.Single(request.Contacts).Parameters.Get("q"));
        Assert.Equal("Quoted string \"\"", request.Contacts[0].DisplayName);
        Assert.Equal("newfangled value continued newfangled value", request.Header(HeaderName.Get("NewFangledHeader")));
        Assert.Equal(";;,,;;,;", request.Header(HeaderName.Get("UnknownHeaderWithUnusualValue")));
        Assert.Equal(150, request.Body.Length);
        Assert.True(request.RequestUri.Parameters.Contains("unknownparam"));
    }

    [Fact]
    public void Esc01_keeps_escapes_and_decodes_them_on_demand()
    {
        var request = (SipRequest)Parse("esc01.dat");

        Assert.Equal("sips%3Auser%40example.com", request.RequestUri.User);
        Assert.Equal("sips:user@example.com", request.RequestUri.UnescapedUser);
        Assert.Equal("example.net", request.RequestUri.Host);
        Assert.Equal("user", request.To.Uri.UnescapedUser);
        Assert.Equal("I have spaces", request.From.Uri.UnescapedUser);
        Assert.Equal("cal%6Cer", request.Contacts[0].Uri.User);
        Assert.Equal("v%61lue%25%34%31", request.Contacts[0].Uri.Parameters.Get("n%61me"));
    }

    [Fact]
    public void Escnull_keeps_escaped_nulls_without_shortening_the_user()
    {
        var request = Parse("escnull.dat");

        Assert.Equal("null-\0-null", request.To.Uri.UnescapedUser);
        Assert.Equal(["\0", "\0\0"], request.Contacts.Select(c => c.Uri.UnescapedUser));
    }

    [Fact]
    public void Esc02_method_and_header_names_are_not_unescaped()
    {
        var request = (SipRequest)Parse("esc02.dat");

        Assert.Equal("RE%47IST%45R", request.Method.Name);
        Assert.NotEqual(SipMethod.Register, request.Method);
        Assert.Equal("%Z%45", request.To.DisplayName);
        Assert.Equal(2, request.Contacts.Count);
        Assert.Equal("<sip:alias2@host2.example.com>", request.Header(HeaderName.Get("C%6Fntact")));
    }

    [Fact]
    public void Lwsdisp_display_name_may_touch_the_angle_bracket()
    {
        var request = Parse("lwsdisp.dat");

        Assert.Equal("caller", request.From.DisplayName);
        Assert.Equal("323", request.From.Tag);
    }

    [Fact]
    public void Longreq_long_values_and_many_vias_survive()
    {
        var request = (SipRequest)Parse("longreq.dat");

        Assert.Equal(34, request.Vias.Count);
        Assert.Equal(6000, request.To.Uri.Port);
        Assert.StartsWith("I have a user name of extremeextreme", request.To.DisplayName, StringComparison.Ordinal);
        Assert.StartsWith("amazinglylongcallername", request.From.Uri.User, StringComparison.Ordinal);
        Assert.StartsWith("longreq.onereallyreally", request.CallId, StringComparison.Ordinal);
        Assert.Null(request.TopVia.Branch);
    }

    [Fact]
    public void Dblreq_is_one_register_and_the_trailing_invite_is_ignored()
    {
        var request = (SipRequest)Parse("dblreq.dat");

        Assert.Equal(SipMethod.Register, request.Method);
        Assert.Equal(0, request.Body.Length);
    }

    [Fact]
    public void Semiuri_semicolons_before_the_at_sign_belong_to_the_user()
    {
        var request = (SipRequest)Parse("semiuri.dat");

        Assert.Equal("user;par=u@example.net", request.RequestUri.UnescapedUser);
        Assert.Empty(request.RequestUri.Parameters);
        Assert.Equal(6, request.Headers.CountOf(HeaderName.Accept));
    }

    [Fact]
    public void Transports_keeps_unknown_transport_tokens()
    {
        var request = Parse("transports.dat");

        Assert.Equal(["UDP", "SCTP", "TLS", "UNKNOWN", "TCP"], request.Vias.Select(v => v.Transport));
    }

    [Fact]
    public void Mpart01_binary_multipart_body_is_framed_by_content_length()
    {
        var request = Parse("mpart01.dat");

        Assert.Equal(553, request.Body.Length);
        Assert.Equal("multipart/mixed", request.ContentType);
        Assert.Contains((byte)0, request.Body.ToArray());
    }

    [Fact]
    public void Unreason_keeps_a_utf8_reason_phrase()
    {
        var response = (SipResponse)Parse("unreason.dat");

        Assert.Equal(200, response.StatusCode);
        Assert.StartsWith("= 2**3 * 5**2 но сто", response.ReasonPhrase, StringComparison.Ordinal);
    }

    [Fact]
    public void Noreason_has_an_empty_reason_phrase()
    {
        var response = (SipResponse)Parse("noreason.dat");

        Assert.Equal(100, response.StatusCode);
        Assert.Equal("", response.ReasonPhrase);
    }

    [Fact]
    public void Inv2543_without_content_length_takes_the_rest_of_the_datagram_as_body()
    {
        var request = Parse("inv2543.dat");

        Assert.Equal(105, request.Body.Length);
        Assert.Null(request.From.Tag);
        Assert.Null(request.MaxForwards);
        Assert.Equal("phone", request.To.Parameters.Get("user")); // a header parameter: To has no <>
        Assert.Empty(request.To.Uri.Parameters);
    }

    [Fact]
    public void Cparam01_parameter_after_a_bare_uri_belongs_to_the_contact()
    {
        var contact = Assert.Single(Parse("cparam01.dat").Contacts);

        Assert.True(contact.Parameters.Contains("unknownparam"));
        Assert.Empty(contact.Uri.Parameters);
    }

    [Fact]
    public void Cparam02_parameter_inside_angle_brackets_belongs_to_the_uri()
    {
        var contact = Assert.Single(Parse("cparam02.dat").Contacts);

        Assert.True(contact.Uri.Parameters.Contains("unknownparam"));
        Assert.Empty(contact.Parameters);
        Assert.Equal("<sip:+19725552222@gw1.example.net;unknownparam>", contact.ToString());
    }

    [Fact]
    public void Regescrt_keeps_the_escaped_route_header_of_the_contact_uri()
    {
        var contact = Assert.Single(Parse("regescrt.dat").Contacts);

        Assert.Equal("Route=%3Csip:sip.example.com%3E", contact.Uri.Headers);
        Assert.Equal("<sip:user@example.com?Route=%3Csip:sip.example.com%3E>", contact.ToString());
    }

    [Fact]
    public void Zeromf_max_forwards_zero_is_legal()
    {
        Assert.Equal(0, Parse("zeromf.dat").MaxForwards);
    }

    [Theory]
    [InlineData("badinv01.dat", RejectReason.BadHeaderValue)]
    [InlineData("clerr.dat", RejectReason.BadContentLength)]
    [InlineData("ncl.dat", RejectReason.BadHeaderValue)]
    [InlineData("scalar02.dat", RejectReason.BadHeaderValue)]
    [InlineData("quotbal.dat", RejectReason.BadHeaderValue)]
    [InlineData("ltgtruri.dat", RejectReason.BadRequestUri)]
    [InlineData("lwsruri.dat", RejectReason.BadStartLine)]
    [InlineData("lwsstart.dat", RejectReason.BadStartLine)]
    [InlineData("trws.dat", RejectReason.BadStartLine)]
    [InlineData("escruri.dat", RejectReason.BadRequestUri)]
    [InlineData("regbadct.dat", RejectReason.BadHeaderValue)]
    [InlineData("badaspec.dat", RejectReason.BadHeaderValue)]
    [InlineData("baddn.dat", RejectReason.Truncated)]
    [InlineData("badvers.dat", RejectReason.UnsupportedVersion)]
    [InlineData("mismatch01.dat", RejectReason.CSeqMethodMismatch)]
    [InlineData("mismatch02.dat", RejectReason.CSeqMethodMismatch)]
    [InlineData("bigcode.dat", RejectReason.BadStartLine)]
    [InlineData("scalarlg.dat", RejectReason.BadHeaderValue)]
    [InlineData("insuf.dat", RejectReason.MissingHeader)]
    [InlineData("multi01.dat", RejectReason.DuplicateHeader)]
    [InlineData("mcl01.dat", RejectReason.DuplicateHeader)]
    public void Invalid_message_is_rejected_for_the_right_reason_at_a_byte_inside_it(string file, RejectReason reason)
    {
        var bytes = TestData.Rfc4475(file);

        var e = Assert.Throws<SipParseException>(() => SipParser.TryParseDatagram(bytes, SipParserLimits.Default, out _));

        Assert.Equal(reason, e.Reason);
        Assert.InRange(e.Offset, 0, bytes.Length);
    }

    [Fact]
    public void Baddn_over_a_stream_waits_for_the_rest()
    {
        Assert.Equal(ParseStatus.NeedMore, SipParser.TryParseStream(TestData.Rfc4475("baddn.dat"), SipParserLimits.Default, out _, out var consumed));
        Assert.Equal(0, consumed);
    }

    [Fact]
    public void Clerr_over_a_stream_waits_for_the_promised_body()
    {
        Assert.Equal(ParseStatus.NeedMore, SipParser.TryParseStream(TestData.Rfc4475("clerr.dat"), SipParserLimits.Default, out _, out _));
    }

    [Fact]
    public void Every_valid_message_survives_a_serialize_and_parse_round_trip()
    {
        foreach (var file in new[] { "wsinv.dat", "intmeth.dat", "esc01.dat", "escnull.dat", "esc02.dat", "lwsdisp.dat", "longreq.dat", "semiuri.dat", "transports.dat", "mpart01.dat", "unreason.dat", "noreason.dat", "inv2543.dat", "cparam01.dat", "cparam02.dat", "regescrt.dat" })
        {
            var first = Parse(file);
            Assert.Equal(ParseStatus.Complete, SipParser.TryParseDatagram(Serialization.SipMessageWriter.ToBytes(first), SipParserLimits.Default, out var again));

            Assert.Equal(first.Headers.Count + (first.Headers.Contains(HeaderName.ContentLength) ? 0 : 1), again!.Headers.Count);
            Assert.Equal(first.Body.ToArray(), again.Body.ToArray());
            Assert.Equal(first.CallId, again.CallId);
            Assert.Equal(first.From, again.From);
            Assert.Equal(first.To, again.To);
        }
    }
}
