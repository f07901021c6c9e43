using Omstilling.Calls.Control;
using Omstilling.Calls.Queues;
using static Omstilling.Web.Tests.Console.ConsoleTestBed;

namespace Omstilling.Web.Tests.Console;

/// <summary>The telefonbesked form and the operator's sent messages.</summary>
public sealed class MessageViewModelTests : IDisposable
{
    private readonly ConsoleTestBed _bed = new();
    private readonly Guid _call = Guid.NewGuid();

    [Fact]
    public async Task Banner_choice_1_after_a_consultation_returns_to_the_caller_and_opens_the_form_with_their_number()
    {
        var console = _bed.Operator("100");
        var consultation = new TransferView(TransferKind.Announced, "2050", "Jens Hansen", "100", _bed.Time.GetUtcNow(), false, RingOutcome.NoAnswer);
        await console.ApplyAsync(_bed.Board([Member("100", phone: PhoneState.Busy)], [_bed.Caller(_call, answeredBy: "100", transfer: consultation)]), CancellationToken.None);
        Assert.True(console.Call.Banner!.Consultation);

        await console.PressAsync("1", CancellationToken.None);

        Assert.Equal(["ReturnToCaller 100"], _bed.Calls.Commands);
        var draft = console.Message.Draft!;
        Assert.Equal("Jens Hansen", draft.RecipientName);
        Assert.Equal("jens.hansen@guldborgsund.example", draft.RecipientEmail);
        Assert.Equal("20 12 34 56", draft.CallerNumber);
        Assert.Equal(_call, draft.CallId);
        Assert.True(draft.CallbackWanted);
    }

    [Fact]
    public async Task A_complete_message_is_kept_listed_and_said_to_be_emailed()
    {
        var console = await FormForJensAsync();
        console.Message.Draft!.CallerName = "Karen Olsen";
        console.Message.Draft.CallerNumber = "20123456";
        console.Message.Draft.Subject = "Vejarbejde på Stationsvej";

        await console.Message.SendAsync(CancellationToken.None);

        var kept = Assert.Single(_bed.Messages.Kept);
        Assert.Equal(("jens-hansen", "Karen Olsen", "100"), (kept.PersonId, kept.CallerName, kept.TakenBy));
        Assert.Null(console.Message.Draft);
        Assert.Equal("Beskeden til Jens Hansen er gemt og sendes til jens.hansen@guldborgsund.example.", console.Feedback.Text);
        Assert.Equal("Sendes …", Omstilling.Web.Console.MessageViewModel.MailState(Assert.Single(console.Message.Sent)));
        Assert.True(await console.MessagesChangedAsync("jens-hansen", CancellationToken.None));
        Assert.False(await console.MessagesChangedAsync("mette-berg", CancellationToken.None));
    }

    [Fact]
    public async Task Without_a_mail_server_the_message_is_said_to_be_in_the_inbox()
    {
        _bed.Messages.Mails = false;
        var console = await FormForJensAsync();
        console.Message.Draft!.CallerNumber = "20123456";
        console.Message.Draft.Text = "Ring tilbage";

        await console.Message.SendAsync(CancellationToken.None);

        Assert.Equal("Beskeden ligger i Jens Hansens indbakke.", console.Feedback.Text);
    }

    [Fact]
    public async Task An_incomplete_message_stays_open_with_what_is_missing()
    {
        var console = await FormForJensAsync();

        await console.Message.SendAsync(CancellationToken.None);

        Assert.Empty(_bed.Messages.Kept);
        Assert.NotNull(console.Message.Draft);
        Assert.Equal(["Skriv opkalderens navn eller nummer.", "Skriv et nummer, der kan ringes tilbage til.", "Skriv hvad det drejer sig om."], console.Message.Problems);
    }

    [Fact]
    public async Task Alt_N_without_a_person_on_the_card_says_to_find_them_first()
    {
        var console = _bed.Operator("100");
        await console.ApplyAsync(_bed.Board([Member("100")]), CancellationToken.None);

        await console.PressAsync("alt-n", CancellationToken.None);

        Assert.Null(console.Message.Draft);
        Assert.Equal("Søg først personen frem, som beskeden er til.", console.Feedback.Text);
    }

    [Fact]
    public async Task Escape_closes_the_form_then_the_help_then_clears_the_search()
    {
        var console = await FormForJensAsync();
        await console.PressAsync("?", CancellationToken.None);
        Assert.True(console.HelpShown);

        Assert.Equal(Omstilling.Web.Console.KeyEffect.None, await console.PressAsync("escape", CancellationToken.None));
        Assert.Null(console.Message.Draft);
        Assert.True(console.HelpShown);
        Assert.Equal(Omstilling.Web.Console.KeyEffect.None, await console.PressAsync("escape", CancellationToken.None));
        Assert.False(console.HelpShown);
        Assert.Equal(Omstilling.Web.Console.KeyEffect.ClearSearch, await console.PressAsync("escape", CancellationToken.None));
        Assert.Empty(console.Search.Results);
        Assert.Equal("", console.Search.Query);
    }

    private async Task<Omstilling.Web.Console.ConsoleViewModel> FormForJensAsync()
    {
        var console = _bed.Operator("100");
        await console.ApplyAsync(_bed.Board([Member("100")]), CancellationToken.None);
        console.Search.Search("jens");
        await console.PressAsync("enter", CancellationToken.None);
        await console.PressAsync("alt-n", CancellationToken.None);
        Assert.NotNull(console.Message.Draft);
        return console;
    }

    public void Dispose() => _bed.Dispose();
}
