using Omstilling.Calls.Queues;
using Omstilling.Directory.Model;
using static Omstilling.Web.Tests.Console.ConsoleTestBed;

namespace Omstilling.Web.Tests.Console;

/// <summary>Coding a person's absence from their card, and what the card then says.</summary>
public sealed class AbsenceOnTheCardTests : IDisposable
{
    private readonly ConsoleTestBed _bed = new();

    [Theory]
    [InlineData(AbsenceCode.Meeting, "Til møde")]
    [InlineData(AbsenceCode.Ill, "Syg")]
    [InlineData(AbsenceCode.Holiday, "På ferie")]
    public async Task An_absence_just_coded_without_an_end_shows_once_on_the_card(AbsenceCode code, string label)
    {
        var console = await JensOnTheCardAsync();
        console.Absence.Code = code;

        await console.SaveAbsenceAsync(CancellationToken.None);

        Assert.Equal(label, console.Card.AbsenceLine);
        Assert.Equal("Næste ledige tid kendes ikke", console.Card.NextFreeLine);
        Assert.Equal(code, _bed.Absences.Current("jens-hansen")!.Code);
        Assert.Equal($"Jens Hansen: {label}.", console.Feedback.Text);

        // The board's snapshot for the change comes next: the card is the same, not doubled.
        await console.ApplyAsync(_bed.Board([Member("100")]), CancellationToken.None);
        Assert.Equal(label, console.Card.AbsenceLine);
        Assert.Equal("Næste ledige tid kendes ikke", console.Card.NextFreeLine);
    }

    [Fact]
    public async Task An_absence_with_an_end_says_until_when_and_the_next_free_time()
    {
        var console = await JensOnTheCardAsync();
        console.Absence.Until = "2026-12-01T14:00";
        console.Absence.Note = "  Vejmøde på rådhuset ";

        await console.SaveAbsenceAsync(CancellationToken.None);

        Assert.Equal("Til møde til kl. 14.00", console.Card.AbsenceLine);
        Assert.Equal("Næste ledige tid: kl. 14.00", console.Card.NextFreeLine);
        var absence = _bed.Absences.Current("jens-hansen")!;
        Assert.Equal("Vejmøde på rådhuset", absence.Note);
        Assert.Equal("100", absence.SetBy);
        Assert.Null(console.Absence.Until); // the form is empty again
    }

    [Fact]
    public async Task An_end_that_has_passed_is_refused_and_nothing_is_coded()
    {
        var console = await JensOnTheCardAsync();
        console.Absence.Until = "2026-12-01T09:00";

        await console.SaveAbsenceAsync(CancellationToken.None);

        Assert.Null(_bed.Absences.Current("jens-hansen"));
        Assert.True(console.Feedback.Bad);
        Assert.Equal("Til-tidspunktet kl. 09.00 er allerede passeret.", console.Feedback.Text);
        Assert.Equal("2026-12-01T09:00", console.Absence.Until); // kept, to be corrected
    }

    [Fact]
    public async Task Working_from_home_is_not_contradicted_by_no_absence_coded()
    {
        var console = await JensOnTheCardAsync();
        console.Absence.Code = AbsenceCode.WorkingFromHome;

        await console.SaveAbsenceAsync(CancellationToken.None);

        Assert.Equal("Arbejder hjemme", console.Card.AbsenceLine);
        Assert.Null(console.Card.NextFreeLine);
    }

    [Fact]
    public async Task Without_an_absence_the_card_says_whether_the_person_is_free()
    {
        var console = await JensOnTheCardAsync();
        Assert.Null(console.Card.AbsenceLine);
        Assert.Equal("Ingen fravær kodet", console.Card.NextFreeLine);

        _bed.Presence.Phones["2050"] = PhoneState.Idle;
        await console.ApplyAsync(_bed.Board([Member("100")]), CancellationToken.None);
        Assert.Equal("Ledig nu", console.Card.NextFreeLine);
    }

    [Fact]
    public async Task Clearing_the_absence_shows_at_once_and_the_next_person_gets_an_empty_form()
    {
        var console = await JensOnTheCardAsync();
        await console.SaveAbsenceAsync(CancellationToken.None);
        await console.ClearAbsenceAsync(CancellationToken.None);
        Assert.Null(console.Card.AbsenceLine);
        Assert.Equal("Jens Hansen er ikke længere kodet fraværende.", console.Feedback.Text);

        console.Absence.Note = "Kursus i Odense";
        console.Absence.Code = AbsenceCode.Course;
        await console.OpenPersonAsync("mette-berg", CancellationToken.None);
        Assert.Null(console.Absence.Note);
        Assert.Equal(AbsenceCode.Meeting, console.Absence.Code);
    }

    [Fact]
    public async Task The_card_shows_where_the_persons_calls_are_forwarded()
    {
        var now = _bed.Time.GetUtcNow();
        _bed.Forwardings.Set(new Forwarding("jens-hansen", ForwardingCondition.Always, "2051", now, "jens-hansen"));
        _bed.Forwardings.Set(new Forwarding("jens-hansen", ForwardingCondition.NoAnswer, "54731000", now, "jens-hansen"));

        var console = await JensOnTheCardAsync();

        Assert.Equal(["Viderestillet altid til Mette Berg (2051)", "Viderestillet ved intet svar til 54 73 10 00"], console.Card.ForwardingLines);
    }

    private async Task<Omstilling.Web.Console.ConsoleViewModel> JensOnTheCardAsync()
    {
        var console = _bed.Operator("100");
        await console.ApplyAsync(_bed.Board([Member("100")]), CancellationToken.None);
        console.Search.Search("jens");
        await console.PressAsync("enter", CancellationToken.None);
        Assert.Equal("Jens Hansen", console.Card.Card?.Person.Name);
        return console;
    }

    public void Dispose() => _bed.Dispose();
}
