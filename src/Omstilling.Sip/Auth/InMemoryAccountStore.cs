using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;

namespace Omstilling.Sip.Auth;

/// <summary>
/// Accounts held in memory: the server's (read from the accounts file, replaced when it changes),
/// the tests'. Thread-safe; a lookup during <see cref="Replace"/> sees each account either before
/// or after, never a mix of the two.
/// </summary>
public sealed class InMemoryAccountStore : IAccountStore
{
    private readonly ConcurrentDictionary<string, SipAccount> _accounts = new(StringComparer.Ordinal);

    public int Count => _accounts.Count;

    public void Add(SipAccount account)
    {
        ArgumentNullException.ThrowIfNull(account);
        _accounts[account.Username] = account;
    }

    /// <summary>
    /// Makes <paramref name="accounts"/> the whole set: the others are removed, changed ones updated.
    /// Returns the usernames whose credentials ended (removed, or with other hashes now), whose phones
    /// must authenticate again.
    /// </summary>
    public IReadOnlyList<string> Replace(IEnumerable<SipAccount> accounts)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        var fresh = accounts.ToDictionary(a => a.Username, StringComparer.Ordinal);
        var ended = new List<string>();
        foreach (var (username, old) in _accounts)
        {
            if (!fresh.TryGetValue(username, out var now) || now != old)
            {
                ended.Add(username);
            }

            if (now is null)
            {
                _accounts.TryRemove(new KeyValuePair<string, SipAccount>(username, old));
            }
        }

        foreach (var account in fresh.Values)
        {
            _accounts[account.Username] = account;
        }

        return ended;
    }

    public bool TryGet(string username, [MaybeNullWhen(false)] out SipAccount account) => _accounts.TryGetValue(username, out account);
}
