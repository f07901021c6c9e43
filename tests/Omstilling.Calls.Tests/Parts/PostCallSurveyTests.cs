using Omstilling.Calls.Events;
using Omstilling.Calls.Signalling;
using Omstilling.Calls.Tests.Parts.Support;
using Omstilling.Calls.Tests.Support;
using Omstilling.Policy.Model;

namespace Omstilling.Calls.Tests.Parts;

/// <summary>
/// <see cref="PostCallSurvey"/>'s state machine with the bundled policy's survey and a hand-written
/// call: NotInvited → Invited (the invitation's prompt, once) → OptedIn (the caller's 1) → Asking
/// (the staff side hung up: the party has left, the question is read) → Done (a key on the scale is
/// stored and thanked for; no key in time is "Farvel"), and the platform hangs up. A caller who did
/// not opt in is not asked; keys that are not the survey's are left to others.
/// </summary>
public sealed class PostCallSurveyTests
{
    private static readonly PolicySurvey Survey = B2buaFixture.BundledPolicy().Survey!;

    [Fact]
    public async Task Invited_opted_in_asked_and_answered_with_a_key_on_the_scale()
    {
        await using var b = new SurveyBench();
        Assert.Equal(SurveyState.NotInvited, b.Survey.State);

        Assert.Equal("policy/tilfredshed-invitation", b.Survey.Invite(Survey));
        Assert.Equal(SurveyState.Invited, b.Survey.State);
        Assert.True(b.Survey.OnKey('1', talking: false));
        Assert.Equal(SurveyState.OptedIn, b.Survey.State);

        Assert.True(b.Survey.AskAfterHangUp("2010"));
        Assert.Equal(SurveyState.Asking, b.Survey.State);
        Assert.Equal("2010", b.Host.Single(CallEventKind.PartyLeft).Party);
        Assert.Equal(["policy/tilfredshed-spoergsmaal"], b.Host.PromptsPlayed[^1]);
        b.Host.FinishPrompts();

        Assert.True(b.Survey.OnKey('4', talking: false));
        Assert.Equal(SurveyState.Done, b.Survey.State);
        Assert.Equal('4', b.Host.Single(CallEventKind.SurveyAnswered).Digit);
        Assert.Equal(["policy/tilfredshed-tak"], b.Host.PromptsPlayed[^1]);
        b.Host.FinishPrompts();
        Assert.Equal("HangUp CalleeHungUp", b.Host.Steps[^1]);
        Assert.Equal(
            [CallEventKind.SurveyInvited, CallEventKind.SurveyOptedIn, CallEventKind.PartyLeft, CallEventKind.SurveyAsked, CallEventKind.SurveyAnswered],
            b.Host.Kinds);
    }

    [Fact]
    public async Task A_key_while_the_question_is_read_is_the_answer()
    {
        await using var b = new SurveyBench();
        b.OptIn();
        b.Survey.AskAfterHangUp("100");

        Assert.True(b.Survey.OnKey('5', talking: false));

        Assert.Equal('5', b.Host.Single(CallEventKind.SurveyAnswered).Digit);
        Assert.Equal(["policy/tilfredshed-tak"], b.Host.PromptsPlayed[^1]);
    }

    [Theory]
    [InlineData('0')]
    [InlineData('6')]
    [InlineData('*')]
    public async Task A_key_off_the_scale_is_no_answer_and_the_caller_may_still_answer(char key)
    {
        await using var b = new SurveyBench();
        b.OptIn();
        b.Survey.AskAfterHangUp("100");
        b.Host.FinishPrompts();

        Assert.True(b.Survey.OnKey(key, talking: false));
        Assert.Equal(SurveyState.Asking, b.Survey.State);
        Assert.DoesNotContain(CallEventKind.SurveyAnswered, b.Host.Kinds);

        b.Survey.OnKey('2', talking: false);
        Assert.Equal('2', b.Host.Single(CallEventKind.SurveyAnswered).Digit);
    }

    [Fact]
    public async Task No_key_within_the_answer_time_says_farvel_and_hangs_up_without_an_answer()
    {
        await using var b = new SurveyBench();
        b.OptIn();
        b.Survey.AskAfterHangUp("100");
        b.Host.FinishPrompts();

        b.Rig.Advance(TimeSpan.FromSeconds(9));
        Assert.Equal(SurveyState.Asking, b.Survey.State);
        b.Rig.Advance(TimeSpan.FromSeconds(2));

        Assert.Equal(SurveyState.Done, b.Survey.State);
        Assert.Equal(["farvel"], b.Host.PromptsPlayed[^1]);
        b.Host.FinishPrompts();
        Assert.Equal("HangUp CalleeHungUp", b.Host.Steps[^1]);
        Assert.DoesNotContain(CallEventKind.SurveyAnswered, b.Host.Kinds);
    }

    [Fact]
    public async Task An_answer_stops_the_answer_time()
    {
        await using var b = new SurveyBench();
        b.OptIn();
        b.Survey.AskAfterHangUp("100");
        b.Host.FinishPrompts();
        b.Survey.OnKey('3', talking: false);
        var played = b.Host.PromptsPlayed.Count;

        b.Rig.Advance(TimeSpan.FromSeconds(30));

        Assert.Equal(played, b.Host.PromptsPlayed.Count);
        Assert.Equal(SurveyState.Done, b.Survey.State);
    }

    [Fact]
    public async Task A_caller_who_did_not_opt_in_is_not_asked_and_the_call_ends()
    {
        await using var b = new SurveyBench();
        Assert.False(b.Survey.AskAfterHangUp("100"));

        b.Survey.Invite(Survey);
        Assert.False(b.Survey.AskAfterHangUp("100"));
        Assert.Equal([CallEventKind.SurveyInvited], b.Host.Kinds);
    }

    [Fact]
    public async Task Only_the_1_takes_part_only_before_anyone_talks_and_an_invitation_is_read_once()
    {
        await using var b = new SurveyBench();
        Assert.False(b.Survey.OnKey('1', talking: false)); // not invited: not the survey's key

        b.Survey.Invite(Survey);
        Assert.Null(b.Survey.Invite(Survey));
        Assert.False(b.Survey.OnKey('2', talking: false));
        Assert.False(b.Survey.OnKey('1', talking: true));
        Assert.Equal(SurveyState.Invited, b.Survey.State);

        Assert.True(b.Survey.OnKey('1', talking: false));
        Assert.False(b.Survey.OnKey('1', talking: false)); // opted in: later keys are the call's
        Assert.Single(b.Host.Events, e => e.Kind == CallEventKind.SurveyInvited);
    }

    private sealed class SurveyBench : IAsyncDisposable
    {
        public SurveyBench()
        {
            Rig = new PartsRig(B2buaFixture.BundledPolicy());
            Host = new FakeCallHost(() => Rig.Now);
            Survey = new PostCallSurvey(Host, Rig.Server.Scheduler, TimeSpan.FromSeconds(10));
        }

        public PartsRig Rig { get; }

        public FakeCallHost Host { get; }

        public PostCallSurvey Survey { get; }

        public void OptIn()
        {
            Survey.Invite(PostCallSurveyTests.Survey);
            Assert.True(Survey.OnKey('1', talking: false));
        }

        public ValueTask DisposeAsync() => Rig.DisposeAsync();
    }
}
