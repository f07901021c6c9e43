using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Omstilling.Storage.Voicemail;
using Omstilling.Web.Auth;
using Omstilling.Web.Console;
using Omstilling.Web.MyCalls;
using Omstilling.Web.Voicemail;

namespace Omstilling.Web.Components.Pages;

/// <summary>
/// "Fælles telefonsvarere": the boxes that are no one person's and that the signed-in user may
/// hear (<see cref="VoicemailReaders"/>): the switchboard's for operators, their department's for
/// a department head. Play, download, mark and delete, as on "Min telefonsvarer"; the page follows
/// the boxes (<see cref="StaffVoicemail.Changed"/>), so a message left while it is open shows at once.
/// </summary>
public sealed partial class SharedVoicemailPage : IDisposable
{
    private bool _interactive;
    private SignedInUser? _user;
    private IReadOnlyList<SharedVoicemailBox> _boxes = [];
    private readonly Dictionary<string, IReadOnlyList<StoredVoicemail>> _messages = new(StringComparer.Ordinal);
    private StaffVoicemail? _voicemail;
    private ConsoleFeedback _feedback = null!;

    [CascadingParameter]
    private Task<AuthenticationState>? Auth { get; set; }

    protected override async Task OnInitializedAsync()
    {
        _feedback = new ConsoleFeedback(Platform.Time);
        _user = Auth is null ? null : SignedInUser.From((await Auth).User);
        _boxes = VoicemailReaders.SharedBoxesOf(_user, Platform.Policy?.Current);
        _voicemail = Platform.Voicemail;
        if (_voicemail is null)
        {
            return;
        }

        foreach (var box in _boxes)
        {
            await LoadAsync(box.Box);
        }

        _voicemail.Changed += OnChanged;
    }

    protected override void OnAfterRender(bool firstRender)
    {
        if (firstRender)
        {
            _interactive = true;
            StateHasChanged();
        }
    }

    public void Dispose()
    {
        if (_voicemail is not null)
        {
            _voicemail.Changed -= OnChanged;
        }
    }

    private string Caller(StoredVoicemail message) => MyCallsText.Caller(message.CallerNumber, Platform.Directory.Current);

    private async Task LoadAsync(string box)
    {
        if (_voicemail is not null)
        {
            _messages[box] = await _voicemail.Store.BoxAsync(box, CancellationToken.None);
        }
    }

    /// <summary>Only the page's boxes redraw it; raised on the voicemail's thread, so marshalled to the circuit.</summary>
    private void OnChanged(string box)
    {
        if (_boxes.Any(b => b.Box == box))
        {
            Platform.CircuitFaults.Observe(InvokeAsync(async () =>
            {
                await LoadAsync(box);
                StateHasChanged();
            }), _user?.UserName, "a shared voicemail box update");
        }
    }

    private async Task SetHeard(string box, StoredVoicemail message, bool heard)
    {
        if (_voicemail is not null)
        {
            await _voicemail.SetHeardAsync(box, message.Id, heard, CancellationToken.None);
            await LoadAsync(box);
        }
    }

    /// <summary>Playing a new message marks it heard, for everyone who reads the box.</summary>
    private Task Played(string box, StoredVoicemail message) => message.Heard ? Task.CompletedTask : SetHeard(box, message, heard: true);

    private async Task Delete(string box, StoredVoicemail message)
    {
        if (_voicemail is not null)
        {
            await _voicemail.DeleteAsync(box, message.Id, CancellationToken.None);
            await LoadAsync(box);
            _feedback.Say($"Beskeden fra {Caller(message)} er slettet.");
        }
    }
}
