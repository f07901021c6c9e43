using Omstilling.Calls.Tests.Support;
using Omstilling.Sip.Transport;

namespace Omstilling.Calls.Tests.Signalling;

/// <summary>
/// A phone's next message can come back on another receive thread the instant ours leaves, before
/// the answering thread has finished. It must still reach the call. The caller's ACK to our 2xx:
/// one that finds no dialog is dropped and the 2xx retransmitted after T1 (seen as 0.1 %
/// retransmissions at 600 calls/s). The callee's BYE right after our ACK: it would get 481.
/// </summary>
public sealed class AckRaceTests
{
    [Fact]
    public async Task A_served_number_hears_the_ack_that_arrives_while_it_is_still_answering()
    {
        await using var f = await B2buaFixture.StartAsync();
        var caller = await f.PhoneAsync("2001");
        var race = new AckOnAnotherThread(f, caller);

        caller.Call("8000");

        AssertNoRetransmittedOk(f, race);
    }

    [Fact]
    public async Task A_bridged_caller_hears_the_ack_that_arrives_while_the_call_is_still_answering()
    {
        await using var f = await B2buaFixture.StartAsync();
        var caller = await f.PhoneAsync("2001");
        var callee = await f.PhoneAsync("2002");
        caller.Call("2002");
        var race = new AckOnAnotherThread(f, caller);

        callee.Answer();

        AssertNoRetransmittedOk(f, race);
    }

    [Fact]
    public async Task A_callee_hanging_up_the_instant_it_has_our_ack_is_heard()
    {
        await using var f = await B2buaFixture.StartAsync();
        var caller = await f.PhoneAsync("2001");
        var callee = await f.PhoneAsync("2002");
        caller.Call("2002");
        Thread? second = null;
        var heldByTheCall = false;
        f.Network.AfterSend = packet =>
        {
            if (second is null && packet.To.Equals(callee.Address) && packet.Text.StartsWith("ACK ", StringComparison.Ordinal))
            {
                // On another thread: the phone gets the ACK and hangs up at once, while the call is still answering.
                second = new Thread(() =>
                {
                    f.Deliver();
                    callee.HangUp();
                }) { IsBackground = true, Name = "second receive thread" };
                second.Start();
                heldByTheCall = !second.Join(TimeSpan.FromMilliseconds(300));
            }
        };

        callee.Answer();
        f.Network.AfterSend = null;
        Assert.NotNull(second);
        Assert.True(heldByTheCall, "the BYE came in while the call was still answering, and waited for it");
        Assert.True(second.Join(TimeSpan.FromSeconds(5)));
        f.Deliver();

        var bye = Assert.Single(callee.Responses, r => r.CSeq.Method == Omstilling.Sip.Messages.SipMethod.Bye);
        Assert.Equal(200, bye.StatusCode);
        Assert.True(caller.ReceivedMethod(Omstilling.Sip.Messages.SipMethod.Bye), "the caller is hung up too");
    }

    private static void AssertNoRetransmittedOk(B2buaFixture f, AckOnAnotherThread race)
    {
        Assert.True(race.Triggered, "the 2xx to the caller was sent");
        Assert.True(race.HeldByTheCall, "the ACK came in while the call was still answering, and waited for it");
        race.Finish();
        f.Time.Advance(TimeSpan.FromMilliseconds(600)); // past T1: a 2xx without its ACK goes again
        f.Deliver();
        f.Time.Advance(TimeSpan.FromMilliseconds(1100));
        f.Deliver();
        Assert.Equal(1, race.OksToCaller());
    }

    /// <summary>
    /// When the server sends its first 2xx to the caller, delivers it on another thread at once, so
    /// the phone's ACK is received there while the sending thread still holds the call. Waits
    /// (bounded) for that thread: it finishes if the ACK found no call, or blocks on the call's lock.
    /// </summary>
    private sealed class AckOnAnotherThread
    {
        private readonly B2buaFixture _fixture;
        private readonly TestPhone _caller;
        private Thread? _thread;

        public AckOnAnotherThread(B2buaFixture fixture, TestPhone caller)
        {
            _fixture = fixture;
            _caller = caller;
            fixture.Network.AfterSend = OnSent;
        }

        public bool Triggered => _thread is not null;

        /// <summary>True when the ACK's thread was still inside the call when the sender went on: the race happened.</summary>
        public bool HeldByTheCall { get; private set; }

        public int OksToCaller() => _fixture.Network.Sent.Count(IsOkToCaller);

        public void Finish()
        {
            _fixture.Network.AfterSend = null;
            Assert.True(_thread!.Join(TimeSpan.FromSeconds(5)), "the ACK was handled once the call was free");
        }

        private bool IsOkToCaller(InMemoryNetwork.Packet p) =>
            p.To.Equals(_caller.Address) && p.Text.StartsWith("SIP/2.0 200", StringComparison.Ordinal) && p.Text.Contains(" INVITE\r\n", StringComparison.Ordinal);

        private void OnSent(InMemoryNetwork.Packet packet)
        {
            if (_thread is not null || !IsOkToCaller(packet))
            {
                return;
            }

            _thread = new Thread(() => _fixture.Deliver()) { IsBackground = true, Name = "second receive thread" };
            _thread.Start();
            HeldByTheCall = !_thread.Join(TimeSpan.FromMilliseconds(300));
        }
    }
}
