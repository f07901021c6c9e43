using System.Collections.Concurrent;
using Omstilling.Calls.Events;
using Omstilling.Calls.Signalling;
using Omstilling.Calls.Tests.Parts.Support;
using Omstilling.Calls.Tests.Support;
using Omstilling.Policy;
using Omstilling.Policy.Routing;
using Omstilling.Sip.Messages;

namespace Omstilling.Calls.Tests.Parts;

/// <summary>
/// <see cref="KeyRouter"/>: a key goes to a menu or a recording while one is on, else on to the
/// other party (RFC 4733) while the two talk and the operator does not consult; never recorded.
/// The post-call survey takes the caller's keys a menu does not, while it invites (until the caller
/// talks to someone) or asks. It listens to the caller's stream while no bridge does, and puts the
/// keys it hears on the call's key queue.
/// </summary>
public sealed class KeyRouterTests
{
    private static readonly TelephonePolicy Policy = B2buaFixture.BundledPolicy();

    private static readonly Omstilling.Policy.Model.PolicySurvey Survey = Policy.Survey!;

    [Fact]
    public async Task A_callers_key_goes_to_the_open_menu_and_not_on_to_the_other_party()
    {
        await using var b = new RouterBench();
        b.Talking();
        b.Menus.Open(Policy.Menus["efter-lukketid"]);
        var players = b.Rig.Clock.Count;

        b.Router.Route(CallSide.Caller, '4');

        Assert.Equal('4', b.Host.Single(CallEventKind.MenuChoice).Digit);
        Assert.Equal(players, b.Rig.Clock.Count);
    }

    [Theory]
    [InlineData("Caller")]
    [InlineData("Callee")]
    public async Task A_key_passes_to_the_other_party_while_the_two_talk_and_is_never_recorded(string from)
    {
        await using var b = new RouterBench();
        b.Talking();
        var players = b.Rig.Clock.Count;

        b.Router.Route(Enum.Parse<CallSide>(from), '5');

        Assert.Equal(players + 1, b.Rig.Clock.Count); // an RFC 4733 sender on the other side's stream
        Assert.Empty(b.Host.Events);
    }

    [Theory]
    [InlineData("nobody talks to the caller")]
    [InlineData("the operator consults")]
    public async Task No_key_passes_while_nobody_talks_or_the_operator_consults(string why)
    {
        await using var b = new RouterBench();
        if (why == "the operator consults")
        {
            b.Talking();
            b.Consulting = true;
        }

        var players = b.Rig.Clock.Count;

        b.Router.Route(CallSide.Caller, '5');
        b.Router.Route(CallSide.Callee, '6');

        Assert.Equal(players, b.Rig.Clock.Count);
    }

    [Fact]
    public async Task An_invited_callers_1_takes_part_in_the_survey_while_nobody_talks_to_them_but_not_once_they_talk()
    {
        await using var b = new RouterBench();
        b.Survey.Invite(Survey);

        b.Router.Route(CallSide.Caller, '2');
        Assert.Equal(SurveyState.Invited, b.Survey.State);
        b.Talking();
        var players = b.Rig.Clock.Count;
        b.Router.Route(CallSide.Caller, '1');
        Assert.Equal(SurveyState.Invited, b.Survey.State);
        Assert.Equal(players + 1, b.Rig.Clock.Count); // passed on to the operator instead

        await using var alone = new RouterBench();
        alone.Survey.Invite(Survey);
        alone.Router.Route(CallSide.Caller, '1');
        Assert.Equal(SurveyState.OptedIn, alone.Survey.State);
    }

    [Fact]
    public async Task An_open_menu_takes_the_1_before_the_survey_does()
    {
        await using var b = new RouterBench();
        b.Survey.Invite(Survey);
        b.Menus.Open(Policy.Menus["efter-lukketid"]);

        b.Router.Route(CallSide.Caller, '1');

        Assert.Equal(SurveyState.Invited, b.Survey.State);
        Assert.Equal('1', b.Host.Single(CallEventKind.MenuChoice).Digit);
    }

    [Fact]
    public async Task A_callers_key_ends_a_recording()
    {
        await using var b = new RouterBench();
        b.Menus.RecordVoicemail("2012");
        b.Host.FinishPrompts();
        Assert.Equal(MenuState.Recording, b.Menus.State);

        b.Router.Route(CallSide.Caller, '#');
        await b.Host.FinishAfterAsync();

        Assert.Equal(MenuState.Closed, b.Menus.State);
    }

    [Fact]
    public async Task It_listens_to_the_callers_stream_only_while_no_bridge_does()
    {
        await using var b = new RouterBench();

        b.Router.ListenToCaller();
        Assert.Same(b.Router, b.Caller.Media!.Stream.Listener);

        b.Talking();
        var bridge = b.Caller.Media!.Stream.Listener;
        b.Router.ListenToCaller();
        Assert.Same(bridge, b.Caller.Media!.Stream.Listener);
    }

    [Fact]
    public async Task Keys_it_hears_on_the_callers_stream_go_to_the_calls_key_queue()
    {
        await using var b = new RouterBench();
        var keys = new BlockingCollection<(CallSide, char)>();
        b.Router.Attach(new KeyQueue((side, key) => keys.Add((side, key))));

        b.Router.OnDigit(b.Caller.Media!.Stream, '7');

        Assert.True(keys.TryTake(out var key, TimeSpan.FromSeconds(10)));
        Assert.Equal((CallSide.Caller, '7'), key);
    }

    /// <summary>A key router on an answered caller's leg (its phone can take RFC 4733), with operator 100 ready to be bridged.</summary>
    private sealed class RouterBench : IAsyncDisposable
    {
        private readonly LegBench _leg = new LegBench().Answered();

        public RouterBench()
        {
            Host = new FakeCallHost(() => Rig.Now);
            Menus = new MenuRunner(Host, Rig.Server.Scheduler, () => Policy, PolicyState.Staffed, Rig.Services.Voicemail, Rig.Services.Staff.Absence, Rig.Options);
            Connection = new Connection(Rig.Clock, Rig.Music, (_, _) => { });
            Survey = new PostCallSurvey(Host, Rig.Server.Scheduler, TimeSpan.FromSeconds(10));
            Router = new KeyRouter(Caller, Menus, Survey, Connection, () => Consulting, Rig.Clock);
            Operator = Rig.Branch(new RingGroup(RingPurpose.QueueOffer, ["100"]), "100");
            var invite = SipMessages.Invite("2001", "100");
            Assert.True(Operator.Media.ApplyAnswer(SipMessages.Response(invite, SipStatus.Ok)));
        }

        public PartsRig Rig => _leg.Rig;

        public CallerLeg Caller => _leg.Leg;

        public FakeCallHost Host { get; }

        public MenuRunner Menus { get; }

        public Connection Connection { get; }

        public KeyRouter Router { get; }

        public PostCallSurvey Survey { get; }

        public Branch Operator { get; }

        public bool Consulting { get; set; }

        public void Talking() => Connection.Connect(Caller.Media!.Stream, Operator);

        public ValueTask DisposeAsync()
        {
            Connection.Dispose();
            return _leg.DisposeAsync();
        }
    }
}
