using Omstilling.Sip.Auth;
using Omstilling.Web.Admin;

namespace Omstilling.Host.Accounts;

/// <summary>
/// The phones' SIP accounts in the data directory's <c>accounts.json</c>, for <c>omstilling
/// phones</c> and the web page: a password is made here (<see cref="SipPassword"/>), handed back
/// once and kept only as its HA1 hashes for <paramref name="realm"/>. <paramref name="changed"/>
/// runs after each change (the running server reloads at once rather than when its file watcher
/// notices). Thread-safe, also across processes (<see cref="AccountFile.Change{T}"/>).
/// </summary>
internal sealed class PhoneAccountFile(string dataDirectory, string realm, Action? changed = null) : IPhoneAccounts
{
    /// <summary>An extension is 2 to 10 digits: what the dial plan routes to a registered phone.</summary>
    public static bool IsExtension(string extension) =>
        extension.Length is >= 2 and <= 10 && extension.All(char.IsAsciiDigit);

    public IReadOnlyList<PhoneAccount> List() =>
        [.. AccountFile.Load(dataDirectory).OrderBy(a => a.Username, StringComparer.Ordinal).Select(a => new PhoneAccount(a.Username, a.PersonId))];

    public PhoneAccountResult Add(string extension, string? personId)
    {
        ArgumentNullException.ThrowIfNull(extension);
        if (!IsExtension(extension))
        {
            return PhoneAccountResult.Refused(PhoneAccountChange.NotAnExtension);
        }

        var password = SipPassword.Generate();
        var account = StoredAccount.From(SipAccount.FromPassword(extension, realm, password), string.IsNullOrWhiteSpace(personId) ? null : personId.Trim());
        return Changed(AccountFile.Change(dataDirectory, accounts =>
        {
            if (accounts.Exists(a => a.Username == extension))
            {
                return (PhoneAccountResult.Refused(PhoneAccountChange.Exists), false);
            }

            accounts.Add(account);
            return (new PhoneAccountResult(PhoneAccountChange.Done, password), true);
        }));
    }

    public PhoneAccountResult NewPassword(string extension)
    {
        ArgumentNullException.ThrowIfNull(extension);
        var password = SipPassword.Generate();
        var hashed = SipAccount.FromPassword(extension, realm, password);
        return Changed(AccountFile.Change(dataDirectory, accounts =>
        {
            var index = accounts.FindIndex(a => a.Username == extension);
            if (index < 0)
            {
                return (PhoneAccountResult.Refused(PhoneAccountChange.Unknown), false);
            }

            accounts[index] = StoredAccount.From(hashed, accounts[index].PersonId) with { Srtp = accounts[index].Srtp };
            return (new PhoneAccountResult(PhoneAccountChange.Done, password), true);
        }));
    }

    public PhoneAccountChange Remove(string extension)
    {
        ArgumentNullException.ThrowIfNull(extension);
        return Changed(AccountFile.Change(dataDirectory, accounts =>
            accounts.RemoveAll(a => a.Username == extension) > 0 ? (PhoneAccountChange.Done, true) : (PhoneAccountChange.Unknown, false)));
    }

    private PhoneAccountResult Changed(PhoneAccountResult result)
    {
        Changed(result.Change);
        return result;
    }

    private PhoneAccountChange Changed(PhoneAccountChange change)
    {
        if (change == PhoneAccountChange.Done)
        {
            changed?.Invoke();
        }

        return change;
    }
}
