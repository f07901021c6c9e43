using Omstilling.Sip.Messages;
using Omstilling.Sip.Tests.Support;
using Omstilling.Sip.Transactions;
using Omstilling.Sip.Transport;

namespace Omstilling.Sip.Tests.Transactions;

public sealed class NonInviteTransactionTests
{
    [Fact]
    public async Task Options_is_answered_and_both_transactions_end_after_their_timers()
    {
        await using var pair = await StackPair.StartAsync();

        pair.Client.SendRequest(StackPair.NewRequest(SipMethod.Options), pair.ServerEndPoint, pair.ClientCore);
        pair.Deliver();

        Assert.Equal([200], pair.ClientCore.StatusCodes);
        Assert.Equal(1, pair.Server.ServerTransactionCount);
        Assert.Equal(1, pair.Client.ClientTransactionCount);

        pair.Advance(TimeSpan.FromSeconds(5)); // Timer K = T4
        Assert.Equal(0, pair.Client.ClientTransactionCount);
        Assert.Equal(1, pair.Server.ServerTransactionCount);

        pair.Advance(TimeSpan.FromSeconds(28)); // Timer J = 64*T1 = 32 s
        Assert.Equal(0, pair.Server.ServerTransactionCount);
    }

    [Fact]
    public async Task Over_tcp_the_transactions_end_at_once()
    {
        await using var pair = await StackPair.StartAsync(SipTransportKind.Tcp);

        pair.Client.SendRequest(StackPair.NewRequest(SipMethod.Options), pair.ServerEndPoint, pair.ClientCore);
        pair.Deliver();

        Assert.Equal([200], pair.ClientCore.StatusCodes);
        Assert.Equal(0, pair.Client.ClientTransactionCount);
        Assert.Equal(0, pair.Server.ServerTransactionCount);
    }

    [Fact]
    public async Task Lost_requests_are_retransmitted_on_timer_e_and_the_server_absorbs_duplicates()
    {
        await using var pair = await StackPair.StartAsync();
        var requestsToServer = 0;
        pair.Network.Drop = p => p.To.Equals(StackPair.ServerAddress) && ++requestsToServer <= 2;

        pair.Client.SendRequest(StackPair.NewRequest(SipMethod.Options), pair.ServerEndPoint, pair.ClientCore);
        pair.Deliver();
        Assert.Empty(pair.ClientCore.Responses);

        pair.Advance(TimeSpan.FromMilliseconds(500)); // E fires at T1: second copy, also lost
        Assert.Empty(pair.ClientCore.Responses);
        pair.Advance(TimeSpan.FromMilliseconds(1000)); // then at 2*T1: third copy arrives

        Assert.Equal([200], pair.ClientCore.StatusCodes);
        Assert.Single(pair.ServerCore.Requests);
        Assert.Equal(3, pair.CountSent(t => t.StartsWith("OPTIONS", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_retransmitted_request_after_the_answer_gets_the_same_answer_again()
    {
        await using var pair = await StackPair.StartAsync();
        var responsesToClient = 0;
        pair.Network.Drop = p => p.To.Equals(StackPair.ClientAddress) && ++responsesToClient == 1;

        pair.Client.SendRequest(StackPair.NewRequest(SipMethod.Options), pair.ServerEndPoint, pair.ClientCore);
        pair.Deliver();
        pair.Advance(TimeSpan.FromMilliseconds(500));

        Assert.Equal([200], pair.ClientCore.StatusCodes);
        Assert.Single(pair.ServerCore.Requests);
        Assert.Equal(2, pair.CountSent(t => t.StartsWith("SIP/2.0 200", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task No_answer_times_out_with_408_after_64_t1()
    {
        await using var pair = await StackPair.StartAsync();
        pair.Network.Drop = _ => true;

        pair.Client.SendRequest(StackPair.NewRequest(SipMethod.Options), pair.ServerEndPoint, pair.ClientCore);
        pair.Advance(TimeSpan.FromSeconds(31.9));
        Assert.Empty(pair.ClientCore.Responses);

        pair.Advance(TimeSpan.FromSeconds(0.2));

        Assert.Equal([408], pair.ClientCore.StatusCodes);
        // E: 0.5, 1.5, 3.5, 7.5, 11.5, ... capped at T2 = 4 s: 11 sends in 32 s.
        Assert.Equal(11, pair.CountSent(t => t.StartsWith("OPTIONS", StringComparison.Ordinal)));
        Assert.Equal(0, pair.Client.ClientTransactionCount);
    }

    [Fact]
    public async Task Unknown_method_is_answered_501()
    {
        await using var pair = await StackPair.StartAsync();

        pair.Client.SendRequest(StackPair.NewRequest(new SipMethod("FROBNICATE")), pair.ServerEndPoint, pair.ClientCore);
        pair.Deliver();

        Assert.Equal([501], pair.ClientCore.StatusCodes);
        Assert.Empty(pair.ServerCore.Requests);
    }

    [Fact]
    public async Task Server_stamps_received_and_rport_on_the_top_via()
    {
        await using var pair = await StackPair.StartAsync();
        var request = StackPair.NewRequest(SipMethod.Options);
        request.Headers.Add(HeaderName.Via, "SIP/2.0/UDP 10.9.9.9:5999;branch=z9hG4bKnat1;rport");
        var bytes = Serialization.SipMessageWriter.ToBytes(request);

        await pair.Client.Transports[0].SendAsync(StackPair.ServerAddress, bytes, CancellationToken.None);
        pair.Deliver();

        var via = Assert.Single(pair.ServerCore.Requests).Request.TopVia;
        Assert.Equal("192.0.2.1", via.Received);
        Assert.Equal(5060, via.RPort);
        var response = pair.Network.Sent.Last();
        Assert.Equal(StackPair.ClientAddress, response.To); // sent to received:rport, not to 10.9.9.9:5999
    }

    /// <summary>
    /// Found by fuzzing (sip-via): a client's rport of 632767 was taken as the port to answer to,
    /// and making that address threw while the response was sent. A value that is no port is
    /// replaced by the source port, as an empty rport is (RFC 3581 §4).
    /// </summary>
    [Theory]
    [InlineData("632767")]
    [InlineData("65536")]
    [InlineData("0")]
    public async Task An_rport_that_is_no_port_is_replaced_by_the_source_port(string rport)
    {
        await using var pair = await StackPair.StartAsync();
        var request = StackPair.NewRequest(SipMethod.Options);
        request.Headers.Add(HeaderName.Via, $"SIP/2.0/UDP 10.9.9.9:5999;branch=z9hG4bKnat2;rport={rport}");
        var bytes = Serialization.SipMessageWriter.ToBytes(request);

        await pair.Client.Transports[0].SendAsync(StackPair.ServerAddress, bytes, CancellationToken.None);
        pair.Deliver();

        var via = Assert.Single(pair.ServerCore.Requests).Request.TopVia;
        Assert.Equal(5060, via.RPort);
        Assert.Equal(StackPair.ClientAddress, pair.Network.Sent.Last().To);
    }
}
