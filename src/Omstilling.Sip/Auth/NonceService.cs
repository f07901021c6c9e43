using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using Omstilling.Sip.Timing;

namespace Omstilling.Sip.Auth;

/// <summary>
/// Issues and checks digest nonces. A nonce is self-validating (issue time, random bytes and an
/// HMAC under a per-process key), so issuing one stores nothing: a flood of unauthenticated
/// requests cannot fill memory. State is kept only for nonces that authenticated a request:
/// the highest nonce-count seen, so a captured request cannot be replayed (RFC 7616 §3.4.5).
/// Thread-safe.
/// </summary>
public sealed class NonceService
{
    private const int TimestampBytes = 8;
    private const int RandomBytes = 8;
    private const int MacBytes = 16;

    private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<string, NonceUse> _used = new(StringComparer.Ordinal);

    public NonceService(SipScheduler scheduler, TimeSpan lifetime)
    {
        ArgumentNullException.ThrowIfNull(scheduler);
        _time = scheduler.Time;
        Lifetime = lifetime;
        scheduler.Schedule(lifetime, Sweep, scheduler);
    }

    /// <summary>How long a nonce is accepted; afterwards requests get stale=true and retry without prompting.</summary>
    public TimeSpan Lifetime { get; }

    /// <summary>Nonces with replay state, for tests and metrics.</summary>
    public int TrackedCount => _used.Count;

    public string Issue()
    {
        Span<byte> raw = stackalloc byte[TimestampBytes + RandomBytes + MacBytes];
        BinaryPrimitives.WriteInt64BigEndian(raw, _time.GetUtcNow().ToUnixTimeMilliseconds());
        RandomNumberGenerator.Fill(raw.Slice(TimestampBytes, RandomBytes));
        Mac(raw[..(TimestampBytes + RandomBytes)], raw[(TimestampBytes + RandomBytes)..]);
        return Convert.ToHexStringLower(raw);
    }

    /// <summary>Checks that we issued the nonce and it has not expired.</summary>
    public NonceValidity Check(string nonce)
    {
        ArgumentNullException.ThrowIfNull(nonce);
        Span<byte> raw = stackalloc byte[TimestampBytes + RandomBytes + MacBytes];
        if (nonce.Length != raw.Length * 2 || Convert.FromHexString(nonce, raw, out _, out var written) != System.Buffers.OperationStatus.Done ||
            written != raw.Length)
        {
            return NonceValidity.Invalid;
        }

        Span<byte> expected = stackalloc byte[MacBytes];
        Mac(raw[..(TimestampBytes + RandomBytes)], expected);
        if (!CryptographicOperations.FixedTimeEquals(expected, raw[(TimestampBytes + RandomBytes)..]))
        {
            return NonceValidity.Invalid;
        }

        var issued = DateTimeOffset.FromUnixTimeMilliseconds(BinaryPrimitives.ReadInt64BigEndian(raw));
        var age = _time.GetUtcNow() - issued;
        return age < TimeSpan.Zero || age > Lifetime ? NonceValidity.Stale : NonceValidity.Valid;
    }

    /// <summary>
    /// Records a use of a valid nonce with its count; false when the count is not above every
    /// count seen before for that nonce (a replay).
    /// </summary>
    public bool TryUse(string nonce, string nonceCount)
    {
        ArgumentNullException.ThrowIfNull(nonce);
        if (!uint.TryParse(nonceCount, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var count) || count == 0)
        {
            return false;
        }

        var use = _used.GetOrAdd(nonce, static _ => new NonceUse());
        lock (use)
        {
            if (count <= use.HighestCount)
            {
                return false;
            }

            use.HighestCount = count;
            return true;
        }
    }

    private void Mac(ReadOnlySpan<byte> data, Span<byte> destination)
    {
        Span<byte> full = stackalloc byte[32];
        HMACSHA256.HashData(_key, data, full);
        full[..destination.Length].CopyTo(destination);
    }

    private void Sweep(object? state)
    {
        var scheduler = (SipScheduler)state!;
        foreach (var nonce in _used.Keys)
        {
            if (Check(nonce) != NonceValidity.Valid)
            {
                _used.TryRemove(nonce, out _);
            }
        }

        scheduler.Schedule(Lifetime, Sweep, scheduler);
    }

    private sealed class NonceUse
    {
        public uint HighestCount { get; set; }
    }
}

/// <summary>The outcome of checking a nonce.</summary>
public enum NonceValidity
{
    Valid,
    /// <summary>Ours but expired: challenge again with stale=true (RFC 7616 §3.3).</summary>
    Stale,
    Invalid,
}
