using System.Collections.Concurrent;
using System.Net;
using Omstilling.Sip.Security;

namespace Omstilling.Calls.Signalling;

/// <summary>
/// The limits on calls going at once per calling account and per source address
/// (<see cref="AbuseLimits.MaxCallsPerAccount"/>, <see cref="AbuseLimits.MaxCallsPerAddress"/>):
/// a new call is admitted before it is made, and counted until the call is removed. An allowed
/// source (the trunk) is not counted by address; a caller without credentials (a citizen) not
/// by account. Without limits nothing is counted. Thread-safe.
/// </summary>
internal sealed class CallAdmission(AbuseLimits? limits)
{
    private readonly ConcurrentDictionary<string, int> _byAccount = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<IPAddress, int> _byAddress = new();
    private readonly ConcurrentDictionary<Guid, CallLease> _leases = new();

    /// <summary>
    /// Counts a new call by <paramref name="account"/> (null: no credentials) from
    /// <paramref name="source"/>, unless that would pass a limit: then nothing is counted.
    /// </summary>
    public Admission TryAdmit(string? account, IPAddress source, out CallLease lease)
    {
        ArgumentNullException.ThrowIfNull(source);
        lease = default;
        if (limits is null)
        {
            return Admission.Admitted;
        }

        var address = limits.IsAllowed(source) ? null : source;
        if (account is not null && !TryCount(_byAccount, account, limits.MaxCallsPerAccount))
        {
            return Admission.TooManyForAccount;
        }

        if (address is not null && !TryCount(_byAddress, address, limits.MaxCallsPerAddress))
        {
            if (account is not null)
            {
                Uncount(_byAccount, account);
            }

            return Admission.TooManyFromAddress;
        }

        lease = new CallLease(account, address);
        return Admission.Admitted;
    }

    /// <summary>The call <paramref name="callId"/> holds <paramref name="lease"/> until <see cref="Release"/>.</summary>
    public void Hold(Guid callId, CallLease lease)
    {
        if (!lease.IsEmpty)
        {
            _leases[callId] = lease;
        }
    }

    /// <summary>Gives back what a lease counted (a call that was refused after all, or failed to start).</summary>
    public void Release(CallLease lease)
    {
        if (lease.Account is { } account)
        {
            Uncount(_byAccount, account);
        }

        if (lease.Address is { } address)
        {
            Uncount(_byAddress, address);
        }
    }

    /// <summary>The call ended: what it counted is given back (nothing when it counted nothing).</summary>
    public void Release(Guid callId)
    {
        if (_leases.TryRemove(callId, out var lease))
        {
            Release(lease);
        }
    }

    /// <summary>Calls counted for <paramref name="account"/> now.</summary>
    public int CallsOf(string account) => _byAccount.TryGetValue(account, out var n) ? n : 0;

    /// <summary>Calls counted from <paramref name="address"/> now.</summary>
    public int CallsFrom(IPAddress address) => _byAddress.TryGetValue(address, out var n) ? n : 0;

    private static bool TryCount<TKey>(ConcurrentDictionary<TKey, int> counts, TKey key, int limit)
        where TKey : notnull
    {
        if (limit == 0)
        {
            limit = int.MaxValue; // 0: no limit
        }

        while (true)
        {
            if (counts.TryGetValue(key, out var n))
            {
                if (n >= limit)
                {
                    return false;
                }

                if (counts.TryUpdate(key, n + 1, n))
                {
                    return true;
                }
            }
            else if (counts.TryAdd(key, 1))
            {
                return true;
            }
        }
    }

    private static void Uncount<TKey>(ConcurrentDictionary<TKey, int> counts, TKey key)
        where TKey : notnull
    {
        while (counts.TryGetValue(key, out var n))
        {
            if (n <= 1 ? counts.TryRemove(new KeyValuePair<TKey, int>(key, n)) : counts.TryUpdate(key, n - 1, n))
            {
                return;
            }
        }
    }
}
