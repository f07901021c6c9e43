using Omstilling.Calls.Control;
using Omstilling.Web.Console;
using static Omstilling.Web.Tests.Console.ConsoleTestBed;

namespace Omstilling.Web.Tests.Console;

/// <summary>The current call: putting the caller through from the card, and the banner when a transfer comes back.</summary>
public sealed class CallViewModelTests : IDisposable
{
    private readonly ConsoleTestBed _bed = new();
    private readonly Guid _call = Guid.NewGuid();

    [Theory]
    [InlineData(true, "BlindTransfer 100 2050 announced")]
    [InlineData(false, "BlindTransfer 100 2050 silent")]
    public async Task Alt_O_puts_the_caller_through_to_the_person_on_the_card(bool announceName, string command)
    {
        var console = await TalkingWithJensOnTheCardAsync();
        Assert.True(console.Call.CanAct);
        console.Card.AnnounceName = announceName;

        await console.PressAsync("alt-o", CancellationToken.None);

        Assert.Equal([command], _bed.Calls.Commands);
        Assert.Equal("Stillet om til Jens Hansen.", console.Feedback.Text);
    }

    [Fact]
    public async Task A_transfer_the_engine_refuses_is_said_with_the_persons_name()
    {
        var console = await TalkingWithJensOnTheCardAsync();
        _bed.Calls.Answer = CallControlResult.TargetUnavailable;

        await console.PressAsync("alt-m", CancellationToken.None);

        Assert.Equal(["StartConsultation 100 2050"], _bed.Calls.Commands);
        Assert.Equal("Jens Hansens telefon er ikke logget på.", console.Feedback.Text);
        Assert.True(console.Feedback.Bad);
    }

    [Fact]
    public async Task Without_a_call_the_commands_are_refused_before_the_engine()
    {
        var console = _bed.Operator("100");
        await console.ApplyAsync(_bed.Board([Member("100")]), CancellationToken.None);

        foreach (var key in new[] { "alt-h", "alt-x", "alt-f", "alt-t" })
        {
            await console.PressAsync(key, CancellationToken.None);
            Assert.Equal("Du har ingen samtale.", console.Feedback.Text);
        }

        Assert.Empty(_bed.Calls.Commands);
    }

    [Fact]
    public async Task A_transfer_that_came_back_shows_the_banner_and_its_keys_act_on_the_person()
    {
        var console = _bed.Operator("100");
        var recall = new RecallView("2050", "Jens Hansen", RingOutcome.NoAnswer, "100", _bed.Time.GetUtcNow());
        await console.ApplyAsync(_bed.Board([Member("100", phone: Calls.Queues.PhoneState.Busy)], [_bed.Caller(_call, answeredBy: "100", recall: recall)]), CancellationToken.None);

        var banner = console.Call.Banner!;
        Assert.Equal("Jens Hansen", banner.Name);
        Assert.Equal(RingOutcome.NoAnswer, banner.Outcome);
        Assert.False(banner.Consultation);
        Assert.Equal("jens-hansen", console.Call.BannerPersonId);

        await console.PressAsync("3", CancellationToken.None);
        Assert.Equal("Opkalderen indtaler en besked til Jens Hansen.", console.Feedback.Text);
        await console.PressAsync("4", CancellationToken.None);
        Assert.Equal("Opkalderen venter på Jens Hansen.", console.Feedback.Text);
        await console.PressAsync("2", CancellationToken.None);
        Assert.Equal("Jens Hansen", console.Card.Card!.Person.Name);
        Assert.Equal(["Mette Berg"], console.Card.Card.Colleagues.Select(c => c.Person.Name));

        Assert.Equal(["TransferToVoicemail 100 2050", "CampOn 100 2050"], _bed.Calls.Commands);
    }

    [Fact]
    public async Task The_banners_keys_do_nothing_without_a_banner()
    {
        var console = await TalkingWithJensOnTheCardAsync();

        foreach (var key in new[] { "1", "3", "4" })
        {
            await console.PressAsync(key, CancellationToken.None);
        }

        Assert.Empty(_bed.Calls.Commands);
        Assert.Null(console.Message.Draft);
    }

    [Fact]
    public async Task A_department_notice_shows_on_a_call_that_was_meant_for_someone_there()
    {
        _bed.Absences.Post(new Omstilling.Directory.Model.DepartmentAbsence(Guid.NewGuid(), "vej-og-park", _bed.Time.GetUtcNow().AddHours(-1), _bed.Time.GetUtcNow().AddDays(1), "Afdelingen er på kursus", "admin"));
        var console = _bed.Operator("100");
        var call = _bed.Caller(_call, answeredBy: "100") with { Diversion = new DiversionView("2050", RingOutcome.Busy) };

        await console.ApplyAsync(_bed.Board([Member("100")], [call]), CancellationToken.None);

        Assert.Equal("Afdelingen er på kursus", Assert.Single(console.Call.Notices).Text);
        var line = Assert.Single(console.Notices);
        Assert.Equal("Vej og Park", line.Department);
        Assert.Equal("i morgen kl. 10.00", line.Until);
    }

    [Fact]
    public async Task An_older_snapshot_than_the_one_shown_is_ignored()
    {
        var console = _bed.Operator("100");
        var older = _bed.Board([Member("100")], [_bed.Caller(_call, answeredBy: "100")]);
        var newer = _bed.Board([Member("100")]);

        Assert.True(await console.ApplyAsync(newer, CancellationToken.None));
        Assert.False(await console.ApplyAsync(older, CancellationToken.None));

        Assert.Null(console.Call.Call);
    }

    private async Task<ConsoleViewModel> TalkingWithJensOnTheCardAsync()
    {
        var console = _bed.Operator("100");
        await console.ApplyAsync(_bed.Board([Member("100", phone: Calls.Queues.PhoneState.Busy)], [_bed.Caller(_call, answeredBy: "100")]), CancellationToken.None);
        console.Search.Search("jens");
        await console.PressAsync("enter", CancellationToken.None);
        return console;
    }

    public void Dispose() => _bed.Dispose();
}
