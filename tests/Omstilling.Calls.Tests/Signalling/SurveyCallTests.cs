using Omstilling.Calls.Events;
using Omstilling.Calls.Tests.Support;
using Omstilling.Sip.Messages;

namespace Omstilling.Calls.Tests.Signalling;

/// <summary>
/// The post-call survey carried out by the call engine over SIP, with the bundled policy inviting
/// every caller of the main number: a citizen who presses 1 during the invitation stays on the line
/// when the operator hangs up, hears the question, answers with a key (SIP INFO) and is hung up by
/// the platform; one who did not press 1 is hung up at once; and the operator is free as soon as
/// they hang up either way.
/// </summary>
public sealed class SurveyCallTests
{
    private static readonly DateTimeOffset WorkingDay = SwitchboardQueueTests.WorkingDay;

    [Fact]
    public async Task A_citizen_who_opts_in_answers_after_the_operator_hangs_up_and_the_answer_is_an_event()
    {
        await using var f = await B2buaFixture.StartAsync(B2buaFixture.BundledPolicy(surveyPercent: 100), WorkingDay, "100");
        var op = await f.PhoneAsync("100");
        var caller = await f.PhoneAsync("40404040", register: false);

        caller.Call("54731000", authenticate: false);
        Assert.True(await f.RunAsync(TimeSpan.FromSeconds(5), () => f.EventsOf(CallEventKind.SurveyInvited).Length == 1), Describe(f));
        caller.SendInDialog(SipMethod.Info, "Signal=1\r\nDuration=160\r\n");
        Assert.True(await f.RunAsync(TimeSpan.FromSeconds(5), () => f.EventsOf(CallEventKind.SurveyOptedIn).Length == 1), Describe(f));
        Assert.True(await f.RunAsync(TimeSpan.FromSeconds(20), () => op.InviteCount == 1), Describe(f));
        op.Answer();
        Assert.True(await f.RunAsync(TimeSpan.FromSeconds(5), () => f.EventsOf(CallEventKind.Answered).Length == 1), Describe(f));

        op.HangUp();
        Assert.True(await f.RunAsync(TimeSpan.FromSeconds(5), () => f.EventsOf(CallEventKind.SurveyAsked).Length == 1), Describe(f));
        Assert.False(caller.ReceivedMethod(SipMethod.Bye), "the citizen stays on the line for the question");
        Assert.False(f.Pbx.Calls.Activity.IsBusy("100"), "the operator is free once they hang up");
        Assert.Equal("100", Assert.Single(f.EventsOf(CallEventKind.PartyLeft)).Party);

        caller.SendInDialog(SipMethod.Info, "Signal=4\r\nDuration=160\r\n");
        Assert.True(await f.RunAsync(TimeSpan.FromSeconds(20), () => caller.ReceivedMethod(SipMethod.Bye)), Describe(f));

        Assert.Equal('4', Assert.Single(f.EventsOf(CallEventKind.SurveyAnswered)).Digit);
        Assert.Equal(CallEndReason.CalleeHungUp, Assert.Single(f.EventsOf(CallEventKind.Ended)).EndReason);
    }

    [Fact]
    public async Task A_citizen_who_did_not_opt_in_is_hung_up_with_the_operator()
    {
        await using var f = await B2buaFixture.StartAsync(B2buaFixture.BundledPolicy(surveyPercent: 100), WorkingDay, "100");
        var op = await f.PhoneAsync("100");
        var caller = await f.PhoneAsync("40404040", register: false);

        caller.Call("54731000", authenticate: false);
        Assert.True(await f.RunAsync(TimeSpan.FromSeconds(20), () => op.InviteCount == 1), Describe(f));
        op.Answer();
        Assert.True(await f.RunAsync(TimeSpan.FromSeconds(5), () => f.EventsOf(CallEventKind.Answered).Length == 1), Describe(f));
        caller.SendInDialog(SipMethod.Info, "Signal=1\r\nDuration=160\r\n"); // talking now: the key is the operator's

        op.HangUp();
        Assert.True(await f.RunAsync(TimeSpan.FromSeconds(5), () => caller.ReceivedMethod(SipMethod.Bye)), Describe(f));

        Assert.Single(f.EventsOf(CallEventKind.SurveyInvited));
        Assert.Empty(f.EventsOf(CallEventKind.SurveyOptedIn));
        Assert.Empty(f.EventsOf(CallEventKind.SurveyAsked));
    }

    [Fact]
    public async Task A_citizen_who_opted_in_and_gives_no_answer_is_hung_up_after_the_answer_time()
    {
        await using var f = await B2buaFixture.StartAsync(B2buaFixture.BundledPolicy(surveyPercent: 100), WorkingDay, "100");
        var op = await f.PhoneAsync("100");
        var caller = await f.PhoneAsync("40404040", register: false);
        caller.Call("54731000", authenticate: false);
        Assert.True(await f.RunAsync(TimeSpan.FromSeconds(5), () => f.EventsOf(CallEventKind.SurveyInvited).Length == 1), Describe(f));
        caller.SendInDialog(SipMethod.Info, "Signal=1\r\nDuration=160\r\n");
        Assert.True(await f.RunAsync(TimeSpan.FromSeconds(20), () => op.InviteCount == 1), Describe(f));
        op.Answer();
        Assert.True(await f.RunAsync(TimeSpan.FromSeconds(5), () => f.EventsOf(CallEventKind.Answered).Length == 1), Describe(f));

        op.HangUp();
        Assert.True(await f.RunAsync(TimeSpan.FromSeconds(40), () => caller.ReceivedMethod(SipMethod.Bye)), Describe(f));

        Assert.Single(f.EventsOf(CallEventKind.SurveyAsked));
        Assert.Empty(f.EventsOf(CallEventKind.SurveyAnswered));
    }

    private static string Describe(B2buaFixture f) => string.Join(", ", f.Events.Select(e => $"{e.Kind} {e.Describe()}"));
}
