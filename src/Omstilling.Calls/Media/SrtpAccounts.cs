using System.Collections.Frozen;
using Omstilling.Media.Srtp;

namespace Omstilling.Calls.Media;

/// <summary>
/// Each phone account's SRTP policy (<c>srtp: off|optional|required</c> in the accounts file),
/// for the legs of calls the account makes. An account not listed, and a caller without
/// credentials, have <see cref="SrtpPolicy.Optional"/>: SRTP when offered over TLS. Thread-safe:
/// <see cref="Replace"/> swaps the whole set at once (the accounts file was read again).
/// </summary>
public sealed class SrtpAccounts
{
    private FrozenDictionary<string, SrtpPolicy> _policies = FrozenDictionary<string, SrtpPolicy>.Empty;

    /// <summary>The policy of <paramref name="account"/> (an authenticated username), or the default for none.</summary>
    public SrtpPolicy For(string? account) =>
        account is not null && Volatile.Read(ref _policies).TryGetValue(account, out var policy) ? policy : SrtpPolicy.Optional;

    /// <summary>Makes <paramref name="policies"/> the whole set (accounts left out get the default).</summary>
    public void Replace(IEnumerable<KeyValuePair<string, SrtpPolicy>> policies)
    {
        ArgumentNullException.ThrowIfNull(policies);
        Volatile.Write(ref _policies, policies.ToFrozenDictionary(StringComparer.Ordinal));
    }
}
