using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using Omstilling.Media.Tests.Support;
using Omstilling.Simulator.Phones;
using Omstilling.Sip.Messages;

namespace Omstilling.Simulator.Tests.Phones;

/// <summary>
/// Two phone networks on loopback calling each other with no server between them: real SIP over
/// UDP through our stack, real RTP through the media server. Every wait is bounded.
/// </summary>
public sealed class PhoneToPhoneTests : IAsyncLifetime
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(5);

    /// <summary>Nothing listens there: these networks call each other directly and never register.</summary>
    private static readonly IPEndPoint NoServer = new(IPAddress.Loopback, 9);

    private PhoneNetwork _a = null!;
    private PhoneNetwork _b = null!;

    public async Task InitializeAsync()
    {
        _a = await PhoneNetwork.StartAsync(new PhoneNetworkOptions(NoServer, IPAddress.Loopback, FirstRtpPort: 40000, LastRtpPort: 40199), TimeProvider.System, NullLoggerFactory.Instance, CancellationToken.None);
        _b = await PhoneNetwork.StartAsync(new PhoneNetworkOptions(NoServer, IPAddress.Loopback, FirstRtpPort: 40200, LastRtpPort: 40399), TimeProvider.System, NullLoggerFactory.Instance, CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await _a.DisposeAsync();
        await _b.DisposeAsync();
    }

    [Fact]
    public async Task A_call_rings_is_answered_carries_digits_and_audio_both_ways_and_ends_when_the_callee_hangs_up()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var arrived = new TaskCompletionSource<IncomingCall>(TaskCreationOptions.RunContinuationsAsynchronously);
        _b.Phone("bob").Incoming = async (call, ct) =>
        {
            arrived.TrySetResult(call);
            await call.RingAsync(ct);
            await Task.Delay(TimeSpan.FromMilliseconds(300), ct);
            await call.AnswerAsync(ct);
        };

        var outgoing = _a.Phone("alice", displayName: "Alice Ask").Call(ToBob(), _b.SipEndPoint);
        var incoming = await arrived.Task.WaitAsync(Wait);
        Assert.Equal(("alice", "Alice Ask"), (incoming.CallerNumber, incoming.CallerName));
        Assert.True(await outgoing.Answered.WaitAsync(Wait));
        Assert.True(outgoing.Rang);
        Assert.True(await incoming.Answered.WaitAsync(Wait));

        await outgoing.SendDigitsAsync("12#", timeout.Token).WaitAsync(Wait);
        Assert.True(await Eventually.ReachedAsync(() => string.Concat(incoming.DigitsHeard) == "12#"), string.Concat(incoming.DigitsHeard));
        Assert.Empty(outgoing.DigitsHeard);

        // 20 ms packets both ways: 25 of them is half a second of the quiet tone.
        Assert.True(await Eventually.ReachedAsync(() => outgoing.PacketsReceived >= 25 && incoming.PacketsReceived >= 25),
            $"alice received {outgoing.PacketsReceived}, bob {incoming.PacketsReceived}");

        await incoming.HangUpAsync(timeout.Token).WaitAsync(Wait);
        Assert.Equal(CallEnding.HungUpHere, await incoming.Ended.WaitAsync(Wait));
        Assert.Equal(CallEnding.HungUpThere, await outgoing.Ended.WaitAsync(Wait));
        Assert.Null(outgoing.RefusedStatus);

        // The audio stopped with the call.
        var sent = outgoing.PacketsSent;
        await Task.Delay(TimeSpan.FromMilliseconds(100));
        Assert.Equal(sent, outgoing.PacketsSent);
        Assert.Equal((0, 0), (_a.ActiveCalls, _b.ActiveCalls));
        Assert.Equal((0L, 0L), (_a.Faults.Total, _b.Faults.Total));
    }

    [Fact]
    public async Task A_call_the_caller_cancels_before_the_answer_ends_cancelled_on_both_sides()
    {
        var arrived = new TaskCompletionSource<IncomingCall>(TaskCreationOptions.RunContinuationsAsynchronously);
        _b.Phone("bob").Incoming = async (call, ct) =>
        {
            await call.RingAsync(ct);
            arrived.TrySetResult(call);
        };

        var outgoing = _a.Phone("alice").Call(ToBob(), _b.SipEndPoint);
        var incoming = await arrived.Task.WaitAsync(Wait);
        Assert.True(await Eventually.ReachedAsync(() => outgoing.Rang));

        await outgoing.HangUpAsync(CancellationToken.None).WaitAsync(Wait);

        Assert.Equal(CallEnding.Cancelled, await outgoing.Ended.WaitAsync(Wait));
        Assert.Equal(CallEnding.Cancelled, await incoming.Ended.WaitAsync(Wait));
        Assert.Equal(487, outgoing.RefusedStatus);
        Assert.False(await outgoing.Answered.WaitAsync(Wait));
        Assert.False(await incoming.Answered.WaitAsync(Wait));
    }

    [Fact]
    public async Task A_phone_without_a_handler_is_busy()
    {
        _b.Phone("carol");

        var outgoing = _a.Phone("alice").Call(SipUri.Sip("carol", "127.0.0.1", _b.SipEndPoint.Port), _b.SipEndPoint);

        Assert.Equal(CallEnding.Refused, await outgoing.Ended.WaitAsync(Wait));
        Assert.Equal(486, outgoing.RefusedStatus);
        Assert.False(await outgoing.Answered.WaitAsync(Wait));
    }

    [Fact]
    public async Task A_call_to_a_user_the_network_does_not_have_is_refused_404()
    {
        var outgoing = _a.Phone("alice").Call(SipUri.Sip("nobody", "127.0.0.1", _b.SipEndPoint.Port), _b.SipEndPoint);

        Assert.Equal(CallEnding.Refused, await outgoing.Ended.WaitAsync(Wait));
        Assert.Equal(404, outgoing.RefusedStatus);
    }

    [Fact]
    public async Task The_caller_hangs_up_an_answered_call_and_the_callee_sees_it_from_there()
    {
        var arrived = new TaskCompletionSource<IncomingCall>(TaskCreationOptions.RunContinuationsAsynchronously);
        _b.Phone("bob").Incoming = async (call, ct) =>
        {
            arrived.TrySetResult(call);
            await call.AnswerAsync(ct);
        };

        var outgoing = _a.Phone("alice").Call(ToBob(), _b.SipEndPoint);
        Assert.True(await outgoing.Answered.WaitAsync(Wait));
        var incoming = await arrived.Task.WaitAsync(Wait);
        Assert.True(await incoming.Answered.WaitAsync(Wait));

        await outgoing.HangUpAsync(CancellationToken.None).WaitAsync(Wait);

        Assert.Equal(CallEnding.HungUpHere, await outgoing.Ended.WaitAsync(Wait));
        Assert.Equal(CallEnding.HungUpThere, await incoming.Ended.WaitAsync(Wait));
    }

    private SipUri ToBob() => SipUri.Sip("bob", "127.0.0.1", _b.SipEndPoint.Port);
}
