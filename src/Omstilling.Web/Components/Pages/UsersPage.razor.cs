using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Omstilling.Directory.Model;
using Omstilling.Web.Admin;
using Omstilling.Web.Auth;
using Omstilling.Web.Console;

namespace Omstilling.Web.Components.Pages;

/// <summary>
/// "Brugere og telefoner", for IT (administrators): the page shows and binds; what each action
/// does, and its log line, is <see cref="UserAdministration"/>'s. Whether phones are registered
/// is read again every few seconds.
/// </summary>
public sealed partial class UsersPage : IDisposable
{
    private static readonly TimeSpan Refresh = TimeSpan.FromSeconds(5);

    private bool _interactive;
    private ConsoleFeedback _feedback = null!;
    private UserAdministration _admin = null!;
    private IReadOnlyList<Person> _people = [];
    private LoginDraft _draft = new();
    private string? _passwordFor;
    private string _password = "";
    private string _repeated = "";
    private string? _confirm;
    private string _phoneExtension = "";
    private string? _phonePerson;
    private ITimer? _refresh;

    [CascadingParameter]
    private Task<AuthenticationState>? Auth { get; set; }

    protected override async Task OnInitializedAsync()
    {
        var user = Auth is null ? null : SignedInUser.From((await Auth).User);
        _feedback = new ConsoleFeedback(Platform.Time);
        _admin = new UserAdministration(Platform, user?.UserName ?? "?", _feedback, Logger);
        _people = [.. Platform.Directory.Current.People.Values.OrderBy(p => p.Name, StringComparer.CurrentCulture)];
        await _admin.LoadAsync(CancellationToken.None);
    }

    protected override void OnAfterRender(bool firstRender)
    {
        if (firstRender)
        {
            _interactive = true;
            _refresh = Platform.Time.CreateTimer(_ => Platform.CircuitFaults.Observe(InvokeAsync(ReloadAsync), null, "the users page's refresh"), null, Refresh, Refresh);
            StateHasChanged();
        }
    }

    public void Dispose() => _refresh?.Dispose();

    private static string Login(string userName) => "login:" + userName;

    private static string Phone(string extension) => "phone:" + extension;

    private async Task ReloadAsync()
    {
        await _admin.LoadAsync(CancellationToken.None);
        StateHasChanged();
    }

    private void AskPassword(string userName)
    {
        (_passwordFor, _password, _repeated) = (userName, "", "");
    }

    private async Task SetPasswordAsync()
    {
        if (_passwordFor is { } name)
        {
            await _admin.SetPasswordAsync(name, _password, _repeated, CancellationToken.None);
            (_password, _repeated) = ("", "");
            if (!_feedback.Bad)
            {
                _passwordFor = null;
            }
        }
    }

    private async Task AddLoginAsync()
    {
        await _admin.AddLoginAsync(_draft, CancellationToken.None);
        if (!_feedback.Bad)
        {
            _draft = new LoginDraft();
        }
    }

    private async Task RemoveLoginAsync(string userName)
    {
        _confirm = null;
        await _admin.RemoveAsync(userName, CancellationToken.None);
    }

    private async Task AddPhoneAsync()
    {
        await _admin.AddPhoneAsync(_phoneExtension, _phonePerson, CancellationToken.None);
        if (!_feedback.Bad)
        {
            (_phoneExtension, _phonePerson) = ("", null);
        }
    }

    private async Task RemovePhoneAsync(string extension)
    {
        _confirm = null;
        await _admin.RemovePhoneAsync(extension, CancellationToken.None);
    }
}
