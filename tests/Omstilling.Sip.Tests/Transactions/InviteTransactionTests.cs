using Omstilling.Sip.Messages;
using Omstilling.Sip.Tests.Support;
using Omstilling.Sip.Transactions;
using Omstilling.Sip.Transport;

namespace Omstilling.Sip.Tests.Transactions;

public sealed class InviteTransactionTests
{
    private static bool IsAck(string text) => text.StartsWith("ACK ", StringComparison.Ordinal);

    [Fact]
    public async Task Invite_gets_100_trying_at_once_and_a_busy_answer_is_acked_by_the_client_transaction()
    {
        await using var pair = await StackPair.StartAsync();
        pair.ServerCore.Answer = _ => SipStatus.BusyHere;

        var tx = pair.Client.SendRequest(StackPair.NewRequest(SipMethod.Invite), pair.ServerEndPoint, pair.ClientCore);
        pair.Deliver();

        Assert.Equal([100, 486], pair.ClientCore.StatusCodes);
        Assert.Equal(TransactionState.Completed, tx.State);
        Assert.Equal(1, pair.CountSent(IsAck));
        Assert.Empty(pair.ServerCore.Acks); // the non-2xx ACK stays inside the transaction
        var ack = pair.SentTexts.Single(IsAck);
        Assert.Contains("CSeq: 1 ACK", ack, StringComparison.Ordinal);
        Assert.Contains(tx.Request.TopVia.Branch!, ack, StringComparison.Ordinal);

        pair.Advance(TimeSpan.FromSeconds(5)); // Timer I = T4 in Confirmed
        Assert.Equal(0, pair.Server.ServerTransactionCount);
        pair.Advance(TimeSpan.FromSeconds(28)); // Timer D = 32 s
        Assert.Equal(0, pair.Client.ClientTransactionCount);
    }

    [Fact]
    public async Task A_lost_ack_makes_the_server_retransmit_the_final_response_on_timer_g_until_timer_h()
    {
        await using var pair = await StackPair.StartAsync();
        pair.ServerCore.Answer = _ => SipStatus.BusyHere;
        pair.Network.Drop = p => IsAck(p.Text);

        pair.Client.SendRequest(StackPair.NewRequest(SipMethod.Invite), pair.ServerEndPoint, pair.ClientCore);
        pair.Deliver();
        pair.Advance(TimeSpan.FromSeconds(32.5));

        // G: T1, 2T1, 4T1, then T2 capped: 0.5, 1.5, 3.5, 7.5, ..., 31.5 → 10 retransmissions + the first.
        Assert.Equal(11, pair.CountSent(t => t.StartsWith("SIP/2.0 486", StringComparison.Ordinal)));
        Assert.Equal(11, pair.CountSent(IsAck)); // each retransmission is ACKed again, never passed up
        Assert.Equal([100, 486], pair.ClientCore.StatusCodes);
        Assert.Equal(0, pair.Server.ServerTransactionCount);
    }

    [Fact]
    public async Task A_2xx_is_retransmitted_until_the_tu_reports_the_ack()
    {
        await using var pair = await StackPair.StartAsync();
        ServerInviteTransaction? invite = null;
        pair.ServerCore.Answer = tx =>
        {
            invite = (ServerInviteTransaction)tx;
            return SipStatus.Ok;
        };
        var responsesToClient = 0;
        pair.Network.Drop = p => p.To.Equals(StackPair.ClientAddress) && p.Text.StartsWith("SIP/2.0 200", StringComparison.Ordinal) && ++responsesToClient <= 2;

        pair.Client.SendRequest(StackPair.NewRequest(SipMethod.Invite), pair.ServerEndPoint, pair.ClientCore);
        pair.Deliver();
        pair.Advance(TimeSpan.FromSeconds(1.6)); // retransmissions at 0.5 and 1.5 s: the third copy arrives

        Assert.Equal([100, 200], pair.ClientCore.StatusCodes);
        invite!.AckReceived();
        pair.Advance(TimeSpan.FromSeconds(10));

        Assert.Equal(3, pair.CountSent(t => t.StartsWith("SIP/2.0 200", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task An_unacknowledged_2xx_ends_after_timer_l_and_tells_the_tu()
    {
        await using var pair = await StackPair.StartAsync();
        var timedOut = 0;
        pair.ServerCore.Answer = tx =>
        {
            ((ServerInviteTransaction)tx).AckTimedOut += _ => timedOut++;
            return SipStatus.Ok;
        };

        pair.Client.SendRequest(StackPair.NewRequest(SipMethod.Invite), pair.ServerEndPoint, pair.ClientCore);
        pair.Deliver();
        pair.Advance(TimeSpan.FromSeconds(33));

        Assert.Equal(1, timedOut);
        Assert.Equal(0, pair.Server.ServerTransactionCount);
        // The client passed every retransmitted 2xx to its TU while Accepted, then strays after Timer M.
        Assert.True(pair.ClientCore.StatusCodes.Count(s => s == 200) + pair.ClientCore.Stray2xx.Count >= 10);
    }

    [Fact]
    public async Task Retransmitted_invite_is_absorbed_and_answered_with_the_last_provisional()
    {
        await using var pair = await StackPair.StartAsync();
        pair.ServerCore.Answer = tx =>
        {
            tx.Respond(SipStatus.Ringing);
            return null;
        };
        pair.Network.Drop = p => p.To.Equals(StackPair.ClientAddress);

        pair.Client.SendRequest(StackPair.NewRequest(SipMethod.Invite), pair.ServerEndPoint, pair.ClientCore);
        pair.Deliver();
        pair.Advance(TimeSpan.FromSeconds(0.6)); // Timer A retransmits the INVITE once

        Assert.Single(pair.ServerCore.Requests);
        Assert.Equal(2, pair.CountSent(t => t.StartsWith("SIP/2.0 180", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Cancel_after_ringing_ends_the_invite_with_487_and_the_cancel_with_200()
    {
        await using var pair = await StackPair.StartAsync();
        pair.ServerCore.Answer = tx =>
        {
            tx.Respond(SipStatus.Ringing);
            return null;
        };

        var tx = (ClientInviteTransaction)pair.Client.SendRequest(StackPair.NewRequest(SipMethod.Invite), pair.ServerEndPoint, pair.ClientCore);
        pair.Deliver();
        tx.Cancel();
        pair.Deliver();

        Assert.Single(pair.ServerCore.Cancels);
        Assert.Equal([100, 180, 487], pair.ClientCore.StatusCodes);
        var cancelOk = pair.SentTexts.Single(t => t.StartsWith("SIP/2.0 200", StringComparison.Ordinal));
        Assert.Contains("CSeq: 1 CANCEL", cancelOk, StringComparison.Ordinal);
        Assert.Equal(1, pair.CountSent(IsAck));
        var invite = Assert.Single(pair.ServerCore.Requests);
        Assert.Contains($"tag={invite.LocalTag}", cancelOk, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancel_before_any_provisional_waits_for_one()
    {
        await using var pair = await StackPair.StartAsync();
        pair.ServerCore.Answer = _ => null;
        pair.Network.Drop = p => p.To.Equals(StackPair.ClientAddress) && p.Text.StartsWith("SIP/2.0 100", StringComparison.Ordinal) && pair.Time.GetUtcNow().Second < 1;

        var tx = (ClientInviteTransaction)pair.Client.SendRequest(StackPair.NewRequest(SipMethod.Invite), pair.ServerEndPoint, pair.ClientCore);
        tx.Cancel();
        pair.Deliver();
        Assert.Equal(0, pair.CountSent(t => t.StartsWith("CANCEL", StringComparison.Ordinal)));

        pair.Advance(TimeSpan.FromSeconds(1.6)); // the INVITE retransmission draws a 100 that gets through

        Assert.Equal(1, pair.CountSent(t => t.StartsWith("CANCEL", StringComparison.Ordinal)));
        Assert.Equal([100, 487], pair.ClientCore.StatusCodes);
    }

    [Fact]
    public async Task Cancel_for_an_unknown_transaction_is_481()
    {
        await using var pair = await StackPair.StartAsync();
        var cancel = StackPair.NewRequest(SipMethod.Cancel);

        pair.Client.SendRequest(cancel, pair.ServerEndPoint, pair.ClientCore);
        pair.Deliver();

        Assert.Equal([481], pair.ClientCore.StatusCodes);
    }

    [Fact]
    public async Task Cancel_after_the_final_answer_changes_nothing()
    {
        await using var pair = await StackPair.StartAsync();
        pair.ServerCore.Answer = _ => SipStatus.Ok;

        var tx = (ClientInviteTransaction)pair.Client.SendRequest(StackPair.NewRequest(SipMethod.Invite), pair.ServerEndPoint, pair.ClientCore);
        pair.Deliver();
        tx.Cancel();
        pair.Deliver();

        Assert.Equal(0, pair.CountSent(t => t.StartsWith("CANCEL", StringComparison.Ordinal)));
        Assert.Empty(pair.ServerCore.Cancels);
    }

    [Fact]
    public async Task Invite_without_any_answer_times_out_with_408_after_timer_b()
    {
        await using var pair = await StackPair.StartAsync();
        pair.Network.Drop = _ => true;

        pair.Client.SendRequest(StackPair.NewRequest(SipMethod.Invite), pair.ServerEndPoint, pair.ClientCore);
        pair.Advance(TimeSpan.FromSeconds(32.1));

        Assert.Equal([408], pair.ClientCore.StatusCodes);
        // Timer A doubles without a cap: 0, 0.5, 1.5, 3.5, 7.5, 15.5, 31.5.
        Assert.Equal(7, pair.CountSent(t => t.StartsWith("INVITE", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Over_tcp_nothing_is_retransmitted()
    {
        await using var pair = await StackPair.StartAsync(SipTransportKind.Tcp);
        pair.ServerCore.Answer = _ => null;

        pair.Client.SendRequest(StackPair.NewRequest(SipMethod.Invite), pair.ServerEndPoint, pair.ClientCore);
        pair.Advance(TimeSpan.FromSeconds(10));

        Assert.Equal(1, pair.CountSent(t => t.StartsWith("INVITE", StringComparison.Ordinal)));
        Assert.Equal([100], pair.ClientCore.StatusCodes);
    }
}
