using Omstilling.Calls.Signalling;
using Omstilling.Calls.Tests.Parts.Support;
using Omstilling.Calls.Tests.Support;
using Omstilling.Sip.Messages;

namespace Omstilling.Calls.Tests.Parts;

/// <summary>
/// <see cref="InDialogRequests"/>: each request in the caller's confirmed dialog, sent by the
/// phone, answered as the dialog and the leg's stream go, and what it means for the call.
/// </summary>
public sealed class InDialogRequestsTests
{
    [Fact]
    public async Task A_bye_is_answered_200_and_ends_the_leg()
    {
        await using var b = new LegBench();
        b.Answered();

        var result = Answer(b, b.PhoneSendsInDialog(SipMethod.Bye));

        Assert.Equal((InDialogOutcome.Bye, 200), (result.Outcome, b.LastStatus()));
    }

    [Theory]
    [InlineData("no dialog")]
    [InlineData("the leg is over")]
    public async Task A_request_in_a_dialog_that_is_over_is_481(string why)
    {
        await using var b = new LegBench();
        b.Answered();
        var bye = b.PhoneSendsInDialog(SipMethod.Bye);

        var result = InDialogRequests.Answer(bye, why == "no dialog" ? null : b.Leg.Dialog, over: why == "the leg is over", b.Leg.Media, b.Leg);

        Assert.Equal((InDialogOutcome.Nothing, 481), (result.Outcome, b.LastStatus()));
    }

    [Fact]
    public async Task A_request_whose_cseq_is_not_higher_than_the_last_is_500()
    {
        await using var b = new LegBench();
        b.Answered();

        var result = Answer(b, b.PhoneSendsInDialog(SipMethod.Bye, cseq: 1)); // the INVITE's

        Assert.Equal((InDialogOutcome.Nothing, 500), (result.Outcome, b.LastStatus()));
    }

    [Theory]
    [InlineData("Signal=5\r\nDuration=160\r\n", "application/dtmf-relay", '5')]
    [InlineData("Signal=#\r\nDuration=160\r\n", "application/dtmf-relay", '#')]
    [InlineData("hello", "text/plain", null)]
    [InlineData("", null, null)]
    public async Task An_info_is_answered_200_and_is_a_key_only_when_it_carries_one(string body, string? type, char? key)
    {
        await using var b = new LegBench();
        b.Answered();

        var result = Answer(b, b.PhoneSendsInDialog(SipMethod.Info, body, type));

        Assert.Equal(200, b.LastStatus());
        Assert.Equal(key is null ? new InDialogResult(InDialogOutcome.Nothing) : new InDialogResult(InDialogOutcome.Key, key.Value), result);
    }

    [Theory]
    [InlineData("OPTIONS", 200)]
    [InlineData("MESSAGE", 501)]
    [InlineData("UPDATE", 501)]
    public async Task Options_is_answered_200_and_what_we_do_not_do_501(string method, int status)
    {
        await using var b = new LegBench();
        b.Answered();

        var result = Answer(b, b.PhoneSendsInDialog(new SipMethod(method)));

        Assert.Equal((InDialogOutcome.Nothing, status), (result.Outcome, b.LastStatus()));
    }

    [Theory]
    [InlineData("sendonly", true)]
    [InlineData("inactive", true)]
    [InlineData("sendrecv", false)]
    public async Task A_reinvite_is_answered_on_the_legs_own_stream_and_holds_or_takes_back_the_other_side(string direction, bool held)
    {
        await using var b = new LegBench();
        b.Answered();

        var result = Answer(b, b.PhoneSendsInDialog(SipMethod.Invite, TestPhone.Sdp("hold", direction)));

        Assert.Equal(new InDialogResult(InDialogOutcome.Hold, Held: held), result);
        Assert.Equal(200, b.LastStatus());
        Assert.Contains("m=audio", b.Rig.PhoneCore.Responses.Last().BodyText, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", 488)]
    [InlineData("v=0\r\nbroken", 400)]
    [InlineData("v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 9 RTP/AVP 9\r\na=rtpmap:9 G722/8000\r\n", 488)]
    public async Task A_reinvite_whose_offer_cannot_be_answered_is_refused_and_changes_nothing(string sdp, int status)
    {
        await using var b = new LegBench();
        b.Answered();

        var result = Answer(b, b.PhoneSendsInDialog(SipMethod.Invite, sdp));

        Assert.Equal((InDialogOutcome.Nothing, status), (result.Outcome, b.LastStatus()));
    }

    [Fact]
    public async Task A_reinvite_to_a_leg_without_a_stream_is_488()
    {
        await using var b = new LegBench();
        b.Answered();

        var result = InDialogRequests.Answer(b.PhoneSendsInDialog(SipMethod.Invite), b.Leg.Dialog, over: false, media: null, b.Leg);

        Assert.Equal((InDialogOutcome.Nothing, 488), (result.Outcome, b.LastStatus()));
    }

    private static InDialogResult Answer(LegBench b, Omstilling.Sip.Transactions.ServerTransaction request) =>
        InDialogRequests.Answer(request, b.Leg.Dialog, over: false, b.Leg.Media, b.Leg);
}
