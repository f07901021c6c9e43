using Omstilling.Calls.Control;
using Omstilling.Calls.Queues;
using Omstilling.Web.Console;
using static Omstilling.Web.Tests.Console.ConsoleTestBed;

namespace Omstilling.Web.Tests.Console;

/// <summary>The queue panel: who waits, and "Besvar" for an operator whose phone can ring for the caller.</summary>
public sealed class QueueViewModelTests : IDisposable
{
    private readonly ConsoleTestBed _bed = new();
    private readonly Guid _caller = Guid.NewGuid();

    [Fact]
    public async Task Besvar_is_not_offered_to_an_operator_whose_phone_is_not_registered_and_Alt_B_says_why()
    {
        var console = _bed.Operator("100");
        await console.ApplyAsync(_bed.Board([Member("100", registered: false)], [_bed.Caller(_caller)], [_bed.Waiting(_caller)]), CancellationToken.None);

        Assert.False(console.Queue.ShowsAnswer);
        Assert.Equal(PickState.PhoneOffline, console.Queue.PickState);
        await console.PressAsync("alt-b", CancellationToken.None);
        console.Queue.Answer(_caller);

        Assert.Empty(_bed.Calls.Commands);
        Assert.True(console.Feedback.Bad);
        Assert.Equal("Din telefon er ikke logget på. Log den på for at besvare opkald.", console.Feedback.Text);
        Assert.Equal("Ingen samtale. Din telefon er ikke logget på, så der kommer ingen opkald til dig.", console.Call.IdleText);
    }

    [Fact]
    public async Task An_operator_whose_phone_is_not_in_the_queue_is_judged_by_their_phone_alone()
    {
        // 102 is no member of the policy's queue (the board has no state for them).
        var console = _bed.Operator("102");
        await console.ApplyAsync(_bed.Board([Member("100")], [_bed.Caller(_caller)], [_bed.Waiting(_caller)]), CancellationToken.None);
        Assert.Equal(PickState.PhoneOffline, console.Queue.PickState);

        _bed.Presence.Phones["102"] = PhoneState.Idle;
        await console.ApplyAsync(_bed.Board([Member("100")], [_bed.Caller(_caller)], [_bed.Waiting(_caller)]), CancellationToken.None);
        Assert.Equal(PickState.Possible, console.Queue.PickState);
        Assert.Equal("Logget ud af køen", console.Queue.Mine!.Text);
        Assert.Equal(PauseControls.None, console.Pause.Controls); // no place in the queue to pause or leave
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Frokost")]
    public async Task Besvar_rings_a_registered_operators_phone_also_during_a_pause(string? paused)
    {
        var console = _bed.Operator("100");
        await console.ApplyAsync(_bed.Board([Member("100", paused: paused)], [_bed.Caller(_caller)], [_bed.Waiting(_caller)]), CancellationToken.None);

        Assert.True(console.Queue.ShowsAnswer);
        Assert.Null(console.Queue.AnswerRefusal);
        console.Queue.Answer(_caller);

        Assert.Equal([$"Pick 100 {_caller}"], _bed.Calls.Commands);
        Assert.Equal("Din telefon ringer med opkaldet.", console.Feedback.Text);
        Assert.False(console.Feedback.Bad);
    }

    [Theory]
    [InlineData(PhoneState.Busy, PickState.InCall, "Du er allerede i en samtale.")]
    [InlineData(PhoneState.Ringing, PickState.Ringing, "Din telefon ringer allerede.")]
    public async Task An_operator_whose_phone_is_taken_sees_Besvar_but_cannot_press_it(PhoneState phone, PickState state, string why)
    {
        var console = _bed.Operator("100");
        await console.ApplyAsync(_bed.Board([Member("100", phone: phone)], [_bed.Caller(_caller)], [_bed.Waiting(_caller)]), CancellationToken.None);

        Assert.True(console.Queue.ShowsAnswer);
        Assert.Equal(state, console.Queue.PickState);
        console.Queue.Answer(_caller);

        Assert.Empty(_bed.Calls.Commands);
        Assert.Equal(why, console.Feedback.Text);
    }

    [Fact]
    public async Task A_user_without_a_phone_gets_no_Besvar_and_is_not_told_to_take_calls()
    {
        var console = _bed.Administrator();
        await console.ApplyAsync(_bed.Board([Member("100")], [_bed.Caller(_caller)], [_bed.Waiting(_caller)]), CancellationToken.None);

        Assert.False(console.Queue.ShowsAnswer);
        Assert.Null(console.Queue.Mine);
        Assert.Equal(PauseControls.None, console.Pause.Controls);
        await console.PressAsync("alt-b", CancellationToken.None);

        Assert.Empty(_bed.Calls.Commands);
        Assert.Equal(ConsoleText.NoPhone, console.Feedback.Text);
        Assert.DoesNotContain("Alt+B", console.Call.IdleText, StringComparison.Ordinal);
        Assert.Equal("Ingen samtale. Din bruger har ingen telefon, så du tager ikke opkald her; du kan følge køen og søge i vidensdatabasen.", console.Call.IdleText);
    }

    [Fact]
    public async Task An_operator_ready_for_calls_is_told_to_take_the_next_with_Alt_B()
    {
        var console = _bed.Operator("100");
        await console.ApplyAsync(_bed.Board([Member("100")]), CancellationToken.None);

        Assert.Equal("Ingen samtale. Tag det næste opkald i køen med Alt+B.", console.Call.IdleText);
    }

    [Theory]
    [InlineData(CallControlResult.TakenByOther, "En kollega har allerede taget opkaldet.")]
    [InlineData(CallControlResult.TargetUnavailable, "Din telefon kan ikke tage opkaldet lige nu.")]
    [InlineData(CallControlResult.NotNow, "Opkalderen venter ikke længere i køen.")]
    [InlineData(CallControlResult.NoSuchCall, "Opkaldet er slut.")]
    public async Task The_engine_refusing_a_pick_is_said_in_the_operators_words(CallControlResult answer, string words)
    {
        var console = _bed.Operator("100");
        await console.ApplyAsync(_bed.Board([Member("100")], [_bed.Caller(_caller)], [_bed.Waiting(_caller)]), CancellationToken.None);
        _bed.Calls.Answer = answer;

        console.Queue.Answer(_caller);

        Assert.Equal(words, console.Feedback.Text);
        Assert.True(console.Feedback.Bad);
    }

    [Fact]
    public async Task Alt_B_takes_the_first_caller_no_phone_rings_for()
    {
        var console = _bed.Operator("100");
        var second = Guid.NewGuid();
        await console.ApplyAsync(
            _bed.Board([Member("100"), Member("101", phone: PhoneState.Ringing)], [_bed.Caller(_caller), _bed.Caller(second)], [_bed.Waiting(_caller, 1, "101"), _bed.Waiting(second, 2)]),
            CancellationToken.None);

        await console.PressAsync("alt-b", CancellationToken.None);

        Assert.Equal([$"Pick 100 {second}"], _bed.Calls.Commands);
    }

    [Fact]
    public async Task The_waiting_caller_is_listed_in_words_and_an_empty_queue_has_nobody_to_answer()
    {
        var console = _bed.Operator("100");
        await console.ApplyAsync(_bed.Board([Member("100")], [_bed.Caller(_caller)], [_bed.Waiting(_caller)]), CancellationToken.None);

        var row = Assert.Single(console.Queue.Waiting);
        Assert.Equal("20 12 34 56", row.Caller);
        Assert.Equal("54 73 10 00", row.Dialled);
        Assert.Equal(["Vent på omstillingen"], row.MenuChoices);
        Assert.Null(row.RingingAt);
        Assert.Equal("(1) Omstillingen", console.Title);

        await console.ApplyAsync(_bed.Board([Member("100")]), CancellationToken.None);
        await console.PressAsync("alt-b", CancellationToken.None);
        Assert.Empty(_bed.Calls.Commands);
        Assert.Equal("Ingen venter i køen.", console.Feedback.Text);
        Assert.Equal("Omstillingen", console.Title);
    }

    public void Dispose() => _bed.Dispose();
}
