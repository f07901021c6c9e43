using Omstilling.Calls.Queues;
using Omstilling.Web.Console;
using static Omstilling.Web.Tests.Console.ConsoleTestBed;

namespace Omstilling.Web.Tests.Console;

/// <summary>Searching the directory from the console: results in words, the keys to move, Enter to open, and the feedback line's time.</summary>
public sealed class DirectorySearchTests : IDisposable
{
    private readonly ConsoleTestBed _bed = new();

    [Fact]
    public async Task Results_say_who_and_where_and_the_arrows_move_round_them()
    {
        _bed.Presence.Phones["2050"] = PhoneState.Busy;
        var console = _bed.Operator("100");

        console.Search.Search("vej");

        Assert.Equal(["Jens Hansen", "Mette Berg", "Vej og Park"], console.Search.Results.Select(r => r.Name).Order(StringComparer.Ordinal));
        var jens = console.Search.Results.Single(r => r.Name == "Jens Hansen");
        Assert.Equal("Vejingeniør · Vej og Park · 2050", jens.Detail);
        Assert.Equal("state-busy", jens.DotClass);
        var department = console.Search.Results.Single(r => r.Name == "Vej og Park");
        Assert.Equal("Afdeling · vejarbejde, fortove", department.Detail);
        Assert.Equal("dept", department.DotClass);

        Assert.Equal(0, console.Search.Selected);
        await console.PressAsync("up", CancellationToken.None);
        Assert.Equal(console.Search.Results.Count - 1, console.Search.Selected);
        await console.PressAsync("down", CancellationToken.None);
        Assert.Equal(0, console.Search.Selected);
    }

    [Fact]
    public async Task Enter_opens_a_department_and_a_person_from_it()
    {
        var console = _bed.Operator("100");
        console.Search.Search("vej og park");
        var index = console.Search.Results.ToList().FindIndex(r => r.Hit.Department is not null);

        await console.OpenResultAsync(index, CancellationToken.None);
        Assert.Equal("Vej og Park", console.Card.Department!.Name);
        Assert.Equal(["Jens Hansen", "Mette Berg"], console.Card.DepartmentPeople.Select(p => p.Name));

        await console.OpenPersonAsync("mette-berg", CancellationToken.None);
        Assert.Null(console.Card.Department);
        Assert.Equal("Mette Berg", console.Card.Card!.Person.Name);
    }

    [Fact]
    public void A_search_that_finds_nobody_says_so()
    {
        var console = _bed.Operator("100");

        console.Search.Search("xyzzy");

        Assert.True(console.Search.NothingFound);
        Assert.Equal(-1, console.Search.Selected);
        Assert.Null(console.Search.Chosen);
    }

    [Fact]
    public void The_feedback_line_goes_after_eight_seconds()
    {
        var console = _bed.Operator("100");
        console.Feedback.Say("Stillet om til Jens Hansen.");

        _bed.Time.Advance(ConsoleFeedback.Shown - TimeSpan.FromSeconds(1));
        console.Tick();
        Assert.Equal("Stillet om til Jens Hansen.", console.Feedback.Text);

        _bed.Time.Advance(TimeSpan.FromSeconds(1));
        console.Tick();
        Assert.Null(console.Feedback.Text);
        Assert.Equal(_bed.Time.GetUtcNow(), console.Now);
    }

    public void Dispose() => _bed.Dispose();
}
