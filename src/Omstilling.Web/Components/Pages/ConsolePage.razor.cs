using System.Diagnostics;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.JSInterop;
using Omstilling.Calls.Control;
using Omstilling.Calls.Queues;
using Omstilling.Directory.Live;
using Omstilling.Directory.Model;
using Omstilling.Directory.Searching;
using Omstilling.Directory.Text;
using Omstilling.Web.Auth;
using Omstilling.Web.Cards;
using Omstilling.Web.Components.Switchboard;
using Omstilling.Web.Live;
using Omstilling.Web.Messages;

namespace Omstilling.Web.Components.Pages;

/// <summary>
/// The operator console: the queue, the current call with its transfer and recall, the directory
/// and a person's card, the message form; every action on a key. One instance per browser tab;
/// it follows the shared <see cref="SwitchboardBoard"/> and renders when it changes.
/// </summary>
public sealed partial class ConsolePage
{
    private const int SearchLimit = 12;

    /// <summary>Why an operator steps away; the queue shows it to colleagues.</summary>
    private static readonly string[] PauseReasons = ["Pause", "Frokost", "Møde", "Administrativt arbejde", "Oplæring"];

    private SignedInUser? _user;
    private string? _me;
    private BoardSnapshot _board = BoardSnapshot.Empty;
    private DateTimeOffset _now;
    private CallView? _call;
    private MemberState? _member;
    private string _query = "";
    private List<SearchHit> _hits = [];
    private int _selected = -1;
    private PersonCard? _card;
    private Department? _department;
    private RecallBanner? _banner;
    private MessageDraftModel? _message;
    private IReadOnlyList<Omstilling.Storage.Messages.PhoneMessage> _sent = [];
    private IReadOnlyList<string> _messageProblems = [];
    private bool _help;
    private bool _announceName = true;
    private string _pauseReason = PauseReasons[0];
    private string? _toast;
    private bool _toastBad;
    private DateTimeOffset _toastUntil;
    private Timer? _clock;
    private IJSObjectReference? _module;
    private IJSObjectReference? _shortcuts;
    private DotNetObjectReference<ConsolePage>? _self;
    private bool _disposed;
    private bool _interactive;

    [Inject]
    private SwitchboardBoard Board { get; set; } = null!;

    [Inject]
    private DirectoryHolder Directory { get; set; } = null!;

    [Inject]
    private PersonCards Cards { get; set; } = null!;

    [Inject]
    private PhoneMessages Messages { get; set; } = null!;

    [Inject]
    private WebPlatform Platform { get; set; } = null!;

    [Inject]
    private ISwitchboardControl Calls { get; set; } = null!;

    [Inject]
    private IQueueMembers Queues { get; set; } = null!;

    [Inject]
    private AbsenceBook Absences { get; set; } = null!;

    [Inject]
    private IJSRuntime JS { get; set; } = null!;

    [CascadingParameter]
    private Task<AuthenticationState>? Auth { get; set; }

    private string Title => _board.Waiting.Count > 0 ? $"({_board.Waiting.Count}) Omstillingen" : "Omstillingen";

    private string MemberText => _member switch
    {
        null or { Registered: false } => "Telefon ikke logget på",
        { LoggedIn: false } => "Logget ud af køen",
        { PausedReason: "Pause" } => "Pause",
        { PausedReason: { } reason } => $"Pause: {reason}",
        { Phone: PhoneState.Busy } => "I samtale",
        { Phone: PhoneState.Ringing } => "Ringer",
        _ => "Klar",
    };

    private string MemberClass => _member switch
    {
        null or { Registered: false } or { LoggedIn: false } => "state-offline",
        { PausedReason: not null } => "state-paused",
        { Phone: PhoneState.Busy } => "state-busy",
        { Phone: PhoneState.Ringing } => "state-ringing",
        _ => "state-idle",
    };

    /// <summary>
    /// Notices of departments the current call is about: the number dialled, the person it was
    /// meant for, the transfer's target. The operator tells the caller when they are back.
    /// </summary>
    private IReadOnlyList<DepartmentAbsence> CallNotices
    {
        get
        {
            if (_call is not { } call || _board.Notices.Count == 0)
            {
                return [];
            }

            var departments = new HashSet<string>(StringComparer.Ordinal);
            if (Platform.Policy?.Current is { } policy && policy.TryFindNumber(call.Dialled, out var number))
            {
                if (number.Owner is Omstilling.Policy.Model.NumberOwner.Department)
                {
                    departments.Add(number.OwnerId);
                }
                else if (Directory.Current.FindByExtension(number.OwnerId) is { } owner)
                {
                    departments.Add(owner.DepartmentId);
                }
            }

            foreach (var extension in new[] { call.Diversion?.Party, call.Transfer?.Target, call.Recall?.Target })
            {
                if (extension is not null && Directory.Current.FindByExtension(extension) is { } person)
                {
                    departments.Add(person.DepartmentId);
                }
            }

            return [.. _board.Notices.Where(n => departments.Contains(n.DepartmentId))];
        }
    }

    /// <summary>The person the banner is about (whoever did not take the transfer).</summary>
    private string? BannerPersonId => _banner?.Card?.Person.Id;

    protected override async Task OnInitializedAsync()
    {
        _user = Auth is null ? null : SignedInUser.From((await Auth).User);
        _me = _user?.Extension;
        // Listening first: a change between the first look and the subscription is not missed.
        Board.Changed += OnBoardChanged;
        Messages.Store.Changed += OnMessagesChanged;
        await RefreshAsync(Board.Current);
        await LoadSentAsync();
        _clock = new Timer(OnClock, null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
    }

    /// <summary>On a timer thread, where a throw would end the process: the tick is queued onto the circuit, and whatever fails is contained.</summary>
    private void OnClock(object? state) =>
        Platform.CircuitFaults.Run(() => Platform.CircuitFaults.Observe(InvokeAsync(Tick), _user?.UserName, "a clock tick"), _user?.UserName, "a clock tick");

    private void Tick()
    {
        _now = Platform.Time.GetUtcNow();
        if (_toast is not null && _now >= _toastUntil)
        {
            _toast = null;
        }

        StateHasChanged();
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender)
        {
            _self = DotNetObjectReference.Create(this);
            _module = await JS.InvokeAsync<IJSObjectReference>("import", "./_content/Omstilling.Web/console.js");
            _shortcuts = await _module.InvokeAsync<IJSObjectReference>("register", _self);
            await _module.InvokeVoidAsync("focus", "#search");
            _interactive = true;
            StateHasChanged();
        }
    }

    public async ValueTask DisposeAsync()
    {
        _disposed = true;
        Board.Changed -= OnBoardChanged;
        Messages.Store.Changed -= OnMessagesChanged;
        if (_clock is not null)
        {
            await _clock.DisposeAsync();
        }

        try
        {
            if (_shortcuts is not null)
            {
                await _shortcuts.InvokeVoidAsync("dispose");
                await _shortcuts.DisposeAsync();
            }

            if (_module is not null)
            {
                await _module.DisposeAsync();
            }
        }
        catch (JSDisconnectedException)
        {
            // The tab is gone: nothing to clean up in it.
        }

        _self?.Dispose();
    }

    /// <summary>A key from console.js: Alt+letter for actions, F2 for search, digits for the recall banner.</summary>
    [JSInvokable]
    public async Task OnShortcut(string key)
    {
        switch (key)
        {
            case "search":
                await FocusSearchAsync();
                break;
            case "escape":
                if (_message is not null)
                {
                    _message = null;
                }
                else if (_help)
                {
                    _help = false;
                }
                else
                {
                    _query = "";
                    _hits = [];
                    _selected = -1;
                    if (_module is not null)
                    {
                        await _module.InvokeVoidAsync("clear", "#search");
                    }
                }

                break;
            case "down" when _hits.Count > 0:
                _selected = (_selected + 1) % _hits.Count;
                break;
            case "up" when _hits.Count > 0:
                _selected = (_selected - 1 + _hits.Count) % _hits.Count;
                break;
            case "enter" when _selected >= 0 && _selected < _hits.Count:
                await OpenHit(_selected);
                break;
            case "alt-b":
                await PickNextAsync();
                break;
            case "alt-h":
                await Command(_call?.OnHold == true ? ConsoleCommand.Resume : ConsoleCommand.Hold);
                break;
            case "alt-o" when _card is not null:
                await Transfer(_card.Person, TransferKind.Blind);
                break;
            case "alt-m" when _card is not null:
                await Transfer(_card.Person, TransferKind.Announced);
                break;
            case "alt-l" when _card is not null:
                await Transfer(_card.Person, TransferKind.CampOn);
                break;
            case "alt-f":
                await Command(ConsoleCommand.Complete);
                break;
            case "alt-t":
                await Command(ConsoleCommand.Return);
                break;
            case "alt-v" when _card is not null:
                await Voicemail(_card.Person);
                break;
            case "alt-n":
                OpenMessage(_card?.Person.Id ?? BannerPersonId);
                break;
            case "alt-x":
                await Command(ConsoleCommand.HangUp);
                break;
            case "alt-p":
                TogglePause();
                break;
            case "1" when _banner is not null:
                await BannerMessageAsync();
                break;
            case "2" when _banner is not null:
                await ShowBannerColleagues();
                break;
            case "3" when _banner is not null:
                await Command(ConsoleCommand.BannerVoicemail);
                break;
            case "4" when _banner is not null:
                await Command(ConsoleCommand.BannerWait);
                break;
            case "?":
                _help = !_help;
                break;
            default:
                // A key console.js sends that means nothing now (a banner key without a banner).
                break;
        }

        StateHasChanged();
    }

    private void OnBoardChanged(BoardSnapshot snapshot)
    {
        if (_disposed)
        {
            return;
        }

        Platform.CircuitFaults.Observe(InvokeAsync(async () =>
        {
            await RefreshAsync(snapshot);
            StateHasChanged();
        }), _user?.UserName, $"board snapshot {snapshot.Version}");
    }

    private async Task RefreshAsync(BoardSnapshot snapshot)
    {
        if (snapshot.Version < _board.Version)
        {
            return;
        }

        _board = snapshot;
        _now = Platform.Time.GetUtcNow();
        _call = _me is null ? null : snapshot.CallOf(_me);
        _member = _me is null ? null : snapshot.Operator(_me);
        if (_card is not null)
        {
            _card = await Cards.GetAsync(_card.Person.Id, CancellationToken.None) ?? _card;
        }

        _banner = await BannerAsync(_call);
    }

    /// <summary>
    /// The recall banner, when the operator's call is a transfer that came back (or a consultation
    /// nobody took): who, why, their absence and next free time.
    /// </summary>
    private async Task<RecallBanner?> BannerAsync(CallView? call)
    {
        var (target, name, outcome, consultation) = call switch
        {
            { Transfer: { Kind: TransferKind.Announced, Failed: { } failed } t } => (t.Target, t.TargetName, failed, true),
            { Recall: { } r, Transfer: null } => (r.Target, r.TargetName, r.Outcome, false),
            _ => (null, null, default(RingOutcome), false),
        };
        if (target is null)
        {
            return null;
        }

        var person = Directory.Current.FindByExtension(target);
        var card = person is null ? null : await Cards.GetAsync(person.Id, CancellationToken.None);
        return new RecallBanner(target, name ?? person?.Name ?? target, outcome, consultation, card);
    }

    private async Task FocusSearchAsync()
    {
        if (_module is not null)
        {
            await _module.InvokeVoidAsync("focus", "#search");
            _interactive = true;
            StateHasChanged();
        }
    }

    private void OnSearch(ChangeEventArgs e)
    {
        _query = e.Value?.ToString() ?? "";
        _hits = [.. Directory.Current.Search(_query, SearchLimit)];
        _selected = _hits.Count > 0 ? 0 : -1;
    }

    private async Task OpenHit(int index)
    {
        _selected = index;
        var hit = _hits[index];
        if (hit.Person is { } person)
        {
            await OpenPerson(person.Id);
        }
        else if (hit.Department is { } department)
        {
            _department = department;
            _card = null;
        }
    }

    private async Task OpenPerson(string personId)
    {
        _card = await Cards.GetAsync(personId, CancellationToken.None);
        _department = null;
    }

    private async Task Pick(Guid callId)
    {
        if (_me is null)
        {
            Toast("Din bruger har ingen telefon at tage opkald på.", bad: true);
            return;
        }

        var result = Calls.Pick(callId, _me);
        Toast(result == CallControlResult.Done ? "Din telefon ringer med opkaldet." : Words(result, null), result != CallControlResult.Done);
        await Task.CompletedTask;
    }

    private async Task PickNextAsync()
    {
        var next = _board.Waiting.FirstOrDefault(w => w.OfferedTo.Count == 0) ?? (_board.Waiting.Count > 0 ? _board.Waiting[0] : null);
        if (next is null)
        {
            Toast("Ingen venter i køen.");
            return;
        }

        await Pick(next.CallId);
    }

    private async Task Transfer(Person person, TransferKind kind)
    {
        if (_call is not { } call || _me is null)
        {
            Toast("Du har ingen samtale at stille om.", bad: true);
            return;
        }

        if (person.Extension is not { } extension)
        {
            Toast($"{person.Name} har intet lokalnummer.", bad: true);
            return;
        }

        var result = kind switch
        {
            TransferKind.Blind => await Calls.BlindTransferAsync(call.Id, _me, extension, person.Name, _announceName, CancellationToken.None),
            TransferKind.Announced => Calls.StartConsultation(call.Id, _me, extension, person.Name),
            TransferKind.CampOn => Calls.CampOn(call.Id, _me, extension, person.Name),
            _ => throw new UnreachableException($"Not a transfer kind: {kind}"),
        };
        Toast(result == CallControlResult.Done
            ? kind switch
            {
                TransferKind.Blind => $"Stillet om til {person.Name}.",
                TransferKind.Announced => $"Ringer til {person.Name}. Opkalderen hører ventemusik.",
                TransferKind.CampOn => $"Opkalderen venter på {person.Name}.",
                _ => throw new UnreachableException($"Not a transfer kind: {kind}"),
            }
            : Words(result, person.Name), result != CallControlResult.Done);
    }

    private async Task Voicemail(Person person)
    {
        if (_call is not { } call || _me is null)
        {
            Toast("Du har ingen samtale at stille om.", bad: true);
            return;
        }

        var box = person.Extension ?? person.Id;
        var result = Calls.TransferToVoicemail(call.Id, _me, box);
        Toast(result == CallControlResult.Done ? $"Opkalderen indtaler en besked til {person.Name}." : Words(result, person.Name), result != CallControlResult.Done);
        await Task.CompletedTask;
    }

    private async Task Command(ConsoleCommand command)
    {
        if (_call is not { } call || _me is null)
        {
            Toast("Du har ingen samtale.", bad: true);
            return;
        }

        var result = command switch
        {
            ConsoleCommand.Hold => Calls.Hold(call.Id, _me),
            ConsoleCommand.Resume => Calls.TakeOffHold(call.Id, _me),
            ConsoleCommand.Complete => Calls.CompleteTransfer(call.Id, _me),
            ConsoleCommand.Return => Calls.ReturnToCaller(call.Id, _me),
            ConsoleCommand.HangUp => Calls.HangUp(call.Id, _me),
            ConsoleCommand.BannerVoicemail when _banner is { } b => Calls.TransferToVoicemail(call.Id, _me, b.Target),
            ConsoleCommand.BannerWait when _banner is { } b => Calls.CampOn(call.Id, _me, b.Target, b.Name),
            _ => CallControlResult.NotNow,
        };
        if (result != CallControlResult.Done)
        {
            Toast(Words(result, _banner?.Name), bad: true);
        }
        else if (command is ConsoleCommand.BannerVoicemail or ConsoleCommand.BannerWait)
        {
            Toast(command == ConsoleCommand.BannerWait ? $"Opkalderen venter på {_banner!.Name}." : $"Opkalderen indtaler en besked til {_banner!.Name}.");
        }

        await Task.CompletedTask;
    }

    /// <summary>Banner choice 1: back to the caller (after a consultation) and the message form for the person.</summary>
    private async Task BannerMessageAsync()
    {
        if (_banner is { Consultation: true } && _call is { } call && _me is not null)
        {
            Calls.ReturnToCaller(call.Id, _me);
        }

        OpenMessage(BannerPersonId);
        await Task.CompletedTask;
    }

    /// <summary>Banner choice 2: the person's card with the colleagues who can cover.</summary>
    private async Task ShowBannerColleagues()
    {
        if (BannerPersonId is { } id)
        {
            await OpenPerson(id);
        }
    }

    private void OpenMessage(string? personId)
    {
        if (personId is null || !Directory.Current.TryGetPerson(personId, out var person))
        {
            Toast("Søg først personen frem, som beskeden er til.", bad: true);
            return;
        }

        _message = new MessageDraftModel
        {
            PersonId = person.Id,
            RecipientName = person.Name,
            RecipientEmail = person.Email,
            CallerNumber = _call is { } call ? Omstilling.Policy.Model.DanishNumber.Display(call.Caller) : "",
            CallId = _call?.Id,
            CallbackWanted = true,
        };
        _messageProblems = [];
    }

    private async Task SendMessage()
    {
        if (_message is null || _user is null)
        {
            return;
        }

        var draft = _message.ToDraft();
        _messageProblems = draft.Problems();
        if (_messageProblems.Count > 0)
        {
            return;
        }

        await Messages.SendAsync(draft, _user.UserName, CancellationToken.None);
        Toast(Messages.Mails && draft.RecipientEmail is not null
            ? $"Beskeden til {draft.RecipientName} er gemt og sendes til {draft.RecipientEmail}."
            : $"Beskeden ligger i {draft.RecipientName}s indbakke.");
        _message = null;
        await LoadSentAsync();
    }

    /// <summary>The operator's latest messages, with whether each was e-mailed (the mailer works in the background).</summary>
    private async Task LoadSentAsync()
    {
        if (_user is not null)
        {
            _sent = await Messages.Store.TakenByAsync(_user.UserName, 5, CancellationToken.None);
        }
    }

    private void OnMessagesChanged(string personId)
    {
        if (!_disposed && _sent.Any(m => m.PersonId == personId))
        {
            Platform.CircuitFaults.Observe(InvokeAsync(async () =>
            {
                await LoadSentAsync();
                StateHasChanged();
            }), _user?.UserName, "the sent messages");
        }
    }

    private void SetAbsence((AbsenceCode Code, DateTimeOffset? Until, string? Note) absence)
    {
        if (_card is null || _user is null)
        {
            return;
        }

        var now = Platform.Time.GetUtcNow();
        if (absence.Until <= now)
        {
            // The book refuses an absence that has already ended; say so instead of ending the session.
            Toast($"Til-tidspunktet {Until(absence.Until.Value)} er allerede passeret.", bad: true);
            return;
        }

        Absences.Set(new Absence(_card.Person.Id, absence.Code, string.IsNullOrWhiteSpace(absence.Note) ? null : absence.Note.Trim(), absence.Until, now, _user.UserName));
        Toast($"{_card.Person.Name}: {absence.Code.DanishLabel()}.");
    }

    private void ClearAbsence()
    {
        if (_card is not null)
        {
            Absences.Clear(_card.Person.Id);
            Toast($"{_card.Person.Name} er ikke længere kodet fraværende.");
        }
    }

    private void TogglePause()
    {
        if (_me is null)
        {
            return;
        }

        if (Queues.PauseReason(_me) is null)
        {
            Queues.Pause(_me, _pauseReason);
        }
        else
        {
            Queues.EndPause(_me);
        }
    }

    private void LogIn()
    {
        if (_me is not null)
        {
            Queues.LogIn(_me);
        }
    }

    private void LogOut()
    {
        if (_me is not null)
        {
            Queues.LogOut(_me);
        }
    }

    private string DepartmentName(string departmentId) =>
        Directory.Current.Departments.TryGetValue(departmentId, out var department) ? department.Name : departmentId;

    private string Until(DateTimeOffset until) => DanishTime.Until(until, _now, Platform.Zone);

    /// <summary>A line of feedback under the status bar, gone after eight seconds.</summary>
    private void Toast(string text, bool bad = false)
    {
        _toast = text;
        _toastBad = bad;
        _toastUntil = Platform.Time.GetUtcNow() + TimeSpan.FromSeconds(8);
    }

    private static string Words(CallControlResult result, string? name) => result switch
    {
        CallControlResult.NoSuchCall => "Opkaldet er slut.",
        CallControlResult.NotYourCall => "Du har ikke opkalderen på linjen.",
        CallControlResult.TargetUnavailable => name is null ? "Telefonen er ikke logget på." : $"{name}s telefon er ikke logget på.",
        CallControlResult.UnknownTarget => name is null ? "Nummeret findes ikke." : $"{name} har intet lokalnummer.",
        CallControlResult.TakenByOther => "En kollega har allerede taget opkaldet.",
        CallControlResult.NotNow or CallControlResult.Done => "Det kan ikke lade sig gøre lige nu.",
        _ => throw new UnreachableException($"Not a call control result: {result}"),
    };
}
