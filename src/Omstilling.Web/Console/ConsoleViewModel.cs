using Omstilling.Calls.Control;
using Omstilling.Directory.Text;
using Omstilling.Web.Auth;
using Omstilling.Web.Live;

namespace Omstilling.Web.Console;

/// <summary>
/// The operator console for one signed-in user: its panels (queue, current call, directory search,
/// person card, absence form, message form, pause), the board snapshot they show, the feedback
/// line and the help, and what crosses panels (a result opens a card, the card's person is put
/// through or gets a message). Plain C#: the page renders it and hands it snapshots, ticks and
/// keys. Not thread-safe: one per console, used on its circuit's dispatcher.
/// </summary>
public sealed partial class ConsoleViewModel
{
    private readonly ConsoleServices _services;

    public ConsoleViewModel(ConsoleServices services, SignedInUser user)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(user);
        _services = services;
        User = user;
        Feedback = new ConsoleFeedback(services.Time);
        Queue = new QueueViewModel(services.Calls, services.Presence, services.Directory, Me, Feedback);
        Call = new CallViewModel(services.Calls, services.Directory, services.Cards, services.Policy, Me, Feedback);
        Search = new DirectorySearchViewModel(services.Directory, services.Cards);
        Card = new PersonCardViewModel(services.Cards, services.Directory, services.Time, services.Zone);
        Absence = new AbsenceViewModel(services.Absences, services.Time, services.Zone, user.UserName, Feedback);
        Message = new MessageViewModel(services.Messages, services.Directory, user.UserName, Feedback);
        Pause = new PauseViewModel(services.Queues, Me);
        Now = services.Time.GetUtcNow();
    }

    public SignedInUser User { get; }

    /// <summary>The extension whose calls this console controls; null for a user without a phone (who only watches).</summary>
    public string? Me => User.Extension;

    public ConsoleFeedback Feedback { get; }

    public QueueViewModel Queue { get; }

    public CallViewModel Call { get; }

    public DirectorySearchViewModel Search { get; }

    public PersonCardViewModel Card { get; }

    public AbsenceViewModel Absence { get; }

    public MessageViewModel Message { get; }

    public PauseViewModel Pause { get; }

    /// <summary>The switchboard as the last snapshot showed it.</summary>
    public BoardSnapshot Board { get; private set; } = BoardSnapshot.Empty;

    /// <summary>The moment waits and call times are counted to (the last snapshot or tick).</summary>
    public DateTimeOffset Now { get; private set; }

    /// <summary>The list of keys (?) is open.</summary>
    public bool HelpShown { get; set; }

    /// <summary>The tab's title: the number of callers waiting first, so it shows in the task bar.</summary>
    public string Title => Board.Waiting.Count > 0 ? $"({Board.Waiting.Count}) Omstillingen" : "Omstillingen";

    /// <summary>Calls an operator or a colleague is talking on.</summary>
    public int CallsInProgress => Board.Calls.Count(c => c.AnsweredBy is not null);

    /// <summary>The departments that are away, for the notice bar.</summary>
    public IReadOnlyList<NoticeLine> Notices { get; private set; } = [];

    /// <summary>Shows a snapshot (an older one than shown is ignored); true when it was shown.</summary>
    public async Task<bool> ApplyAsync(BoardSnapshot snapshot, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        if (snapshot.Version < Board.Version)
        {
            return false;
        }

        Board = snapshot;
        Now = _services.Time.GetUtcNow();
        Queue.Apply(snapshot);
        // Only a member of the switchboard's queue has a place in it to pause or leave.
        Pause.Apply(Me is not null && snapshot.Operator(Me) is not null ? Queue.Mine : null);
        Notices = [.. snapshot.Notices.Select(n => new NoticeLine(DepartmentName(n.DepartmentId), n.Text, DanishTime.Until(n.Until, Now, _services.Zone)))];
        await Card.RefreshAsync(cancellationToken);
        await Call.ApplyAsync(snapshot, Queue.PickState, cancellationToken);
        return true;
    }

    /// <summary>A second passed: waits and call times count on, and an old feedback line goes.</summary>
    public void Tick()
    {
        Now = _services.Time.GetUtcNow();
        Feedback.Expire();
    }

    /// <summary>Opens the search result at <paramref name="index"/>: a person's card or a department's.</summary>
    public async Task OpenResultAsync(int index, CancellationToken cancellationToken)
    {
        if (Search.Choose(index) && Search.Chosen is { } row)
        {
            await Card.OpenAsync(row, cancellationToken);
            Absence.For(Card.Card?.Person.Id);
        }
    }

    public async Task OpenPersonAsync(string personId, CancellationToken cancellationToken)
    {
        await Card.OpenPersonAsync(personId, cancellationToken);
        Absence.For(Card.Card?.Person.Id);
    }

    /// <summary>Puts the caller through to the person on the card.</summary>
    public async Task TransferAsync(TransferKind kind, CancellationToken cancellationToken)
    {
        if (Card.Card is { } card)
        {
            await Call.TransferAsync(card.Person, kind, Card.AnnounceName, cancellationToken);
        }
    }

    /// <summary>The caller leaves a message in the voicemail of the person on the card.</summary>
    public void VoicemailOnCard()
    {
        if (Card.Card is { } card)
        {
            Call.Voicemail(card.Person);
        }
    }

    /// <summary>Alt+N: a message for the person on the card, else for the one the banner is about.</summary>
    public void OpenMessage() => Message.Open(Card.Card?.Person.Id ?? Call.BannerPersonId, Call.Call);

    /// <summary>Banner choice 1: back to the caller (after a consultation) and the message form for the person.</summary>
    public void BannerMessage()
    {
        Call.ReturnForMessage();
        Message.Open(Call.BannerPersonId, Call.Call);
    }

    /// <summary>Banner choice 2: the card of the person who did not answer, with the colleagues who can cover.</summary>
    public async Task BannerColleaguesAsync(CancellationToken cancellationToken)
    {
        if (Call.BannerPersonId is { } personId)
        {
            await OpenPersonAsync(personId, cancellationToken);
        }
    }

    /// <summary>Codes the absence of the person on the card; the card shows it at once.</summary>
    public async Task SaveAbsenceAsync(CancellationToken cancellationToken)
    {
        if (Card.Card is { } card && Absence.Save(card.Person))
        {
            await Card.RefreshAsync(cancellationToken);
        }
    }

    public async Task ClearAbsenceAsync(CancellationToken cancellationToken)
    {
        if (Card.Card is { } card)
        {
            Absence.Clear(card.Person);
            await Card.RefreshAsync(cancellationToken);
        }
    }

    /// <summary>A message for the person changed (e-mailed, read): the list of sent messages again, if it has one of theirs; true when it was reloaded.</summary>
    public async Task<bool> MessagesChangedAsync(string personId, CancellationToken cancellationToken)
    {
        if (!Message.Lists(personId))
        {
            return false;
        }

        await Message.LoadSentAsync(cancellationToken);
        return true;
    }

    public string DepartmentName(string departmentId) =>
        _services.Directory.Current.Departments.TryGetValue(departmentId, out var department) ? department.Name : departmentId;
}
