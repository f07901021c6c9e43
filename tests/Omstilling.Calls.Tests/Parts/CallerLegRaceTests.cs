using Omstilling.Calls.Events;
using Omstilling.Calls.Tests.Support;
using Omstilling.Sip.Messages;

namespace Omstilling.Calls.Tests.Parts;

/// <summary>
/// The caller leg's races that need a whole call around it, end to end through the in-memory
/// network: a phone's answer and the caller's CANCEL arriving on two receive threads at the same
/// instant, and the caller's BYE overtaking its own ACK. (The ACK arriving while the call is still
/// answering is in <c>AckRaceTests</c>; the leg's own side of both races is in <see cref="CallerLegTests"/>.)
/// </summary>
public sealed class CallerLegRaceTests
{
    /// <summary>
    /// Each order forced: the first message is handled under the call's lock, and the instant the
    /// call sends its answer to it (the 487 to the caller, or the ACK to the phone), the other
    /// message comes in on a second receive thread and must wait for the call.
    /// </summary>
    [Theory]
    [InlineData("the caller's CANCEL")]
    [InlineData("the phone's answer")]
    public async Task Answer_during_cancel_whichever_comes_first_the_other_waits_for_it_and_changes_nothing(string first)
    {
        await using var f = await B2buaFixture.StartAsync();
        var caller = await f.PhoneAsync("2001");
        var callee = await f.PhoneAsync("2002");
        callee.Behaviour = PhoneBehaviour.RingForever;
        caller.Call("2002");
        var cancelFirst = first == "the caller's CANCEL";
        if (cancelFirst)
        {
            caller.CancelCall(deliver: false);
            callee.Answer(deliver: false);
        }
        else
        {
            callee.Answer(deliver: false);
            caller.CancelCall(deliver: false);
        }

        Thread? second = null;
        var waited = false;
        f.Network.AfterSend = p =>
        {
            var answerToFirst = cancelFirst
                ? p.To.Equals(caller.Address) && p.Text.StartsWith("SIP/2.0 487", StringComparison.Ordinal)
                : p.To.Equals(callee.Address) && p.Text.StartsWith("ACK ", StringComparison.Ordinal);
            if (second is null && answerToFirst)
            {
                second = new Thread(() => f.Network.Deliver(maxPackets: 1)) { IsBackground = true, Name = "second receive thread" };
                second.Start();
                waited = !second.Join(TimeSpan.FromMilliseconds(300));
            }
        };

        Assert.Equal(1, f.Network.Deliver(maxPackets: 1));
        f.Network.AfterSend = null;
        Assert.NotNull(second);
        Assert.True(second.Join(TimeSpan.FromSeconds(10)));
        Assert.True(waited, "the second message came in while the call handled the first, and waited for it");
        f.Deliver();

        var finals = caller.Responses.Where(r => r.CSeq.Method == SipMethod.Invite && r.StatusCode is >= 200 and not 407).Select(r => r.StatusCode).Distinct();
        Assert.Equal([cancelFirst ? SipStatus.RequestTerminated : SipStatus.Ok], finals);
        Assert.Equal(!cancelFirst, f.EventsOf(CallEventKind.Answered).Length == 1);
        Assert.Equal(cancelFirst, callee.ReceivedMethod(SipMethod.Bye));
        if (!cancelFirst)
        {
            caller.HangUp();
        }

        Assert.Equal(cancelFirst ? CallEndReason.CallerCancelled : CallEndReason.CallerHungUp, Assert.Single(f.EventsOf(CallEventKind.Ended)).EndReason);
        Assert.Equal(0, f.Faults.Total);
    }

    /// <summary>Whichever wins, the caller gets one final answer and the call is consistent with it: talking, or over with the phone hung up.</summary>
    [Fact]
    public async Task Answer_during_cancel_an_answer_and_the_callers_cancel_arriving_at_once_leave_one_outcome()
    {
        await using var f = await B2buaFixture.StartAsync();
        var caller = await f.PhoneAsync("2001");
        var callee = await f.PhoneAsync("2002");
        callee.Behaviour = PhoneBehaviour.RingForever;

        for (var round = 0; round < 20; round++)
        {
            caller.Responses.Clear();
            callee.Received.Clear();
            caller.Call("2002");
            var callId = f.EventsOf(CallEventKind.Started).Last().CallId;
            callee.Answer(deliver: false);
            caller.CancelCall(deliver: false);

            // Two receive threads, one packet each (the callee's 200, the caller's CANCEL), at the same instant.
            using var start = new Barrier(2);
            var receivers = Enumerable.Range(0, 2).Select(_ => Task.Run(() =>
            {
                start.SignalAndWait(TimeSpan.FromSeconds(10));
                return f.Network.Deliver(maxPackets: 1);
            })).ToArray();
            var delivered = await Task.WhenAll(receivers).WaitAsync(TimeSpan.FromSeconds(10));
            Assert.Equal(2, delivered.Sum());
            f.Deliver();

            var finals = caller.Responses.Where(r => r.CSeq.Method == SipMethod.Invite && r.StatusCode >= 200 && r.StatusCode != 407).Select(r => r.StatusCode).Distinct().ToArray();
            var answered = f.Events.Any(e => e.CallId == callId && e.Kind == CallEventKind.Answered);
            var final = Assert.Single(finals);
            if (final == SipStatus.RequestTerminated)
            {
                // The CANCEL won: the phone that answered is acknowledged and hung up; nobody answered the caller.
                Assert.False(answered, $"round {round}: no Answered after the caller's 487");
                Assert.True(callee.ReceivedMethod(SipMethod.Ack) && callee.ReceivedMethod(SipMethod.Bye), $"round {round}: the answering phone is ACKed and hung up");
            }
            else
            {
                // The answer won: the CANCEL came too late and the two talk until the caller hangs up.
                Assert.Equal(SipStatus.Ok, final);
                Assert.True(answered, $"round {round}: the caller's 200 goes with an Answered");
                Assert.False(callee.ReceivedMethod(SipMethod.Bye), $"round {round}: the call goes on");
                caller.HangUp();
            }

            var ended = Assert.Single(f.Events, e => e.CallId == callId && e.Kind == CallEventKind.Ended);
            Assert.Equal(final == SipStatus.Ok ? CallEndReason.CallerHungUp : CallEndReason.CallerCancelled, ended.EndReason);
        }

        Assert.Equal(0, f.Faults.Total);
        Assert.Equal(0, f.Pbx.Calls.ActiveCalls);
    }

    /// <summary>
    /// The caller's ACK is lost and it hangs up before the ACK of our next 2xx reaches us: the BYE
    /// ends the call; the late ACK finds no call and changes nothing; our 2xx stops at Timer L.
    /// </summary>
    [Fact]
    public async Task Bye_before_ack_the_callers_bye_ends_the_call_and_its_late_ack_changes_nothing()
    {
        await using var f = await B2buaFixture.StartAsync();
        var caller = await f.PhoneAsync("2001");
        var callee = await f.PhoneAsync("2002");
        caller.Call("2002");
        var lost = 0;
        f.Network.Drop = p => p.To.Equals(B2buaFixture.ServerAddress) && p.Text.StartsWith("ACK ", StringComparison.Ordinal) && Interlocked.Increment(ref lost) == 1;
        callee.Answer();
        Assert.Equal(1, lost);

        caller.HangUp(); // before any ACK of ours arrived
        f.Advance(TimeSpan.FromSeconds(1)); // our 2xx goes again; the phone ACKs it: the late ACK
        Assert.True(lost > 1, "a late ACK reached us");
        f.Advance(TimeSpan.FromSeconds(40));
        var oks = OksTo(f, caller);
        f.Advance(TimeSpan.FromSeconds(10));

        Assert.Equal(SipStatus.Ok, caller.Responses.Last(r => r.CSeq.Method == SipMethod.Bye).StatusCode);
        Assert.Equal(CallEndReason.CallerHungUp, Assert.Single(f.EventsOf(CallEventKind.Ended)).EndReason);
        Assert.True(callee.ReceivedMethod(SipMethod.Bye));
        Assert.Equal(oks, OksTo(f, caller)); // no 2xx after Timer L
        Assert.Equal(0, f.Faults.Total);
        Assert.Equal(0, f.Pbx.Calls.ActiveCalls);
    }

    private static int OksTo(B2buaFixture f, TestPhone phone) =>
        f.Network.Sent.Count(p => p.To.Equals(phone.Address) && p.Text.StartsWith("SIP/2.0 200", StringComparison.Ordinal) && p.Text.Contains(" INVITE\r\n", StringComparison.Ordinal));
}
