using Omstilling.Calls.Events;
using Omstilling.Calls.Tests.Support;
using Omstilling.Sip.Messages;

namespace Omstilling.Calls.Tests.Signalling;

public sealed class B2buaCallTests
{
    [Fact]
    public async Task Call_between_two_registered_phones_rings_answers_and_ends_when_the_caller_hangs_up()
    {
        await using var f = await B2buaFixture.StartAsync();
        var caller = await f.PhoneAsync("2001");
        var callee = await f.PhoneAsync("2002");

        caller.Call("2002");
        Assert.Contains(180, caller.Statuses);
        Assert.Equal(CallEventKind.Ringing, f.Events[^1].Kind);

        callee.Answer();
        Assert.Equal(200, caller.Statuses.Last());
        // Media is anchored: the caller is told to send to the server's stream, not to the callee.
        var answer = Omstilling.Media.Sdp.SessionDescription.Parse(caller.Responses.Last().BodyText);
        Assert.Equal(System.Net.IPAddress.Loopback, answer.Connection);
        Assert.InRange(answer.Media[0].Port, f.Media.Options.FirstPort, f.Media.Options.LastPort);
        Assert.Equal([8, 101], answer.Media[0].Formats);
        Assert.Equal(2, f.Media.StreamCount);
        Assert.True(callee.ReceivedMethod(SipMethod.Ack));
        var answered = Assert.Single(f.EventsOf(CallEventKind.Answered));
        Assert.Equal("2002", answered.AnsweredBy);
        Assert.Equal("2001", answered.Caller);

        caller.HangUp();

        Assert.True(callee.ReceivedMethod(SipMethod.Bye));
        Assert.Equal(CallEndReason.CallerHungUp, Assert.Single(f.EventsOf(CallEventKind.Ended)).EndReason);
        Assert.Equal(0, f.Pbx.Calls.ActiveCalls);
    }

    [Fact]
    public async Task Callee_hanging_up_sends_bye_to_the_caller()
    {
        await using var f = await B2buaFixture.StartAsync();
        var caller = await f.PhoneAsync("2001");
        var callee = await f.PhoneAsync("2002");
        caller.Call("2002");
        callee.Answer();

        callee.HangUp();

        Assert.True(caller.ReceivedMethod(SipMethod.Bye));
        Assert.Equal(CallEndReason.CalleeHungUp, Assert.Single(f.EventsOf(CallEventKind.Ended)).EndReason);
    }

    [Fact]
    public async Task The_invite_to_the_callee_carries_the_callers_number_and_sdp_and_counts_down_max_forwards()
    {
        await using var f = await B2buaFixture.StartAsync();
        var caller = await f.PhoneAsync("2001");
        var callee = await f.PhoneAsync("2002");

        caller.Call("2002");

        var invite = callee.Received.Single(r => r.Method == SipMethod.Invite);
        Assert.Equal("2001", invite.From.Uri.User);
        Assert.Equal("Phone 2001", invite.From.DisplayName);
        Assert.Equal("2002", invite.To.Uri.User);
        Assert.Equal(69, invite.MaxForwards);
        Assert.Contains("s=Omstilling", invite.BodyText, StringComparison.Ordinal); // our offer, from our stream
        Assert.Contains("a=rtpmap:8 PCMA/8000", invite.BodyText, StringComparison.Ordinal);
        Assert.NotEqual(caller.Responses.First().CallId, invite.CallId); // two legs, two dialogs
    }

    [Fact]
    public async Task Caller_cancelling_before_the_answer_cancels_the_callee_and_gets_487()
    {
        await using var f = await B2buaFixture.StartAsync();
        var caller = await f.PhoneAsync("2001");
        var callee = await f.PhoneAsync("2002");
        callee.Behaviour = PhoneBehaviour.RingForever;
        caller.Call("2002");

        caller.CancelCall();

        Assert.Contains(487, caller.Statuses);
        Assert.True(callee.ReceivedMethod(SipMethod.Cancel));
        Assert.Equal(CallEndReason.CallerCancelled, Assert.Single(f.EventsOf(CallEventKind.Ended)).EndReason);
    }

    [Fact]
    public async Task Busy_callee_gives_the_caller_486()
    {
        await using var f = await B2buaFixture.StartAsync();
        var caller = await f.PhoneAsync("2001");
        var callee = await f.PhoneAsync("2002");
        callee.Behaviour = PhoneBehaviour.Busy;

        caller.Call("2002");

        Assert.Equal(486, caller.Statuses.Last());
        Assert.Equal(CallEndReason.Busy, Assert.Single(f.EventsOf(CallEventKind.Ended)).EndReason);
    }

    [Fact]
    public async Task Unanswered_call_gives_up_after_four_rings_of_five_seconds()
    {
        await using var f = await B2buaFixture.StartAsync();
        var caller = await f.PhoneAsync("2001");
        var callee = await f.PhoneAsync("2002");
        callee.Behaviour = PhoneBehaviour.RingForever;
        caller.Call("2002");

        f.Advance(TimeSpan.FromSeconds(19.5));
        Assert.Empty(f.EventsOf(CallEventKind.Ended));

        f.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(480, caller.Statuses.Last());
        Assert.True(callee.ReceivedMethod(SipMethod.Cancel));
        var ended = Assert.Single(f.EventsOf(CallEventKind.Ended));
        Assert.Equal(CallEndReason.NoAnswer, ended.EndReason);
    }

    [Fact]
    public async Task Unregistered_target_is_480()
    {
        await using var f = await B2buaFixture.StartAsync();
        var caller = await f.PhoneAsync("2001");
        await f.PhoneAsync("2003", register: false);

        caller.Call("2003");

        Assert.Equal(480, caller.Statuses.Last());
        Assert.Equal(CallEndReason.Unavailable, Assert.Single(f.EventsOf(CallEventKind.Ended)).EndReason);
        Assert.Single(f.EventsOf(CallEventKind.Started));
    }

    [Fact]
    public async Task Unknown_number_is_404_after_authentication()
    {
        await using var f = await B2buaFixture.StartAsync();
        var caller = await f.PhoneAsync("2001");

        caller.Call("7777");

        Assert.Equal([407, 404], caller.Statuses.Where(s => s >= 200));
    }

    [Fact]
    public async Task Calls_to_extensions_need_credentials()
    {
        await using var f = await B2buaFixture.StartAsync();
        var caller = await f.PhoneAsync("2001");
        var callee = await f.PhoneAsync("2002");

        caller.Call("2002", authenticate: false);

        Assert.Equal(407, caller.Statuses.Last());
        Assert.DoesNotContain(callee.Received, r => r.Method == SipMethod.Invite);
    }

    [Theory]
    [InlineData("54731000")]
    [InlineData("+4554731000")]
    public async Task Anyone_may_call_the_main_number_without_credentials(string dialled)
    {
        await using var f = await B2buaFixture.StartAsync();
        var citizen = await f.PhoneAsync("2001", register: false);
        var oper = await f.PhoneAsync("100");

        citizen.Call(dialled, authenticate: false);

        Assert.DoesNotContain(407, citizen.Statuses);
        Assert.Contains(180, citizen.Statuses);
        Assert.Contains(oper.Received, r => r.Method == SipMethod.Invite);
    }

    [Fact]
    public async Task Both_phones_of_an_account_ring_and_the_first_to_answer_wins()
    {
        await using var f = await B2buaFixture.StartAsync();
        var caller = await f.PhoneAsync("2001");
        var desk = await f.PhoneAsync("2002");
        var mobile = await f.PhoneAsync("2002");

        caller.Call("2002");
        Assert.Contains(desk.Received, r => r.Method == SipMethod.Invite);
        Assert.Contains(mobile.Received, r => r.Method == SipMethod.Invite);

        mobile.Answer();

        Assert.Equal(200, caller.Statuses.Last());
        Assert.True(desk.ReceivedMethod(SipMethod.Cancel));
        Assert.False(mobile.ReceivedMethod(SipMethod.Cancel));
    }

    [Fact]
    public async Task Hold_is_answered_by_the_server_and_the_other_phone_never_sees_a_reinvite()
    {
        await using var f = await B2buaFixture.StartAsync();
        var caller = await f.PhoneAsync("2001");
        var callee = await f.PhoneAsync("2002");
        caller.Call("2002");
        callee.Answer();

        caller.SendInDialog(SipMethod.Invite, TestPhone.Sdp("hold", "sendonly"));

        Assert.Equal(200, caller.Statuses.Last());
        Assert.Contains("a=recvonly", caller.Responses.Last().BodyText, StringComparison.Ordinal);
        Assert.Single(callee.Received, r => r.Method == SipMethod.Invite);
        Assert.Single(f.EventsOf(CallEventKind.Held));

        caller.SendInDialog(SipMethod.Invite, TestPhone.Sdp("resume"));

        Assert.Contains("a=sendrecv", caller.Responses.Last().BodyText, StringComparison.Ordinal);
        Assert.Single(f.EventsOf(CallEventKind.Resumed));
    }

    [Fact]
    public async Task Keys_pressed_in_a_call_are_taken_but_never_recorded()
    {
        await using var f = await B2buaFixture.StartAsync();
        var caller = await f.PhoneAsync("2001");
        var callee = await f.PhoneAsync("2002");
        caller.Call("2002");
        callee.Answer();

        caller.SendInDialog(SipMethod.Info, "Signal=5\r\nDuration=160\r\n");
        caller.SendInDialog(SipMethod.Info, "Signal=7\r\nDuration=160\r\n");

        // A caller may be typing a CPR number or a PIN for the person they talk to.
        Assert.Equal(200, caller.Statuses.Last());
        Assert.Contains(f.Events, e => e.Kind == CallEventKind.Answered);
        Assert.Empty(f.EventsOf(CallEventKind.Digit));
        Assert.All(f.Events, e => Assert.Null(e.Digit));
    }

    [Fact]
    public async Task An_offer_without_g711_is_refused_with_488()
    {
        await using var f = await B2buaFixture.StartAsync();
        var caller = await f.PhoneAsync("2001");
        var callee = await f.PhoneAsync("2002");
        caller.Body = "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 9 RTP/AVP 96\r\na=rtpmap:96 opus/48000/2\r\n";

        caller.Call("2002");

        Assert.Equal(488, caller.Statuses.Last());
        Assert.DoesNotContain(callee.Received, r => r.Method == SipMethod.Invite);
        Assert.Equal(0, f.Media.StreamCount);
    }

    [Fact]
    public async Task With_every_rtp_port_taken_the_caller_gets_503_and_nothing_is_left_behind()
    {
        await using var f = await B2buaFixture.StartAsync();
        var caller = await f.PhoneAsync("2001");
        await f.PhoneAsync("2002");
        var taken = new List<Omstilling.Media.Rtp.RtpStream>();
        try
        {
            while (true)
            {
                taken.Add(f.Media.CreateStream());
            }
        }
        catch (InvalidOperationException)
        {
            // The range is used up.
        }

        caller.Call("2002");

        Assert.Equal(503, caller.Statuses.Last());
        Assert.Equal(0, f.Pbx.Calls.ActiveCalls);
        Assert.Equal(CallEndReason.Failed, Assert.Single(f.EventsOf(CallEventKind.Ended)).EndReason);
        taken.ForEach(s => s.Close());
    }

    [Fact]
    public async Task Malformed_sdp_is_refused_with_400_in_fixed_words_that_echo_none_of_it()
    {
        await using var f = await B2buaFixture.StartAsync();
        var caller = await f.PhoneAsync("2001");
        await f.PhoneAsync("2002");
        caller.Body = "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 not-an-address\r\nt=0 0\r\nm=audio 9 RTP/AVP 8\r\n";

        caller.Call("2002");

        var refusal = caller.Responses.Last();
        Assert.Equal(400, refusal.StatusCode);
        Assert.Equal("Unreadable SDP", refusal.ReasonPhrase); // the parser's own words quote the sender's bytes, which could break our framing
    }

    [Fact]
    public async Task Media_streams_are_released_when_the_call_ends()
    {
        await using var f = await B2buaFixture.StartAsync();
        var caller = await f.PhoneAsync("2001");
        var desk = await f.PhoneAsync("2002");
        var mobile = await f.PhoneAsync("2002");
        caller.Call("2002");
        Assert.Equal(3, f.Media.StreamCount); // the caller's and one per ringing phone
        desk.Answer();
        f.Deliver();
        Assert.Equal(2, f.Media.StreamCount);

        caller.HangUp();

        Assert.Equal(0, f.Media.StreamCount);
    }

    [Fact]
    public async Task Bye_after_the_call_ended_is_481()
    {
        await using var f = await B2buaFixture.StartAsync();
        var caller = await f.PhoneAsync("2001");
        var callee = await f.PhoneAsync("2002");
        caller.Call("2002");
        callee.Answer();
        callee.HangUp();

        caller.HangUp();

        Assert.Equal(481, caller.Statuses.Last());
    }

    [Fact]
    public async Task A_callee_that_answers_after_the_caller_cancelled_is_hung_up_at_once()
    {
        await using var f = await B2buaFixture.StartAsync();
        var caller = await f.PhoneAsync("2001");
        var callee = await f.PhoneAsync("2002");
        callee.Behaviour = PhoneBehaviour.RingForever;
        caller.Call("2002");
        f.Network.Drop = p => p.Text.StartsWith("CANCEL", StringComparison.Ordinal) && p.To.Equals(callee.Address);
        caller.CancelCall();

        callee.Answer();

        Assert.True(callee.ReceivedMethod(SipMethod.Bye));
        Assert.Contains(487, caller.Statuses);
        Assert.DoesNotContain(200, caller.Statuses);
        Assert.Empty(f.EventsOf(CallEventKind.Answered));
    }
}
