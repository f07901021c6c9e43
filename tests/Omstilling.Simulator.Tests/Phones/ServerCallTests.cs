using System.Threading.Channels;
using Omstilling.Host.Tests.Support;
using Omstilling.Media.Tests.Support;
using Omstilling.Simulator.Phones;
using Omstilling.Simulator.Tests.Support;

namespace Omstilling.Simulator.Tests.Phones;

/// <summary>
/// Simulated phones against a running server over real SIP and RTP: a staff phone registering and
/// calling the echo test, a citizen calling the main number and an operator answering; the
/// operator's phone transferring the caller (REFER): taken, refused, and not answered (back to the
/// operator's phone).
/// </summary>
public sealed class ServerCallTests(ServerWithPhones fixture) : IClassFixture<ServerWithPhones>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task A_wrong_password_is_refused_with_the_registrars_status()
    {
        var phone = fixture.Phones.Phone("2052", "not-demo2052");

        var refused = await Assert.ThrowsAsync<PhoneException>(() => phone.RegisterAsync(TimeSpan.FromMinutes(5), CancellationToken.None).WaitAsync(Wait));

        Assert.True(refused.Status is 401 or 403, $"refused with {refused.Status}");
    }

    [Fact]
    public async Task A_registered_phone_calls_the_echo_test_and_the_server_sees_its_digits()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var phone = fixture.Phones.Phone("2051", "demo2051", "Lokal 2051");
        await phone.RegisterAsync(TimeSpan.FromMinutes(5), timeout.Token).WaitAsync(Wait);

        var call = phone.Call("8000");
        Assert.True(await call.Answered.WaitAsync(Wait), $"refused {call.RefusedStatus}");
        await call.SendDigitsAsync("159#", timeout.Token).WaitAsync(Wait);

        Assert.Equal("159#", await DigitsReachedAsync(fixture.Server, "2051", "159#"));

        // The echo sends our own audio back.
        Assert.True(await Eventually.ReachedAsync(() => call.PacketsReceived >= 25, Wait), $"received {call.PacketsReceived}");
        await call.HangUpAsync(timeout.Token).WaitAsync(Wait);
        Assert.Equal(CallEnding.HungUpHere, await call.Ended.WaitAsync(Wait));
        await phone.UnregisterAsync(timeout.Token).WaitAsync(Wait);
    }

    [Fact]
    public async Task A_citizen_calls_the_main_number_an_operator_answers_after_a_second_and_hangs_up()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var offered = new TaskCompletionSource<IncomingCall>(TaskCreationOptions.RunContinuationsAsynchronously);
        var operatorPhone = fixture.Phones.Phone("100", "demo100");
        operatorPhone.Incoming = async (call, ct) =>
        {
            offered.TrySetResult(call);
            await call.RingAsync(ct);
            await Task.Delay(TimeSpan.FromSeconds(1), ct);
            await call.AnswerAsync(ct);
        };
        await operatorPhone.RegisterAsync(TimeSpan.FromMinutes(5), timeout.Token).WaitAsync(Wait);

        var citizen = fixture.Phones.Phone("20123456").Call("54731000");

        // The greeting plays first; then the queue offers the caller to the free operator.
        var atOperator = await offered.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal("20123456", atOperator.CallerNumber);
        Assert.True(await citizen.Answered.WaitAsync(Wait), $"refused {citizen.RefusedStatus}");
        Assert.True(await atOperator.Answered.WaitAsync(Wait));

        // The server bridges the two: each hears the other's tone.
        var citizenHeard = citizen.PacketsReceived;
        Assert.True(await Eventually.ReachedAsync(() => atOperator.PacketsReceived >= 25 && citizen.PacketsReceived >= citizenHeard + 25, Wait),
            $"operator received {atOperator.PacketsReceived}, citizen {citizen.PacketsReceived}");

        await atOperator.HangUpAsync(timeout.Token).WaitAsync(Wait);
        Assert.Equal(CallEnding.HungUpHere, await atOperator.Ended.WaitAsync(Wait));
        Assert.Equal(CallEnding.HungUpThere, await citizen.Ended.WaitAsync(Wait));
        await operatorPhone.UnregisterAsync(timeout.Token).WaitAsync(Wait);
        Assert.Equal(0L, fixture.Phones.Faults.Total);
        Assert.Equal(0L, (await fixture.Server.StatusAsync()).GetProperty("faultsTotal").GetInt64());
    }

    [Fact]
    public async Task The_operator_s_phone_transfers_the_caller_with_refer_and_the_colleague_talks_with_them()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var colleagueCalls = Channel.CreateUnbounded<IncomingCall>();
        var colleague = await RegisterAsync("2002", colleagueCalls, answer: true, timeout.Token);
        var operatorCalls = Channel.CreateUnbounded<IncomingCall>();
        var operatorPhone = await RegisterAsync("101", operatorCalls, answer: true, timeout.Token);

        var citizen = fixture.Phones.Phone("20123457").Call("54731000");
        var atOperator = await AnsweredAsync(operatorCalls, "20123457");

        var result = await atOperator.TransferAsync("2002", timeout.Token).WaitAsync(Wait);

        Assert.Equal(new TransferResult(202, 200), result);
        Assert.True(result.Succeeded);
        Assert.Equal(CallEnding.HungUpThere, await atOperator.Ended.WaitAsync(Wait)); // the server released the operator
        var atColleague = await AnsweredAsync(colleagueCalls, "20123457");
        var citizenHeard = citizen.PacketsReceived;
        Assert.True(await Eventually.ReachedAsync(() => atColleague.PacketsReceived >= 25 && citizen.PacketsReceived >= citizenHeard + 25, Wait),
            $"colleague received {atColleague.PacketsReceived}, citizen {citizen.PacketsReceived}");
        Assert.True(
            await fixture.Server.WaitForEventAsync("TransferCompleted", null, e => CallEvents.Text(e, "party") == "2002" && CallEvents.Text(e, "operator") == "101" && CallEvents.Text(e, "caller") == "20123457"),
            fixture.Server.Output);

        await atColleague.HangUpAsync(timeout.Token).WaitAsync(Wait);
        Assert.Equal(CallEnding.HungUpThere, await citizen.Ended.WaitAsync(Wait));
        await UnregisterAsync(timeout.Token, operatorPhone, colleague);
    }

    [Fact]
    public async Task A_refused_refer_is_reported_with_its_status_and_the_operator_still_has_the_caller()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var operatorCalls = Channel.CreateUnbounded<IncomingCall>();
        var operatorPhone = await RegisterAsync("102", operatorCalls, answer: true, timeout.Token);

        var citizen = fixture.Phones.Phone("20123458").Call("54731000");
        var atOperator = await AnsweredAsync(operatorCalls, "20123458");

        // A number nobody has, and the operator's own extension (docs/transfers.md).
        var unknown = await atOperator.TransferAsync("2999", timeout.Token).WaitAsync(Wait);
        var itself = await atOperator.TransferAsync("102", timeout.Token).WaitAsync(Wait);

        Assert.Equal(new TransferResult(404, null), unknown);
        Assert.Equal(new TransferResult(403, null), itself);
        Assert.False(unknown.Accepted || itself.Accepted);
        Assert.False(atOperator.Ended.IsCompleted);
        var citizenHeard = citizen.PacketsReceived;
        Assert.True(await Eventually.ReachedAsync(() => citizen.PacketsReceived >= citizenHeard + 25, Wait), $"citizen received {citizen.PacketsReceived}");

        await atOperator.HangUpAsync(timeout.Token).WaitAsync(Wait);
        Assert.Equal(CallEnding.HungUpThere, await citizen.Ended.WaitAsync(Wait));
        await UnregisterAsync(timeout.Token, operatorPhone);
    }

    [Fact]
    public async Task A_transfer_nobody_answers_comes_back_to_the_operator_s_phone_as_a_new_call_saying_so()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        var colleagueCalls = Channel.CreateUnbounded<IncomingCall>();
        var colleague = await RegisterAsync("2003", colleagueCalls, answer: false, timeout.Token);
        var operatorCalls = Channel.CreateUnbounded<IncomingCall>();
        var operatorPhone = await RegisterAsync("103", operatorCalls, answer: true, timeout.Token);

        var citizen = fixture.Phones.Phone("20123459").Call("54731000");
        var atOperator = await AnsweredAsync(operatorCalls, "20123459");
        Assert.Equal(new TransferResult(202, 200), await atOperator.TransferAsync("2003", timeout.Token).WaitAsync(Wait));
        Assert.Equal(CallEnding.HungUpThere, await atOperator.Ended.WaitAsync(Wait));

        // The colleague's phone rings for the ring limit (4 rings of 5 s), then the call comes back.
        var ringing = await colleagueCalls.Reader.ReadAsync(timeout.Token).AsTask().WaitAsync(Wait);
        Assert.Equal("20123459", ringing.CallerNumber);
        var recalled = await AnsweredAsync(operatorCalls, "20123459", TimeSpan.FromSeconds(40));
        Assert.Equal(CallEnding.Cancelled, await ringing.Ended.WaitAsync(Wait));
        Assert.Equal("Tilbage: 20 12 34 59", recalled.CallerName);
        Assert.False(citizen.Ended.IsCompleted);
        Assert.True(await fixture.Server.WaitForEventAsync("Recalled", null, e => CallEvents.Text(e, "operator") == "103" && CallEvents.Text(e, "caller") == "20123459"), fixture.Server.Output);

        await recalled.HangUpAsync(timeout.Token).WaitAsync(Wait);
        Assert.Equal(CallEnding.HungUpThere, await citizen.Ended.WaitAsync(Wait));
        await UnregisterAsync(timeout.Token, operatorPhone, colleague);
        Assert.Equal(0L, fixture.Phones.Faults.Total);
    }

    /// <summary>A registered phone whose calls go into <paramref name="calls"/>: each rings, then is answered after half a second, or rings until the caller leaves.</summary>
    private async Task<SimulatedPhone> RegisterAsync(string extension, Channel<IncomingCall> calls, bool answer, CancellationToken cancellationToken)
    {
        var phone = fixture.Phones.Phone(extension, "demo" + extension);
        phone.Incoming = async (call, ct) =>
        {
            calls.Writer.TryWrite(call);
            await call.RingAsync(ct);
            await Task.Delay(TimeSpan.FromMilliseconds(500), ct);
            if (answer)
            {
                await call.AnswerAsync(ct);
            }
        };
        await phone.RegisterAsync(TimeSpan.FromMinutes(5), cancellationToken).WaitAsync(Wait, cancellationToken);
        return phone;
    }

    /// <summary>The next call on a phone: it is from <paramref name="caller"/> and was answered.</summary>
    private static async Task<IncomingCall> AnsweredAsync(Channel<IncomingCall> calls, string caller, TimeSpan? within = null)
    {
        var call = await calls.Reader.ReadAsync().AsTask().WaitAsync(within ?? TimeSpan.FromSeconds(30));
        Assert.Equal(caller, call.CallerNumber);
        Assert.True(await call.Answered.WaitAsync(Wait), $"call from {caller} not answered");
        return call;
    }

    private static async Task UnregisterAsync(CancellationToken cancellationToken, params SimulatedPhone[] phones)
    {
        foreach (var phone in phones)
        {
            await phone.UnregisterAsync(cancellationToken).WaitAsync(Wait, cancellationToken);
        }
    }

    /// <summary>The caller's digits in the server's call events, once they are <paramref name="expected"/> or 10 s have passed.</summary>
    private static async Task<string> DigitsReachedAsync(ServerProcess server, string caller, string expected)
    {
        var deadline = DateTime.UtcNow + Wait;
        while (true)
        {
            var digits = string.Concat((await server.EventsAsync())
                .Where(e => CallEvents.Text(e, "kind") == "Digit" && CallEvents.Text(e, "caller") == caller)
                .Select(e => CallEvents.Text(e, "digit")));
            if (digits == expected || DateTime.UtcNow >= deadline)
            {
                return digits;
            }

            await Task.Delay(100);
        }
    }
}
