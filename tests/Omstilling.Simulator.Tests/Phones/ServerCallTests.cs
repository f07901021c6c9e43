using Omstilling.Host.Tests.Support;
using Omstilling.Media.Tests.Support;
using Omstilling.Simulator.Phones;
using Omstilling.Simulator.Tests.Support;

namespace Omstilling.Simulator.Tests.Phones;

/// <summary>
/// Simulated phones against a running server over real SIP and RTP: a staff phone registering and
/// calling the echo test, a citizen calling the main number and an operator answering.
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
