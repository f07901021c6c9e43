using Microsoft.Extensions.Logging;
using Omstilling.Calls.Queues;
using Omstilling.Storage.Users;
using Omstilling.Web.Console;

namespace Omstilling.Web.Admin;

/// <summary>
/// What "Brugere og telefoner" does for IT: the logins (add, disable, enable, a new password,
/// remove: the store refuses to leave no enabled administrator) and the phones' SIP accounts (add,
/// a new password, remove: the password made by the platform is shown once). Every change is
/// logged with who made it. Not thread-safe: one per page, used on its circuit.
/// </summary>
public sealed partial class UserAdministration(WebPlatform platform, string actor, ConsoleFeedback feedback, ILogger logger)
{
    public IReadOnlyList<WebUser> Logins { get; private set; } = [];

    public IReadOnlyList<PhoneRow> Phones { get; private set; } = [];

    /// <summary>Whether the platform keeps the phones' accounts (not in tests without a host).</summary>
    public bool ManagesPhones => platform.PhoneAccounts is not null;

    /// <summary>The SIP password just made, until the next action: it is not kept anywhere else.</summary>
    public ShownPassword? Shown { get; private set; }

    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        Logins = await platform.Users.ListAsync(cancellationToken);
        Phones = platform.PhoneAccounts is { } accounts ? [.. accounts.List().Select(Row)] : [];
    }

    /// <summary>The name of the directory person a login or phone is linked to (by id, else by extension), or null.</summary>
    public string? PersonName(string? personId, string? extension)
    {
        var directory = platform.Directory.Current;
        var person = personId is not null && directory.TryGetPerson(personId, out var linked) ? linked
            : extension is not null ? directory.FindByExtension(extension)
            : null;
        return person?.Name ?? personId;
    }

    public async Task AddLoginAsync(LoginDraft draft, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draft);
        Shown = null;
        var name = draft.UserName.Trim();
        var problem = name.Length == 0 ? "Skriv et brugernavn."
            : draft.Roles.Count == 0 ? "Vælg mindst én rolle."
            : draft.Password.Length < UserStore.MinimumPasswordLength ? $"Adgangskoden skal have mindst {UserStore.MinimumPasswordLength} tegn."
            : draft.Password != draft.Repeated ? "De to adgangskoder er ikke ens."
            : null;
        if (problem is not null)
        {
            feedback.Refuse(problem);
            return;
        }

        var roles = Enum.GetValues<UserRole>().Where(draft.Roles.Contains).ToList();
        var user = new NewUser(name, string.IsNullOrWhiteSpace(draft.DisplayName) ? name : draft.DisplayName.Trim(), roles, draft.Password)
        {
            Extension = Blank(draft.Extension),
            PersonId = Blank(draft.PersonId),
        };
        if (!await platform.Users.CreateAsync(user, cancellationToken))
        {
            feedback.Refuse($"Brugernavnet {name} er optaget.");
            return;
        }

        LogLoginAdded(logger, actor, name, string.Join(',', roles));
        feedback.Say($"Brugeren {name} er oprettet ({AdminText.Roles(roles)}).");
        await LoadAsync(cancellationToken);
    }

    public Task DisableAsync(string userName, CancellationToken cancellationToken) =>
        ChangeLoginAsync(userName, platform.Users.DisableAsync, "disabled", $"{userName} er spærret og logges ud.", cancellationToken);

    public Task EnableAsync(string userName, CancellationToken cancellationToken) =>
        ChangeLoginAsync(userName, platform.Users.EnableAsync, "enabled", $"{userName} kan logge ind igen.", cancellationToken);

    public Task RemoveAsync(string userName, CancellationToken cancellationToken) =>
        ChangeLoginAsync(userName, platform.Users.RemoveAsync, "removed", $"Brugeren {userName} er slettet.", cancellationToken);

    public Task SetPasswordAsync(string userName, string password, string repeated, CancellationToken cancellationToken)
    {
        if (password.Length < UserStore.MinimumPasswordLength || password != repeated)
        {
            Shown = null;
            feedback.Refuse(password != repeated ? "De to adgangskoder er ikke ens." : $"Adgangskoden skal have mindst {UserStore.MinimumPasswordLength} tegn.");
            return Task.CompletedTask;
        }

        return ChangeLoginAsync(userName, (name, token) => platform.Users.SetPasswordAsync(name, password, token), "given a new password", $"{userName} har fået ny adgangskode.", cancellationToken);
    }

    public Task AddPhoneAsync(string extension, string? personId, CancellationToken cancellationToken) =>
        ChangePhoneAsync(extension.Trim(), accounts => accounts.Add(extension.Trim(), Blank(personId)), "added", $"SIP-kontoen for lokalnummer {extension.Trim()} er oprettet.", cancellationToken);

    public Task NewPhonePasswordAsync(string extension, CancellationToken cancellationToken) =>
        ChangePhoneAsync(extension, accounts => accounts.NewPassword(extension), "given a new password", $"Lokalnummer {extension} har fået en ny SIP-adgangskode og er afmeldt, til telefonen bruger den.", cancellationToken);

    public Task RemovePhoneAsync(string extension, CancellationToken cancellationToken) =>
        ChangePhoneAsync(extension, accounts => new PhoneAccountResult(accounts.Remove(extension), null), "removed", $"SIP-kontoen for lokalnummer {extension} er slettet, og telefonen er afmeldt.", cancellationToken);

    private async Task ChangeLoginAsync(string userName, Func<string, CancellationToken, Task<UserChange>> change, string done, string said, CancellationToken cancellationToken)
    {
        Shown = null;
        var result = await change(userName, cancellationToken);
        if (AdminText.Refusal(result, userName) is { } refusal)
        {
            LogRefused(logger, actor, $"login {userName}", done, result.ToString());
            feedback.Refuse(refusal);
        }
        else
        {
            LogLoginChanged(logger, actor, userName, done);
            feedback.Say(said);
        }

        await LoadAsync(cancellationToken);
    }

    private async Task ChangePhoneAsync(string extension, Func<IPhoneAccounts, PhoneAccountResult> change, string done, string said, CancellationToken cancellationToken)
    {
        Shown = null;
        if (platform.PhoneAccounts is not { } accounts)
        {
            return;
        }

        var result = change(accounts);
        if (AdminText.Refusal(result.Change, extension) is { } refusal)
        {
            LogRefused(logger, actor, $"SIP account {extension}", done, result.Change.ToString());
            feedback.Refuse(refusal);
        }
        else
        {
            LogPhoneChanged(logger, actor, extension, done);
            Shown = result.Password is { } password ? new ShownPassword(extension, password) : null;
            feedback.Say(said);
        }

        await LoadAsync(cancellationToken);
    }

    private PhoneRow Row(PhoneAccount account) =>
        new(account.Extension, PersonName(account.PersonId, account.Extension), platform.Presence.StateOf(account.Extension) != PhoneState.Offline);

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    [LoggerMessage(EventId = 6600, Level = LogLevel.Information, Message = "{Actor} added the login {UserName} ({Roles})")]
    private static partial void LogLoginAdded(ILogger logger, string actor, string userName, string roles);

    [LoggerMessage(EventId = 6601, Level = LogLevel.Information, Message = "{Actor}: the login {UserName} {Done}")]
    private static partial void LogLoginChanged(ILogger logger, string actor, string userName, string done);

    [LoggerMessage(EventId = 6602, Level = LogLevel.Information, Message = "{Actor}: the SIP account {Extension} {Done}")]
    private static partial void LogPhoneChanged(ILogger logger, string actor, string extension, string done);

    [LoggerMessage(EventId = 6603, Level = LogLevel.Information, Message = "{Actor}: {What} not {Done}: {Reason}")]
    private static partial void LogRefused(ILogger logger, string actor, string what, string done, string reason);
}
