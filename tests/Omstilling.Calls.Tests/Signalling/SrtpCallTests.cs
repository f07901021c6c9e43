using Omstilling.Calls.Media;
using Omstilling.Calls.Tests.Support;
using Omstilling.Media.Srtp;
using Omstilling.Sip.Messages;

namespace Omstilling.Calls.Tests.Signalling;

/// <summary>
/// SRTP end to end through the engine: signalling on the in-memory network (the secure transport
/// standing in for TLS), media on real UDP sockets, the test phone's media keyed with its own SRTP
/// contexts, and a tone that must come out the other side after decryption.
/// </summary>
public sealed class SrtpCallTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task An_srtp_caller_over_tls_hears_its_own_tone_from_the_echo_test_decrypted_across_a_sequence_wrap()
    {
        await using var f = await B2buaFixture.StartAsync();
        var caller = await f.PhoneAsync("2001", secure: true);
        using var media = new SrtpPeer();
        caller.Body = media.Sdp();

        caller.Call("8000");

        var ok = Assert.Single(caller.Responses, r => r.StatusCode == SipStatus.Ok && r.CSeq.Method == SipMethod.Invite);
        Assert.Contains(" RTP/SAVP 8 101\r\n", ok.BodyText, StringComparison.Ordinal);
        Assert.DoesNotContain(media.Key.ToBase64(), ok.BodyText, StringComparison.Ordinal); // our own key, not the phone's
        var server = media.KeyFrom(ok.BodyText);
        f.Deliver();

        media.SendTone(server, 100, 440);
        var heard = media.Receive(60, Wait);

        Assert.True(heard.Length >= 50 * 160, $"{heard.Length / 160} packets came back decrypted, {media.Unauthentic} failed SRTP");
        Assert.Equal(0, media.Unauthentic);
        Assert.True(media.Encrypted >= 50, "the echoed packets were encrypted on the wire");
        Assert.Equal(440, SrtpPeer.Dominant(heard, 300, 440, 600, 1000));
    }

    [Fact]
    public async Task A_bridge_between_an_srtp_phone_and_a_plain_phone_decrypts_and_re_encrypts_both_ways()
    {
        await using var f = await B2buaFixture.StartAsync();
        var caller = await f.PhoneAsync("2001", secure: true);
        var callee = await f.PhoneAsync("2002");
        using var secure = new SrtpPeer();
        using var plain = new SrtpPeer();
        caller.Body = secure.Sdp();
        callee.AnswerBody = plain.Sdp("RTP/AVP", crypto: false);

        caller.Call("2002");
        var invite = callee.Received.Single(r => r.Method == SipMethod.Invite);
        Assert.DoesNotContain("crypto", invite.BodyText, StringComparison.Ordinal); // the callee's leg is plain RTP
        var toCalleeLeg = plain.KeyFrom(invite.BodyText);
        callee.Answer();
        var ok = caller.Responses.Last(r => r.StatusCode == SipStatus.Ok && r.CSeq.Method == SipMethod.Invite);
        var toCallerLeg = secure.KeyFrom(ok.BodyText);
        f.Deliver();

        secure.SendTone(toCallerLeg, 60, 440);
        var calleeHeard = plain.Receive(40, Wait);
        plain.SendTone(toCalleeLeg, 60, 1000);
        var callerHeard = secure.Receive(40, Wait);

        Assert.True(calleeHeard.Length >= 30 * 160, $"the plain phone got {calleeHeard.Length / 160} packets");
        Assert.Equal(440, SrtpPeer.Dominant(calleeHeard, 300, 440, 600, 1000));
        Assert.True(callerHeard.Length >= 30 * 160, $"the SRTP phone got {callerHeard.Length / 160} packets, {secure.Unauthentic} failed SRTP");
        Assert.Equal(0, secure.Unauthentic);
        Assert.True(secure.Encrypted >= 30);
        Assert.Equal(1000, SrtpPeer.Dominant(callerHeard, 300, 440, 600, 1000));
    }

    [Fact]
    public async Task An_account_that_requires_srtp_is_refused_a_plain_call_with_488()
    {
        await using var f = await B2buaFixture.StartAsync();
        f.Pbx.Srtp.Replace([new("2001", SrtpPolicy.Required)]);
        var caller = await f.PhoneAsync("2001", secure: true);
        using var media = new SrtpPeer();
        caller.Body = media.Sdp("RTP/AVP", crypto: false);

        caller.Call("8000");

        var refusal = Assert.Single(caller.Responses, r => r.StatusCode == SipStatus.NotAcceptableHere);
        Assert.Equal(LegMedia.NotAcceptable, refusal.ReasonPhrase);
    }

    [Fact]
    public async Task An_account_that_requires_srtp_is_refused_even_srtp_when_its_signalling_is_not_secure()
    {
        await using var f = await B2buaFixture.StartAsync();
        f.Pbx.Srtp.Replace([new("2001", SrtpPolicy.Required)]);
        var caller = await f.PhoneAsync("2001");
        using var media = new SrtpPeer();
        caller.Body = media.Sdp();

        caller.Call("8000");

        Assert.Contains(caller.Responses, r => r.StatusCode == SipStatus.NotAcceptableHere);
    }

    [Fact]
    public async Task Over_plain_udp_an_savp_offer_is_refused_and_best_effort_crypto_gets_plain_rtp()
    {
        await using var f = await B2buaFixture.StartAsync();
        var savp = await f.PhoneAsync("2001");
        var bestEffort = await f.PhoneAsync("2002");
        using var media = new SrtpPeer();
        savp.Body = media.Sdp();
        bestEffort.Body = media.Sdp("RTP/AVP");

        savp.Call("8000");
        bestEffort.Call("8000");

        Assert.Contains(savp.Responses, r => r.StatusCode == SipStatus.NotAcceptableHere);
        var ok = Assert.Single(bestEffort.Responses, r => r.StatusCode == SipStatus.Ok && r.CSeq.Method == SipMethod.Invite);
        Assert.Contains(" RTP/AVP ", ok.BodyText, StringComparison.Ordinal);
        Assert.DoesNotContain("a=crypto", ok.BodyText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_account_with_srtp_off_gets_plain_rtp_even_over_tls()
    {
        await using var f = await B2buaFixture.StartAsync();
        f.Pbx.Srtp.Replace([new("2001", SrtpPolicy.Off)]);
        var caller = await f.PhoneAsync("2001", secure: true);
        using var media = new SrtpPeer();
        caller.Body = media.Sdp("RTP/AVP");

        caller.Call("8000");

        var ok = Assert.Single(caller.Responses, r => r.StatusCode == SipStatus.Ok && r.CSeq.Method == SipMethod.Invite);
        Assert.DoesNotContain("a=crypto", ok.BodyText, StringComparison.Ordinal);
    }
}
