using Omstilling.Calls.Control;
using Omstilling.Calls.Events;
using Omstilling.Calls.Signalling;
using Omstilling.Calls.Tests.Support;
using Omstilling.Policy.Routing;
using Omstilling.Policy.Loading;
using Omstilling.Sip.Messages;

namespace Omstilling.Calls.Tests.Signalling;

/// <summary>
/// The main switchboard's queue carried out by the call engine with both clocks in the test's
/// hands: positions announced and never rising, longest-idle offers, ring-all with two answers,
/// console picks, an operator's phone vanishing while it rings, the maximum wait.
/// </summary>
public sealed class SwitchboardQueueTests
{
    /// <summary>Monday 30 November 2026, 10:00 in Copenhagen: telephone hours.</summary>
    internal static readonly DateTimeOffset WorkingDay = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);

    private static readonly string[] Operators = ["100", "101"];

    [Fact]
    public async Task Waiting_callers_hear_their_position_and_it_only_ever_goes_down()
    {
        await using var f = await B2buaFixture.StartAsync(B2buaFixture.BundledPolicy(), WorkingDay, "100");
        var op = await f.PhoneAsync("100");
        var colleague = await f.PhoneAsync("2001");
        op.Call("2001");
        colleague.Answer();
        var first = await CallerInQueueAsync(f, "2002");
        var second = await CallerInQueueAsync(f, "2003");

        Assert.Equal(["1"], Announced(f, "2002"));
        Assert.Equal(["2"], Announced(f, "2003"));
        Assert.Equal([1, 2], f.Pbx.Calls.Queues.Entries("hovedomstilling").Select(e => e.Position));

        op.HangUp();
        Assert.True(await f.RunAsync(TimeSpan.FromSeconds(5), () => op.InviteCount == 1), Describe(f));
        op.Answer();
        Assert.True(await f.RunAsync(TimeSpan.FromSeconds(40), () => Announced(f, "2003").Length == 2), Describe(f));

        Assert.Equal(["2", "1"], Announced(f, "2003"));
        Assert.Contains(f.EventsOf(CallEventKind.Answered), e => e.Caller == "2002" && e.AnsweredBy == "100");
        Assert.False(first.ReceivedMethod(SipMethod.Bye), "the first caller is still on the line");
        Assert.False(second.ReceivedMethod(SipMethod.Bye), "the second caller is still waiting");
    }

    [Fact]
    public async Task The_operator_free_the_longest_is_offered_the_caller_alone()
    {
        await using var f = await B2buaFixture.StartAsync(B2buaFixture.BundledPolicy(), WorkingDay, "100", "101");
        var op100 = await f.PhoneAsync("100");
        var op101 = await f.PhoneAsync("101");
        var colleague = await f.PhoneAsync("2001");

        // 101 has a short call first: 100 has then been free longer.
        op101.Call("2001");
        colleague.Answer();
        op101.HangUp();
        f.Advance(TimeSpan.FromSeconds(1));

        var caller = await f.PhoneAsync("2002", register: false);
        caller.Call("54731000", authenticate: false);
        Assert.True(await f.RunAsync(TimeSpan.FromSeconds(10), () => op100.InviteCount == 1), Describe(f));

        Assert.Equal(0, op101.InviteCount);
        Assert.Contains(f.EventsOf(CallEventKind.Offered), e => e.Members is ["100"]);
    }

    [Fact]
    public async Task Ring_all_rings_every_free_operator_and_a_second_answer_is_hung_up()
    {
        var yaml = File.ReadAllText(Path.Combine(B2buaFixture.RepositoryRoot(), "config", "guldborgsund.yaml"))
            .Replace("    announce-position: true", "    strategy: ring-all\n    announce-position: true", StringComparison.Ordinal);
        var policy = PolicyLoader.Load(yaml, "ring-all.yaml").Policy!;
        await using var f = await B2buaFixture.StartAsync(policy, WorkingDay, "100", "101");
        var op100 = await f.PhoneAsync("100");
        var op101 = await f.PhoneAsync("101");
        var caller = await f.PhoneAsync("2002", register: false);

        caller.Call("54731000", authenticate: false);
        Assert.True(await f.RunAsync(TimeSpan.FromSeconds(10), () => op100.InviteCount == 1 && op101.InviteCount == 1), Describe(f));
        op100.Answer(deliver: false);
        op101.Answer(deliver: false);
        f.Deliver();
        Assert.True(await f.RunAsync(TimeSpan.FromSeconds(1), () => f.EventsOf(CallEventKind.Answered).Length > 0), Describe(f));

        var answered = Assert.Single(f.EventsOf(CallEventKind.Answered));
        Assert.Equal("100", answered.AnsweredBy);
        Assert.True(op101.ReceivedMethod(SipMethod.Bye), "the second operator to answer is hung up");
        Assert.False(op100.ReceivedMethod(SipMethod.Bye));
        Assert.Equal("100", Assert.Single(f.Pbx.Switchboard.Snapshots()).AnsweredBy);
    }

    [Fact]
    public async Task Two_operators_answering_the_same_waiting_caller_on_the_console_get_one_answer_each()
    {
        await using var f = await B2buaFixture.StartAsync(B2buaFixture.BundledPolicy(), WorkingDay, "100", "101");
        var op100 = await f.PhoneAsync("100");
        var op101 = await f.PhoneAsync("101");
        f.Pbx.Calls.Queues.Pause("100", "Pause");
        f.Pbx.Calls.Queues.Pause("101", "Pause");
        var caller = await f.PhoneAsync("2002", register: false);

        caller.Call("54731000", authenticate: false);
        await f.RunAsync(TimeSpan.FromSeconds(2), () => false);
        Assert.Empty(f.Pbx.Switchboard.Snapshots()); // in the automatic menu: not the switchboard's yet

        // The automatic menu plays (nobody is free); pressing 9 puts the caller in the queue.
        caller.SendInDialog(SipMethod.Info, "Signal=9\r\nDuration=160\r\n");
        Assert.True(await f.RunAsync(TimeSpan.FromSeconds(20), () => f.EventsOf(CallEventKind.Queued).Length == 1), Describe(f));
        var callId = Assert.Single(f.Pbx.Switchboard.Snapshots()).Id;
        using var start = new ManualResetEventSlim();
        var picks = Operators.Select(op => Task.Run(() =>
        {
            start.Wait();
            return (op, result: f.Pbx.Switchboard.Pick(callId, op));
        })).ToArray();
        start.Set();
        var results = await Task.WhenAll(picks);

        Assert.Single(results, r => r.result == CallControlResult.Done);
        Assert.Single(results, r => r.result == CallControlResult.TakenByOther);
        var winner = results.Single(r => r.result == CallControlResult.Done).op;
        var (winnerPhone, loserPhone) = winner == "100" ? (op100, op101) : (op101, op100);
        Assert.True(await f.RunAsync(TimeSpan.FromSeconds(2), () => winnerPhone.InviteCount == 1), Describe(f));
        Assert.Equal(0, loserPhone.InviteCount);
        winnerPhone.Answer();
        Assert.True(await f.RunAsync(TimeSpan.FromSeconds(1), () => f.EventsOf(CallEventKind.Answered).Any(e => e.AnsweredBy == winner)), Describe(f));
        Assert.Contains(f.EventsOf(CallEventKind.Answered), e => e.AnsweredBy == winner && e.Operator == winner);
    }

    [Fact]
    public async Task An_operator_phone_unregistering_while_it_rings_stops_ringing_and_the_caller_keeps_its_place()
    {
        await using var f = await B2buaFixture.StartAsync(B2buaFixture.BundledPolicy(), WorkingDay, "100", "101");
        var op100 = await f.PhoneAsync("100");
        op100.Behaviour = PhoneBehaviour.RingForever;
        var caller = await f.PhoneAsync("2002", register: false);
        caller.Call("54731000", authenticate: false);
        Assert.True(await f.RunAsync(TimeSpan.FromSeconds(5), () => op100.InviteCount == 1), Describe(f));

        Assert.Equal(200, op100.Unregister().StatusCode);
        Assert.True(await f.RunAsync(TimeSpan.FromSeconds(2), () => op100.ReceivedMethod(SipMethod.Cancel)), Describe(f));

        var waiting = Assert.Single(f.Pbx.Calls.Queues.Entries("hovedomstilling"));
        Assert.Equal(1, waiting.Position);
        Assert.Empty(waiting.OfferedTo);
        var op101 = await f.PhoneAsync("101");
        Assert.True(await f.RunAsync(TimeSpan.FromSeconds(5), () => op101.InviteCount == 1), Describe(f));
        op101.Answer();
        Assert.True(await f.RunAsync(TimeSpan.FromSeconds(1), () => f.EventsOf(CallEventKind.Answered).Any(e => e.AnsweredBy == "101")), Describe(f));
        Assert.Contains(f.EventsOf(CallEventKind.Answered), e => e.AnsweredBy == "101");
        Assert.DoesNotContain(f.EventsOf(CallEventKind.Ended), _ => true);
    }

    [Fact]
    public async Task An_operator_phone_unregistering_mid_call_keeps_the_call_and_gets_no_new_callers()
    {
        await using var f = await B2buaFixture.StartAsync(B2buaFixture.BundledPolicy(), WorkingDay, "100");
        var op = await f.PhoneAsync("100");
        var caller = await f.PhoneAsync("2002", register: false);
        caller.Call("54731000", authenticate: false);
        Assert.True(await f.RunAsync(TimeSpan.FromSeconds(5), () => op.InviteCount == 1), Describe(f));
        op.Answer();
        Assert.True(await f.RunAsync(TimeSpan.FromSeconds(1), () => f.EventsOf(CallEventKind.Answered).Length > 0), Describe(f));

        Assert.Equal(200, op.Unregister().StatusCode);
        Assert.True(await f.RunAsync(TimeSpan.FromSeconds(2), () => !f.Pbx.Calls.Queues.IsLoggedIn("100")), Describe(f));

        Assert.Equal(CallState.Answered, Assert.Single(f.Pbx.Switchboard.Snapshots()).State);
        Assert.False(f.Pbx.Calls.Queues.IsLoggedIn("100"));
        caller.HangUp();
        Assert.True(await f.RunAsync(TimeSpan.FromSeconds(1), () => f.EventsOf(CallEventKind.Ended).Length > 0), Describe(f));
        Assert.Equal(CallEndReason.CallerHungUp, Assert.Single(f.EventsOf(CallEventKind.Ended)).EndReason);
        Assert.True(op.ReceivedMethod(SipMethod.Bye));
        Assert.Equal(0, f.Media.StreamCount);
    }

    [Fact]
    public async Task A_caller_who_waits_too_long_is_sent_to_the_switchboards_voicemail()
    {
        var yaml = File.ReadAllText(Path.Combine(B2buaFixture.RepositoryRoot(), "config", "guldborgsund.yaml"))
            .Replace("max-wait-seconds: 600", "max-wait-seconds: 30", StringComparison.Ordinal);
        var policy = PolicyLoader.Load(yaml, "short-wait.yaml").Policy!;
        await using var f = await B2buaFixture.StartAsync(policy, WorkingDay, "100");
        var op = await f.PhoneAsync("100");
        op.Behaviour = PhoneBehaviour.RingForever;
        var caller = await f.PhoneAsync("2002", register: false);

        caller.Call("54731000", authenticate: false);

        Assert.True(await f.RunAsync(TimeSpan.FromSeconds(45), () => f.EventsOf(CallEventKind.Voicemail).Length == 1), Describe(f));
        Assert.Contains(f.EventsOf(CallEventKind.QueueTimedOut), e => e.QueueId == "hovedomstilling" && e.Waited == TimeSpan.FromSeconds(30));
        Assert.Equal("switchboard", Assert.Single(f.EventsOf(CallEventKind.Voicemail)).VoicemailBox);
        Assert.True(op.ReceivedMethod(SipMethod.Cancel), "the ringing operator is cancelled");
        Assert.Empty(f.Pbx.Calls.Queues.Entries("hovedomstilling"));
    }

    /// <summary>Calls the main number while every operator is busy and presses 9 in the automatic menu to wait in the queue.</summary>
    internal static async Task<TestPhone> CallerInQueueAsync(B2buaFixture f, string user)
    {
        var caller = await f.PhoneAsync(user, register: false);
        var queued = f.EventsOf(CallEventKind.Queued).Length;
        caller.Call("54731000", authenticate: false);
        Assert.True(await f.RunAsync(TimeSpan.FromSeconds(10), () => f.Events.Any(e => e.Caller == user && e.Kind == CallEventKind.Routed && e.Decision == DecisionKind.Menu && e.Target == "automatisk-omstilling")), Describe(f));
        await f.RunAsync(TimeSpan.FromSeconds(1), () => false);
        caller.SendInDialog(SipMethod.Info, "Signal=9\r\nDuration=160\r\n");
        Assert.True(await f.RunAsync(TimeSpan.FromSeconds(20), () => f.EventsOf(CallEventKind.Queued).Length == queued + 1 && Announced(f, user).Length > 0), Describe(f));
        return caller;
    }

    internal static string[] Announced(B2buaFixture f, string caller) =>
        [.. f.Events.Where(e => e.Caller == caller && e.Kind == CallEventKind.PositionAnnounced).Select(e => e.Position!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture))];

    internal static string Describe(B2buaFixture f) =>
        string.Join('\n', f.Events.Select(e => $"{e.At:HH:mm:ss.f} {e.Caller} {e.Kind} party={e.Party} op={e.Operator} by={e.AnsweredBy} {e.Digit} {e.Describe()} {e.EndReason}"));
}
