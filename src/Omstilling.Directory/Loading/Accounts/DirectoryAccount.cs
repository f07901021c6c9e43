using System.Collections.Immutable;

namespace Omstilling.Directory.Loading.Accounts;

/// <summary>
/// One user account as an organisation's account directory gives it (Microsoft Graph's
/// <c>user</c>: the properties <c>omstilling directory sync-graph</c> selects). Values are as the
/// source wrote them; <see cref="AccountDirectoryReader"/> decides what they mean. Immutable.
/// </summary>
/// <param name="Id">The source's id of the account (Graph's object id), for messages.</param>
/// <param name="Enabled">False when the account is disabled (<c>accountEnabled: false</c>): the person has left.</param>
public sealed record DirectoryAccount(string Id, bool Enabled)
{
    public string? DisplayName { get; init; }

    public string? GivenName { get; init; }

    public string? Surname { get; init; }

    public string? JobTitle { get; init; }

    /// <summary>The department's name as the source writes it; matched by name to the directory's departments.</summary>
    public string? Department { get; init; }

    /// <summary>The e-mail address: the key an account is matched to a person by.</summary>
    public string? Mail { get; init; }

    public ImmutableArray<string> BusinessPhones { get; init; } = [];

    public string? MobilePhone { get; init; }

    /// <summary>The name to use: the display name, else given name and surname.</summary>
    public string? Name =>
        !string.IsNullOrWhiteSpace(DisplayName) ? DisplayName.Trim()
        : string.Join(' ', new[] { GivenName, Surname }.Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s!.Trim())) is { Length: > 0 } joined ? joined
        : null;
}
