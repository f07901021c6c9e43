using Omstilling.Calls.Queues;
using Omstilling.Web.Console;
using static Omstilling.Web.Tests.Console.ConsoleTestBed;

namespace Omstilling.Web.Tests.Console;

/// <summary>What an operator is doing, said the same in the queue, the list of operators and the status bar.</summary>
public sealed class OperatorStatusTests : IDisposable
{
    private readonly ConsoleTestBed _bed = new();

    [Fact]
    public async Task An_operator_the_queue_offers_a_caller_to_is_ringing_in_the_list_and_the_status_bar_before_their_phone_says_so()
    {
        var console = _bed.Operator("100");
        var caller = Guid.NewGuid();

        // The queue's offer is in the snapshot; the phone's own ringing (a later call event) is not yet.
        await console.ApplyAsync(_bed.Board([Member("100", phone: PhoneState.Idle), Member("101")], [_bed.Caller(caller)], [_bed.Waiting(caller, 1, "100")]), CancellationToken.None);

        Assert.Equal("Ringer hos Lise Jørgensen", Assert.Single(console.Queue.Waiting).RingingAt);
        var lise = console.Queue.Operators.Single(o => o.Extension == "100");
        Assert.Equal("Ringer", lise.Status.Text);
        Assert.Equal("state-ringing", lise.Status.CssClass);
        Assert.Equal("Ringer", console.Queue.Mine!.Text);
        Assert.Equal("Klar", console.Queue.Operators.Single(o => o.Extension == "101").Status.Text);
    }

    [Fact]
    public async Task A_paused_operator_whose_phone_rings_for_a_caller_they_picked_is_ringing_and_can_still_end_the_pause()
    {
        var console = _bed.Operator("100");
        var caller = Guid.NewGuid();

        await console.ApplyAsync(_bed.Board([Member("100", paused: "Frokost")], [_bed.Caller(caller)], [_bed.Waiting(caller, 1, "100")]), CancellationToken.None);

        Assert.Equal("Ringer", console.Queue.Operators.Single().Status.Text);
        Assert.Equal("Ringer", console.Queue.Mine!.Text);
        Assert.Equal(PauseControls.Ready, console.Pause.Controls);
    }

    [Theory]
    [InlineData(true, true, null, PhoneState.Idle, "Klar", "state-idle")]
    [InlineData(true, true, null, PhoneState.Busy, "I samtale", "state-busy")]
    [InlineData(true, true, "Frokost", PhoneState.Busy, "I samtale", "state-busy")]
    [InlineData(true, true, null, PhoneState.Ringing, "Ringer", "state-ringing")]
    [InlineData(false, true, null, PhoneState.Offline, "Telefon ikke logget på", "state-offline")]
    [InlineData(true, false, null, PhoneState.Idle, "Logget ud af køen", "state-offline")]
    [InlineData(true, true, "Pause", PhoneState.Idle, "Pause", "state-paused")]
    [InlineData(true, true, "Frokost", PhoneState.Idle, "Pause: Frokost", "state-paused")]
    public void Each_state_has_its_words_and_colour(bool registered, bool loggedIn, string? paused, PhoneState phone, string text, string css)
    {
        var status = OperatorStatus.Of(new MemberState("100", registered, loggedIn, paused, phone), []);

        Assert.Equal(text, status.Text);
        Assert.Equal(css, status.CssClass);
    }

    [Fact]
    public async Task The_operators_own_state_and_the_list_say_the_same_after_every_snapshot()
    {
        var console = _bed.Operator("100");
        MemberState[][] boards =
        [
            [Member("100")],
            [Member("100", phone: PhoneState.Busy)],
            [Member("100", paused: "Møde")],
            [Member("100", registered: false)],
            [Member("100", loggedIn: false)],
        ];

        foreach (var operators in boards)
        {
            await console.ApplyAsync(_bed.Board(operators), CancellationToken.None);
            Assert.Equal(console.Queue.Operators.Single(o => o.IsMe).Status, console.Queue.Mine);
        }
    }

    public void Dispose() => _bed.Dispose();
}
