using Omstilling.Sip.Auth;

namespace Omstilling.Host.Accounts;

/// <summary>
/// One line of <c>accounts.json</c>: a phone's SIP account as <see cref="SipAccount"/> has it
/// (username, realm, the HA1 hashes), and the directory person it is linked to, if any. Files
/// written before the link existed read as unlinked. Immutable.
/// </summary>
internal sealed record StoredAccount(string Username, string Realm, string Ha1Md5, string Ha1Sha256)
{
    public string? PersonId { get; init; }

    public static StoredAccount From(SipAccount account, string? personId) =>
        new(account.Username, account.Realm, account.Ha1Md5, account.Ha1Sha256) { PersonId = personId };

    public SipAccount ToSipAccount() => new(Username, Realm, Ha1Md5, Ha1Sha256);
}
