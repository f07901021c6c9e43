using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;

namespace Omstilling.Sip.Auth;

/// <summary>Accounts held in memory (demo accounts, tests). Thread-safe.</summary>
public sealed class InMemoryAccountStore : IAccountStore
{
    private readonly ConcurrentDictionary<string, SipAccount> _accounts = new(StringComparer.Ordinal);

    public int Count => _accounts.Count;

    public void Add(SipAccount account)
    {
        ArgumentNullException.ThrowIfNull(account);
        _accounts[account.Username] = account;
    }

    public bool TryGet(string username, [MaybeNullWhen(false)] out SipAccount account) => _accounts.TryGetValue(username, out account);
}
