using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.Logging;
using Omstilling.Directory.Model;
using Omstilling.Media.Audio;
using Omstilling.Storage.Voicemail;
using Omstilling.Web.Auth;
using Omstilling.Web.Console;
using Omstilling.Web.MyCalls;
using Omstilling.Web.Staff;
using Omstilling.Web.Voicemail;

namespace Omstilling.Web.Components.Pages;

/// <summary>
/// "Min telefonsvarer": the signed-in person's own voicemail box and nobody else's (the box is
/// their extension, <see cref="OwnPerson"/>): messages to play, save, mark and delete, the PIN for
/// listening by phone, e-mail of new messages, and the recorded greetings. The page follows the
/// box (<see cref="StaffVoicemail.Changed"/>), so a message left while it is open shows at once.
/// </summary>
public sealed partial class MyVoicemailPage : IDisposable
{
    private bool _interactive;
    private bool _uploading;
    private SignedInUser? _user;
    private Person? _person;
    private string? _box;
    private StaffVoicemail? _voicemail;
    private IReadOnlyList<StoredVoicemail> _messages = [];
    private VoicemailBoxSettings _settings = VoicemailBoxSettings.Default("");
    private string? _pin;
    private ConsoleFeedback _feedback = null!;

    [CascadingParameter]
    private Task<AuthenticationState>? Auth { get; set; }

    protected override async Task OnInitializedAsync()
    {
        _feedback = new ConsoleFeedback(Platform.Time);
        _user = Auth is null ? null : SignedInUser.From((await Auth).User);
        _person = OwnPerson.Of(_user, Platform.Directory.Current);
        _box = _person?.Extension;
        _voicemail = Platform.Voicemail;
        if (_box is null || _voicemail is null)
        {
            return;
        }

        await LoadAsync();
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

    private string? GreetingFile(GreetingKind kind) => kind switch
    {
        GreetingKind.Personal => _settings.GreetingFile,
        GreetingKind.Absence => _settings.AbsenceGreetingFile,
        _ => throw new System.Diagnostics.UnreachableException($"GreetingKind {kind}"),
    };

    private async Task LoadAsync()
    {
        if (_box is null || _voicemail is null)
        {
            return;
        }

        _messages = await _voicemail.Store.BoxAsync(_box, CancellationToken.None);
        _settings = await _voicemail.Store.SettingsAsync(_box, CancellationToken.None);
    }

    /// <summary>Only the page's own box redraws it; raised on the voicemail's thread, so marshalled to the circuit.</summary>
    private void OnChanged(string box)
    {
        if (box == _box)
        {
            Platform.CircuitFaults.Observe(InvokeAsync(async () =>
            {
                await LoadAsync();
                StateHasChanged();
            }), _user?.UserName, "a voicemail box update");
        }
    }

    private async Task SetHeard(StoredVoicemail message, bool heard)
    {
        if (_box is not null && _voicemail is not null)
        {
            await _voicemail.SetHeardAsync(_box, message.Id, heard, CancellationToken.None);
            await LoadAsync();
        }
    }

    /// <summary>Playing a new message in the browser marks it heard, as listening by phone does.</summary>
    private Task Played(StoredVoicemail message) => message.Heard ? Task.CompletedTask : SetHeard(message, heard: true);

    private async Task Delete(StoredVoicemail message)
    {
        if (_box is not null && _voicemail is not null)
        {
            await _voicemail.DeleteAsync(_box, message.Id, CancellationToken.None);
            await LoadAsync();
            _feedback.Say($"Beskeden fra {Caller(message)} er slettet.");
        }
    }

    private async Task SavePin()
    {
        if (_box is null || _voicemail is null)
        {
            return;
        }

        if (VoicemailPin.Problem(_pin) is { } problem)
        {
            _feedback.Refuse(problem);
            return;
        }

        await _voicemail.Store.SetPinAsync(_box, _pin!, CancellationToken.None);
        _pin = null;
        await LoadAsync();
        LogPinSet(Logger, _user?.UserName, _box);
        _feedback.Say("Din pinkode er gemt.");
    }

    private async Task SetEmail(ChangeEventArgs e)
    {
        if (_box is null || _voicemail is null)
        {
            return;
        }

        var on = e.Value is true;
        await _voicemail.Store.SetEmailMessagesAsync(_box, on, CancellationToken.None);
        await LoadAsync();
        _feedback.Say(on ? "Nye beskeder sendes til din e-mail." : "Nye beskeder sendes ikke længere til din e-mail.");
    }

    private async Task Upload(GreetingKind kind, InputFileChangeEventArgs e)
    {
        if (_box is null || _voicemail is null)
        {
            return;
        }

        if (e.File.Size > VoicemailText.LargestUpload)
        {
            _feedback.Refuse(VoicemailText.TooLarge);
            return;
        }

        _uploading = true;
        try
        {
            using var content = new MemoryStream();
            await using (var stream = e.File.OpenReadStream(VoicemailText.LargestUpload))
            {
                await stream.CopyToAsync(content);
            }

            await _voicemail.SaveGreetingAsync(_box, kind, content.GetBuffer().AsMemory(0, (int)content.Length), CancellationToken.None);
            await LoadAsync();
            _feedback.Say($"{VoicemailText.GreetingTitle(kind)} er gemt.");
        }
        catch (AudioFormatException refused)
        {
            LogUploadRefused(Logger, _user?.UserName, _box, refused.Message);
            _feedback.Refuse(VoicemailText.UploadRefused(refused.Message));
        }
        catch (IOException tooLarge)
        {
            LogUploadRefused(Logger, _user?.UserName, _box, tooLarge.Message);
            _feedback.Refuse(VoicemailText.TooLarge);
        }
        finally
        {
            _uploading = false;
        }
    }

    private async Task RemoveGreeting(GreetingKind kind)
    {
        if (_box is not null && _voicemail is not null)
        {
            await _voicemail.RemoveGreetingAsync(_box, kind, CancellationToken.None);
            await LoadAsync();
            _feedback.Say($"{VoicemailText.GreetingTitle(kind)} er fjernet.");
        }
    }

    [LoggerMessage(EventId = 6511, Level = LogLevel.Information, Message = "User {User} set the PIN of voicemail box {Box}")]
    private static partial void LogPinSet(ILogger logger, string? user, string box);

    [LoggerMessage(EventId = 6512, Level = LogLevel.Information, Message = "User {User}: a greeting uploaded for box {Box} was refused ({Reason})")]
    private static partial void LogUploadRefused(ILogger logger, string? user, string box, string reason);
}
