using Omstilling.Calls.Control;
using Omstilling.Calls.Events;
using Omstilling.Calls.Tests.Support;
using Omstilling.Policy.Routing;
using Omstilling.Sip.Messages;

namespace Omstilling.Calls.Tests.Signalling;

/// <summary>
/// Staff forwarding carried out by the call engine: every call, on busy, on no answer; the phone
/// that gets the call is told whose it is (Diversion, RFC 5806, and the display name); loops and
/// chains longer than the limit are cut; a department's number is routed by the policy.
/// </summary>
public sealed class ForwardingCallTests
{
    /// <summary>Monday 30 November 2026, 11:00 in Copenhagen: Borgerservice's telephone hours.</summary>
    private static readonly DateTimeOffset Monday = new(2026, 11, 30, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Forwarding_every_call_rings_the_colleague_who_is_told_whose_call_it_is()
    {
        await using var f = await B2buaFixture.StartAsync(B2buaFixture.BundledPolicy(), Monday, "2001", "2002", "2003");
        var caller = await f.PhoneAsync("2003");
        var birgitte = await f.PhoneAsync("2001");
        var signe = await f.PhoneAsync("2002");
        signe.Behaviour = PhoneBehaviour.RingForever;
        f.Forwarding.Set("2001", ForwardCondition.Always, "Birgitte Holst", "2002");

        caller.Call("2001");
        await f.RunAsync(TimeSpan.FromSeconds(2), () => signe.ReceivedMethod(SipMethod.Invite));

        var invite = Assert.Single(signe.Received, r => r.Method == SipMethod.Invite);
        Assert.Matches("^\"Birgitte Holst\" <sip:2001@[^>]+>;reason=unconditional;counter=1$", invite.Headers.GetFirstValue(HeaderName.Diversion));
        Assert.Equal("Birgitte Holst (viderestillet)", invite.From.DisplayName);
        Assert.Equal("2003", invite.From.Uri.User);
        Assert.False(birgitte.ReceivedMethod(SipMethod.Invite));
        var diverted = Assert.Single(f.EventsOf(CallEventKind.Diverted));
        Assert.Equal(("2001", RingOutcome.Forwarded, "2002"), (diverted.Party, diverted.Outcome, diverted.Target));
    }

    [Fact]
    public async Task A_busy_person_forwards_on_busy_and_a_person_who_does_not_answer_on_no_answer()
    {
        await using var f = await B2buaFixture.StartAsync(B2buaFixture.BundledPolicy(), Monday, "2001", "2002", "2003", "2004");
        var caller = await f.PhoneAsync("2003");
        var birgitte = await f.PhoneAsync("2001");
        var signe = await f.PhoneAsync("2002");
        var henrik = await f.PhoneAsync("2004");
        birgitte.Behaviour = PhoneBehaviour.Busy;
        signe.Behaviour = PhoneBehaviour.RingForever;
        henrik.Behaviour = PhoneBehaviour.RingForever;
        f.Forwarding.Set("2001", ForwardCondition.Busy, "Birgitte Holst", "2002");
        f.Forwarding.Set("2002", ForwardCondition.NoAnswer, "Signe Bæk", "2004");

        caller.Call("2001");
        Assert.True(await f.RunAsync(TimeSpan.FromSeconds(2), () => signe.ReceivedMethod(SipMethod.Invite)), Describe(f));
        var first = Assert.Single(signe.Received, r => r.Method == SipMethod.Invite);
        Assert.EndsWith(";reason=user-busy;counter=1", first.Headers.GetFirstValue(HeaderName.Diversion), StringComparison.Ordinal);

        // Signe's phone rings for the platform's ring limit (4 rings), then her own forwarding on no answer takes the call on.
        Assert.False(henrik.ReceivedMethod(SipMethod.Invite));
        Assert.True(await f.RunAsync(TimeSpan.FromSeconds(25), () => henrik.ReceivedMethod(SipMethod.Invite)), Describe(f));
        Assert.True(signe.ReceivedMethod(SipMethod.Cancel));
        var second = Assert.Single(henrik.Received, r => r.Method == SipMethod.Invite);
        var diversions = second.Headers.AsSpan().ToArray().Where(h => h.Name == HeaderName.Diversion).Select(h => h.Value).ToList();
        Assert.Equal(2, diversions.Count);
        Assert.Matches("^\"Signe Bæk\" <sip:2002@[^>]+>;reason=no-answer;counter=2$", diversions[0]);
        Assert.Matches("^\"Birgitte Holst\" <sip:2001@[^>]+>;reason=user-busy;counter=1$", diversions[1]);
        Assert.Equal("Signe Bæk (viderestillet)", second.From.DisplayName);
    }

    [Fact]
    public async Task A_loop_is_cut_where_it_would_come_back()
    {
        await using var f = await B2buaFixture.StartAsync(B2buaFixture.BundledPolicy(), Monday, "2001", "2002", "2003");
        var caller = await f.PhoneAsync("2003");
        var birgitte = await f.PhoneAsync("2001");
        var signe = await f.PhoneAsync("2002");
        signe.Behaviour = PhoneBehaviour.RingForever;
        f.Forwarding.Set("2001", ForwardCondition.Always, "Birgitte Holst", "2002");
        f.Forwarding.Set("2002", ForwardCondition.Always, "Signe Bæk", "2001");

        caller.Call("2001");
        await f.RunAsync(TimeSpan.FromSeconds(2), () => signe.ReceivedMethod(SipMethod.Invite));

        Assert.Single(signe.Received, r => r.Method == SipMethod.Invite);
        Assert.False(birgitte.ReceivedMethod(SipMethod.Invite));
        Assert.Contains(f.EventsOf(CallEventKind.Diverted), e => (e.Party, e.Outcome) == ("2002", RingOutcome.ForwardingCut));
    }

    [Fact]
    public async Task A_chain_longer_than_three_forwardings_is_cut_at_the_third()
    {
        await using var f = await B2buaFixture.StartAsync(B2buaFixture.BundledPolicy(), Monday, "2001", "2002", "2003", "2004", "2005", "2006");
        var caller = await f.PhoneAsync("2006");
        var fourth = await f.PhoneAsync("2004");
        var fifth = await f.PhoneAsync("2005");
        fourth.Behaviour = PhoneBehaviour.RingForever;
        foreach (var (from, to) in new[] { ("2001", "2002"), ("2002", "2003"), ("2003", "2004"), ("2004", "2005") })
        {
            f.Forwarding.Set(from, ForwardCondition.Always, "Lokal " + from, to);
        }

        caller.Call("2001");
        await f.RunAsync(TimeSpan.FromSeconds(2), () => fourth.ReceivedMethod(SipMethod.Invite));

        var invite = Assert.Single(fourth.Received, r => r.Method == SipMethod.Invite);
        Assert.Equal(3, invite.Headers.AsSpan().ToArray().Count(h => h.Name == HeaderName.Diversion));
        Assert.False(fifth.ReceivedMethod(SipMethod.Invite));
        Assert.Contains(f.EventsOf(CallEventKind.Diverted), e => (e.Party, e.Outcome) == ("2004", RingOutcome.ForwardingCut));
    }

    [Fact]
    public async Task The_policys_max_chain_decides_where_a_chain_is_cut()
    {
        await using var f = await B2buaFixture.StartAsync(B2buaFixture.BundledPolicy(maxForwardingChain: 1), Monday, "2001", "2002", "2003", "2004");
        var caller = await f.PhoneAsync("2004");
        var signe = await f.PhoneAsync("2002");
        var henrik = await f.PhoneAsync("2003");
        signe.Behaviour = PhoneBehaviour.RingForever;
        f.Forwarding.Set("2001", ForwardCondition.Always, "Birgitte Holst", "2002");
        f.Forwarding.Set("2002", ForwardCondition.Always, "Signe Bæk", "2003");

        caller.Call("2001");
        await f.RunAsync(TimeSpan.FromSeconds(2), () => signe.ReceivedMethod(SipMethod.Invite));

        Assert.True(signe.ReceivedMethod(SipMethod.Invite), Describe(f));
        Assert.False(henrik.ReceivedMethod(SipMethod.Invite));
        Assert.Contains(f.EventsOf(CallEventKind.Diverted), e => (e.Party, e.Outcome) == ("2002", RingOutcome.ForwardingCut));
    }

    [Fact]
    public async Task A_forwarding_to_a_departments_number_is_routed_by_the_policy()
    {
        await using var f = await B2buaFixture.StartAsync(B2buaFixture.BundledPolicy(), Monday, "2001", "2003", "2010", "2011");
        var caller = await f.PhoneAsync("2003");
        var anne = await f.PhoneAsync("2010");
        anne.Behaviour = PhoneBehaviour.RingForever;
        f.Forwarding.Set("2001", ForwardCondition.Always, "Birgitte Holst", "54732010");

        caller.Call("2001");
        await f.RunAsync(TimeSpan.FromSeconds(2), () => anne.ReceivedMethod(SipMethod.Invite));

        Assert.True(anne.ReceivedMethod(SipMethod.Invite), Describe(f));
        Assert.Contains(f.EventsOf(CallEventKind.Routed), e => e.Decision == DecisionKind.Ring && e.Target == "2010,2011,2012");
    }

    [Fact]
    public async Task A_call_forwarded_to_the_switchboard_shows_the_operator_whom_it_was_for()
    {
        await using var f = await B2buaFixture.StartAsync(B2buaFixture.BundledPolicy(), Monday, "100", "2001", "2003");
        var op = await f.PhoneAsync("100");
        var caller = await f.PhoneAsync("2003");
        f.Forwarding.Set("2001", ForwardCondition.Always, "Birgitte Holst", "54731000");

        caller.Call("2001");
        Assert.True(await f.RunAsync(TimeSpan.FromSeconds(15), () => op.InviteCount == 1), Describe(f));
        op.Answer();
        Assert.True(await f.RunAsync(TimeSpan.FromSeconds(1), () => f.Pbx.Switchboard.CallsInvolving("100").Any()), Describe(f));

        var callId = f.Pbx.Switchboard.CallsInvolving("100").Single().Id;
        Assert.Equal(new DiversionView("2001", RingOutcome.Forwarded), f.Pbx.Switchboard.Snapshot(callId)!.Diversion);
    }

    [Theory]
    [InlineData("*21*2002#", "2002")]
    [InlineData("*21*54732055", "2050")] // Jens Hansen's direct number: kept as his extension
    [InlineData("*21*54732010#", "54732010")] // Borgerservice's number
    [InlineData("*21*54731000#", "54731000")] // the main number
    [InlineData("*21*9#", "54731000")] // the pass-back code: the switchboard
    public async Task The_code_keyed_on_the_phone_sets_the_forwarding_to_what_the_number_leads_to(string keys, string stored)
    {
        await using var f = await B2buaFixture.StartAsync(B2buaFixture.BundledPolicy(), Monday, "2001");
        var birgitte = await f.PhoneAsync("2001");

        birgitte.Call(keys.Replace("#", "%23", StringComparison.Ordinal)); // '#' is escaped in a SIP URI, as phones send it

        Assert.True(await f.RunAsync(TimeSpan.FromSeconds(10), () => birgitte.ReceivedMethod(SipMethod.Bye)), string.Join(",", birgitte.Statuses) + "\n" + Describe(f));
        Assert.Equal(stored, f.Forwarding.ForwardingOf("2001", ForwardCondition.Always)?.Target);
    }

    [Theory]
    [InlineData("*21*2001#")] // herself
    [InlineData("*21*0046812345678#")] // abroad: her class of service (national) does not reach it (TollFraudCallTests has the rest)
    [InlineData("*21*90123456#")] // premium-rate: the policy names none
    [InlineData("*21*12#")] // nothing
    public async Task A_number_that_is_her_own_outside_or_nowhere_sets_nothing(string keys)
    {
        await using var f = await B2buaFixture.StartAsync(B2buaFixture.BundledPolicy(), Monday, "2001");
        var birgitte = await f.PhoneAsync("2001");

        birgitte.Call(keys.Replace("#", "%23", StringComparison.Ordinal)); // '#' is escaped in a SIP URI, as phones send it

        Assert.True(await f.RunAsync(TimeSpan.FromSeconds(10), () => birgitte.ReceivedMethod(SipMethod.Bye)), string.Join(",", birgitte.Statuses) + "\n" + Describe(f));
        Assert.Null(f.Forwarding.ForwardingOf("2001", ForwardCondition.Always));
    }

    [Fact]
    public async Task Hash_codes_cancel_each_condition_on_its_own()
    {
        await using var f = await B2buaFixture.StartAsync(B2buaFixture.BundledPolicy(), Monday, "2001");
        var birgitte = await f.PhoneAsync("2001");
        f.Forwarding.Set("2001", ForwardCondition.Busy, "Birgitte Holst", "2002");
        f.Forwarding.Set("2001", ForwardCondition.NoAnswer, "Birgitte Holst", "2002");

        birgitte.Call("%2367%23");

        Assert.True(await f.RunAsync(TimeSpan.FromSeconds(10), () => birgitte.ReceivedMethod(SipMethod.Bye)), string.Join(",", birgitte.Statuses) + "\n" + Describe(f));
        Assert.Null(f.Forwarding.ForwardingOf("2001", ForwardCondition.Busy));
        Assert.NotNull(f.Forwarding.ForwardingOf("2001", ForwardCondition.NoAnswer));
    }

    private static string Describe(B2buaFixture f) => string.Join('\n', f.Events.Select(e => $"{e.Kind} {e.Describe()} {e.EndReason}"));
}
