using Omstilling.Web.Console;
using static Omstilling.Web.Tests.Console.ConsoleTestBed;

namespace Omstilling.Web.Tests.Console;

/// <summary>The operator's pause and place in the queue, from the status bar.</summary>
public sealed class PauseTests : IDisposable
{
    private readonly ConsoleTestBed _bed = new();

    [Fact]
    public void The_first_reason_in_the_dropdown_does_not_repeat_the_buttons_word()
    {
        var first = PauseViewModel.Choices[0];

        Assert.Equal("Uden årsag", first.Label);
        Assert.All(PauseViewModel.Choices, c => Assert.DoesNotContain("pause", c.Label, StringComparison.OrdinalIgnoreCase));
        Assert.Equal(PauseViewModel.Choices.Count, PauseViewModel.Choices.Select(c => c.Reason).Distinct().Count());
    }

    [Fact]
    public async Task A_pause_without_a_reason_is_just_Pause()
    {
        var console = _bed.Operator("100");
        await console.ApplyAsync(_bed.Board([Member("100")]), CancellationToken.None);
        Assert.Equal(PauseControls.PauseOrLogOut, console.Pause.Controls);

        await console.PressAsync("alt-p", CancellationToken.None);
        await console.ApplyAsync(_bed.Board([_bed.Queues.StateOf("100")]), CancellationToken.None);

        Assert.Equal(["Pause 100 Pause"], _bed.Queues.Requests);
        Assert.Equal("Pause", console.Queue.Mine!.Text);
        Assert.Equal(PauseControls.Ready, console.Pause.Controls);
    }

    [Fact]
    public async Task A_pause_with_a_reason_shows_it_to_the_operator_and_the_colleagues_until_they_are_ready()
    {
        var lise = _bed.Operator("100");
        var karsten = _bed.Operator("101");
        await lise.ApplyAsync(_bed.Board([Member("100"), Member("101")]), CancellationToken.None);
        lise.Pause.Reason = "Frokost";

        lise.Pause.Toggle();
        var board = _bed.Board([_bed.Queues.StateOf("100"), Member("101")]);
        await lise.ApplyAsync(board, CancellationToken.None);
        await karsten.ApplyAsync(board, CancellationToken.None);

        Assert.Equal("Pause: Frokost", lise.Queue.Mine!.Text);
        Assert.Equal("Pause: Frokost", karsten.Queue.Operators.Single(o => o.Extension == "100").Status.Text);

        await lise.PressAsync("alt-p", CancellationToken.None);
        Assert.Equal(["Pause 100 Frokost", "EndPause 100"], _bed.Queues.Requests);
    }

    [Fact]
    public async Task An_operator_logged_out_of_the_queue_is_offered_to_log_in_again()
    {
        var console = _bed.Operator("100");
        await console.ApplyAsync(_bed.Board([Member("100")]), CancellationToken.None);

        console.Pause.LogOut();
        await console.ApplyAsync(_bed.Board([_bed.Queues.StateOf("100")]), CancellationToken.None);
        Assert.Equal(PauseControls.LogIn, console.Pause.Controls);
        Assert.Equal("Logget ud af køen", console.Queue.Mine!.Text);

        console.Pause.LogIn();
        await console.ApplyAsync(_bed.Board([_bed.Queues.StateOf("100")]), CancellationToken.None);
        Assert.Equal(PauseControls.PauseOrLogOut, console.Pause.Controls);
        Assert.Equal(["LogOut 100", "LogIn 100"], _bed.Queues.Requests);
    }

    public void Dispose() => _bed.Dispose();
}
