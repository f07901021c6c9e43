using Omstilling.Calls.Control;
using Omstilling.Calls.Events;
using Omstilling.Calls.Signalling;
using Omstilling.Calls.Tests.Parts.Support;
using Omstilling.Calls.Tests.Support;
using Omstilling.Policy.Model;
using Omstilling.Policy.Routing;

namespace Omstilling.Calls.Tests.Parts;

/// <summary>
/// <see cref="PolicyRunner"/> with the bundled policy and a hand-written call: each decision
/// carried out (ring, queue, menu, message, voicemail, hang up, not found), what nobody
/// answering means (the busy or no-answer rule, the diversion the console shows), how the call
/// ends before and after the caller is answered, the end of a policy going round in circles, and
/// the post-call survey's invitation after the greeting for the callers it asks.
/// </summary>
public sealed class PolicyRunnerTests
{
    /// <summary>Tuesday 1 December 2026, 22:00 in Copenhagen: after hours, in winter.</summary>
    private static readonly DateTimeOffset WinterNight = new(2026, 12, 1, 21, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task An_extension_with_no_phone_is_refused_480_before_any_media_is_made()
    {
        await using var b = new PolicyBench();

        b.Runner.StartExtension("2002");

        Assert.Equal([CallEventKind.Started], b.Host.Kinds);
        Assert.Equal(["Refuse 480 Unavailable"], b.Host.Steps);
    }

    [Theory]
    [InlineData(true, "Ring Call 2002")]
    [InlineData(false, "")]
    public async Task An_extension_with_a_phone_rings_once_the_callers_media_is_ready(bool mediaReady, string rings)
    {
        await using var b = new PolicyBench();
        b.Rig.Register("2002");
        b.Host.MediaReady = mediaReady;

        b.Runner.StartExtension("2002");

        string[] steps = mediaReady ? ["PrepareCallerMedia", rings] : ["PrepareCallerMedia"];
        Assert.Equal(steps, b.Host.Steps);
    }

    [Fact]
    public async Task A_decision_is_announced_as_routed_and_carried_out()
    {
        await using var b = new PolicyBench();
        b.Rig.Register("2010");

        b.Runner.Execute(b.Decide(new PolicyAction(ActionKind.Extension, "2010", default)));

        var routed = b.Host.Single(CallEventKind.Routed);
        Assert.Equal((DecisionKind.Ring, "2010"), (routed.Decision, routed.Target));
        Assert.Equal(["Ring Call 2010"], b.Host.Steps);
        Assert.Equal(["2010"], b.Host.Rung[0].Targets);
    }

    [Theory]
    [InlineData("queue", "EnterQueue hovedomstilling")]
    [InlineData("message", "PlayThen policy/andre-henvendelser")]
    [InlineData("voicemail", "PlayThen indtal-besked,tone")]
    [InlineData("hangup", "Refuse 480 Completed")]
    public async Task Each_kind_of_decision_does_its_own_thing(string kind, string step)
    {
        await using var b = new PolicyBench();
        var action = kind switch
        {
            "queue" => new PolicyAction(ActionKind.Queue, "hovedomstilling", default),
            "message" => new PolicyAction(ActionKind.Message, "andre-henvendelser", default),
            "voicemail" => new PolicyAction(ActionKind.Voicemail, "2012", default),
            _ => new PolicyAction(ActionKind.Hangup, "", default),
        };

        b.Runner.Execute(b.Decide(action));

        Assert.Equal(step, b.Host.Steps[0]);
    }

    [Fact]
    public async Task The_main_number_after_hours_opens_its_menu()
    {
        await using var b = new PolicyBench();
        var menus = b.Menus;

        b.Runner.Execute(b.Rig.Policy!.Route("54731000", WinterNight, PolicyState.Staffed));

        Assert.Equal((MenuState.Reading, "efter-lukketid"), (menus.State, menus.Current?.Id));
    }

    [Fact]
    public async Task A_call_that_has_ended_carries_out_nothing_more()
    {
        await using var b = new PolicyBench();
        b.Host.HasEnded = true;

        b.Runner.Execute(b.Decide(new PolicyAction(ActionKind.Queue, "hovedomstilling", default)));

        Assert.Empty(b.Host.Events);
        Assert.Empty(b.Host.Steps);
    }

    [Fact]
    public async Task A_policy_going_round_in_circles_ends_the_call_after_its_steps()
    {
        await using var b = new PolicyBench();
        var nobody = b.Decide(new PolicyAction(ActionKind.Extension, "2010", default)); // no phone: fails at once

        for (var step = 0; step <= PolicyRunner.MaxSteps; step++)
        {
            b.Runner.Execute(nobody);
        }

        Assert.Equal(PolicyRunner.MaxSteps, b.Host.Events.Count(e => e.Kind == CallEventKind.Routed));
        Assert.Equal("Refuse 500 Failed policy loop", b.Host.Steps[^1]);
    }

    /// <summary>Busy falls back to the no-answer rule, unavailable counts as busy, no answer never takes the busy rule.</summary>
    [Theory]
    [InlineData("Busy", "busy", "busy rule")]
    [InlineData("Busy", "no-answer", "no-answer rule")]
    [InlineData("Unavailable", "busy", "busy rule")]
    [InlineData("NoAnswer", "both", "no-answer rule")]
    [InlineData("NoAnswer", "busy", "Refuse 480 NoAnswer")]
    [InlineData("Busy", "none", "Refuse 486 Busy")]
    [InlineData("Refused", "none", "Refuse 603 Rejected")]
    public async Task Nobody_answering_follows_the_policys_rule_and_shows_whom_the_call_was_for(string outcome, string rules, string then)
    {
        await using var b = new PolicyBench();
        b.Rig.Register("2011");
        b.Rig.Register("100");
        var onBusy = rules is "busy" or "both" ? new PolicyAction(ActionKind.Extension, "2011", default) : null;
        var onNoAnswer = rules is "no-answer" or "both" ? new PolicyAction(ActionKind.Extension, "100", default) : null;
        var group = new RingGroup(RingPurpose.Call, ["2010"], onBusy, onNoAnswer);
        var status = outcome switch { "Busy" => 486, "Refused" => 603, _ => 480 };

        b.Runner.NobodyAnswered(group, Enum.Parse<RingOutcome>(outcome), status);

        var expected = then switch { "busy rule" => "Ring Call 2011", "no-answer rule" => "Ring Call 100", _ => then };
        Assert.Equal(expected, b.Host.Steps[^1]);
        var followed = then.EndsWith(" rule", StringComparison.Ordinal);
        Assert.Equal(followed ? new DiversionView("2010", Enum.Parse<RingOutcome>(outcome)) : null, b.Runner.Diversion);
        Assert.Equal(followed, b.Host.Kinds.Contains(CallEventKind.Diverted));
    }

    [Theory]
    [InlineData("Busy", "optaget")]
    [InlineData("NoAnswer", "intet-svar")]
    [InlineData("Unavailable", "intet-svar")]
    [InlineData("Completed", "farvel")]
    [InlineData("Failed", "farvel")]
    public async Task After_the_caller_was_answered_the_call_ends_with_a_spoken_reason_and_a_bye(string reason, string prompt)
    {
        await using var b = new PolicyBench();
        b.Host.CallerAnswered = true;

        b.Runner.Finish(480, Enum.Parse<CallEndReason>(reason), null);
        Assert.Equal([prompt], b.Host.PromptsPlayed[^1]);
        b.Host.FinishPrompts();

        Assert.Equal($"HangUp {reason}", b.Host.Steps[^1]);
    }

    [Theory]
    [InlineData(false, false, "Ring Call 2002")]
    [InlineData(true, false, "Ring Call 2002")]
    [InlineData(true, true, "RingFailed Call Busy 486")]
    public async Task A_person_already_in_a_call_counts_as_busy_only_for_a_caller_from_outside(bool fromOutside, bool busy, string step)
    {
        await using var b = new PolicyBench(fromOutside);
        b.Rig.Register("2002");
        if (busy)
        {
            b.Rig.MakeBusy("2002");
        }

        b.Runner.RingFor(new RingGroup(RingPurpose.Call, ["2002"]), TimeSpan.FromSeconds(20), ringback: false);

        Assert.Equal([step], b.Host.Steps);
    }

    [Fact]
    public async Task Nobody_registered_counts_as_unavailable()
    {
        await using var b = new PolicyBench();

        b.Runner.RingFor(new RingGroup(RingPurpose.Call, ["2002", "2003"]), TimeSpan.FromSeconds(20), ringback: true);

        Assert.Equal(["RingFailed Call Unavailable 480"], b.Host.Steps);
    }

    [Fact]
    public async Task A_forward_without_a_trunk_is_routed_as_failed_and_follows_its_no_answer_rule()
    {
        await using var b = new PolicyBench();

        b.Runner.Execute(b.Decide(new PolicyAction(ActionKind.External, "20304090", default)));

        Assert.Contains(b.Host.Events, e => e.Kind == CallEventKind.Routed && e.RouteFailure == RouteFailure.NoTrunk && e.Target == "20304090");
        Assert.Equal("Refuse 503 Failed", b.Host.Steps[^1]);
    }

    [Fact]
    public async Task A_citizen_sampled_for_the_survey_hears_the_invitation_after_the_greeting_then_queues()
    {
        await using var b = new PolicyBench(fromOutside: true, surveyPercent: 100, at: PartsRig.WorkingDay);

        b.Runner.Start(b.Route("54731000"));

        Assert.Equal(["PrepareCallerMedia", "PlayThen policy/goddag,policy/tilfredshed-invitation", "AnswerCaller"], b.Host.Steps);
        Assert.Equal([CallEventKind.Started, CallEventKind.Routed, CallEventKind.SurveyInvited], b.Host.Kinds);
        Assert.Equal(SurveyState.Invited, b.Survey.State);
        b.Host.FinishPrompts();
        Assert.Equal("EnterQueue hovedomstilling", b.Host.Steps[^1]);
    }

    [Theory]
    [InlineData(false, 100, "54731000")] // a colleague calling the main number
    [InlineData(true, 0, "54731000")] // a citizen not sampled
    [InlineData(true, 100, "54732010")] // a department's number: the bundled survey asks the switchboard's callers
    public async Task Others_hear_the_greeting_alone(bool fromOutside, int surveyPercent, string dialled)
    {
        await using var b = new PolicyBench(fromOutside, surveyPercent, PartsRig.WorkingDay);
        b.Rig.Register("2010");

        b.Runner.Start(b.Route(dialled));

        Assert.DoesNotContain(b.Host.Steps, step => step.Contains("tilfredshed", StringComparison.Ordinal));
        Assert.DoesNotContain(CallEventKind.SurveyInvited, b.Host.Kinds);
        Assert.Equal(SurveyState.NotInvited, b.Survey.State);
    }

    [Fact]
    public async Task The_invitation_is_read_once_however_many_decisions_follow()
    {
        await using var b = new PolicyBench(fromOutside: true, surveyPercent: 100, at: PartsRig.WorkingDay);
        b.Runner.Start(b.Route("54731000"));
        b.Host.FinishPrompts();

        b.Runner.Execute(b.Route("54731000"));

        Assert.Equal("PlayThen policy/goddag", b.Host.Steps.Last(step => step.StartsWith("PlayThen", StringComparison.Ordinal)));
        Assert.Single(b.Host.Events, e => e.Kind == CallEventKind.SurveyInvited);
    }

    /// <summary>A policy runner for a call to the main number, with the bundled policy at <see cref="WinterNight"/>.</summary>
    private sealed class PolicyBench : IAsyncDisposable
    {
        public PolicyBench(bool fromOutside = false, int surveyPercent = 0, DateTimeOffset? at = null)
        {
            Rig = new PartsRig(B2buaFixture.BundledPolicy(surveyPercent), at ?? WinterNight);
            Host = new FakeCallHost(() => Rig.Now);
            Menus = new MenuRunner(Host, Rig.Server.Scheduler, () => Rig.Policy, PolicyState.Staffed, Rig.Services.Voicemail, Rig.Services.Staff.Absence, Rig.Options);
            Survey = new PostCallSurvey(Host, Rig.Server.Scheduler, TimeSpan.FromSeconds(10));
            Runner = new PolicyRunner(Host, Rig.Services, Menus, Survey, fromOutside);
        }

        public PostCallSurvey Survey { get; }

        public PartsRig Rig { get; }

        public FakeCallHost Host { get; }

        public MenuRunner Menus { get; }

        public PolicyRunner Runner { get; }

        public RoutingDecision Decide(PolicyAction action) => Rig.Policy!.Resolve(action, Rig.Now, PolicyState.Staffed);

        public RoutingDecision Route(string dialled) => Rig.Policy!.Route(dialled, Rig.Now, PolicyState.Staffed);

        public ValueTask DisposeAsync() => Rig.DisposeAsync();
    }
}
