using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.Logging;
using Omstilling.Runtime;
using Omstilling.Sip.Timing;

namespace Omstilling.Sip.Security;

/// <summary>
/// Per-source abuse limits (<see cref="AbuseLimits"/>): counts each address's messages per second
/// and its failed authentications in a sliding window, blocks an address that goes over either
/// for <see cref="AbuseLimits.BlockDuration"/>, and unblocks it on the stack's scheduler. One
/// security log line per block and per unblock, in the fixed wording fail2ban's filter reads
/// (deploy/fail2ban/filter.d/omstilling.conf):
/// <c>SECURITY blocked 192.0.2.7 for 600 s: 20 failed authentications in 60 s</c>,
/// <c>SECURITY blocked 192.0.2.7 for 600 s: more than 200 messages in 1 s</c>,
/// <c>SECURITY unblocked 192.0.2.7</c>.
/// Memory is bounded by <see cref="AbuseLimits.MaxTrackedAddresses"/>; idle entries are swept every
/// <see cref="AbuseLimits.AuthFailureWindow"/>. <see cref="Screen"/> is on every message's path: one
/// dictionary lookup and, for an address not allowed, one uncontended lock; no allocation for an
/// address already seen. Thread-safe.
/// </summary>
public sealed partial class SourceGuard
{
    private readonly ConcurrentDictionary<IPAddress, SourceState> _sources = new();
    private readonly SourceState _allowed = new(IPAddress.None);
    private readonly SipScheduler _scheduler;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly LogRateLimit _fullLog;
    private readonly long _second;
    private readonly long _window;
    private readonly long _blockFor;
    private int _tracked;
    private int _blocked;

    public SourceGuard(AbuseLimits limits, SipScheduler scheduler, ILogger<SourceGuard> logger)
    {
        ArgumentNullException.ThrowIfNull(limits);
        ArgumentNullException.ThrowIfNull(scheduler);
        ArgumentNullException.ThrowIfNull(logger);
        ArgumentOutOfRangeException.ThrowIfNegative(limits.AuthFailureLimit);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limits.AuthFailureLimit, AbuseLimits.MaxAuthFailureLimit);
        ArgumentOutOfRangeException.ThrowIfNegative(limits.MessageRateLimit);
        ArgumentOutOfRangeException.ThrowIfLessThan(limits.AuthFailureWindow, TimeSpan.FromSeconds(1));
        ArgumentOutOfRangeException.ThrowIfLessThan(limits.BlockDuration, TimeSpan.FromSeconds(1));
        Limits = limits;
        _scheduler = scheduler;
        _time = scheduler.Time;
        _logger = logger;
        _fullLog = new LogRateLimit(_time, perWindow: 1, TimeSpan.FromMinutes(1));
        _second = _time.TimestampFrequency;
        _window = (long)(limits.AuthFailureWindow.TotalSeconds * _second);
        _blockFor = (long)(limits.BlockDuration.TotalSeconds * _second);
        _scheduler.Schedule(limits.AuthFailureWindow, static s => ((SourceGuard)s!).Sweep(), this);
    }

    public AbuseLimits Limits { get; }

    /// <summary>Addresses tracked now (allowed ones included until the next sweep).</summary>
    public int TrackedCount => Volatile.Read(ref _tracked);

    /// <summary>Addresses blocked now.</summary>
    public int BlockedCount => Volatile.Read(ref _blocked);

    /// <summary>
    /// One message arrived from <paramref name="address"/>, not yet parsed: counts it against the
    /// rate and says whether it is handled, dropped (blocked) or answered 403 (blocked, with
    /// <see cref="BlockedAnswer.Forbidden"/>).
    /// </summary>
    public SourceVerdict Screen(IPAddress address)
    {
        var state = Track(address);
        if (state is null)
        {
            return SourceVerdict.Admit;
        }

        var now = _time.GetTimestamp();
        var rate = Limits.MessageRateLimit;
        lock (state)
        {
            if (state.IsBlocked)
            {
                return Refusal;
            }

            state.LastSeen = now;
            if (rate == 0)
            {
                return SourceVerdict.Admit;
            }

            if (now - state.WindowStart >= _second)
            {
                state.WindowStart = now;
                state.WindowCount = 0;
            }

            if (++state.WindowCount <= rate)
            {
                return SourceVerdict.Admit;
            }

            Block(state, now);
        }

        LogBlockedForRate(state.Address, (long)Limits.BlockDuration.TotalSeconds, rate);
        return Refusal;
    }

    /// <summary>
    /// A request from <paramref name="address"/> carried credentials that failed (a wrong
    /// password, an unknown user, a replayed nonce-count). The address is blocked when this is the
    /// <see cref="AbuseLimits.AuthFailureLimit"/>th within <see cref="AbuseLimits.AuthFailureWindow"/>.
    /// </summary>
    public void OnAuthenticationFailed(IPAddress address)
    {
        var limit = Limits.AuthFailureLimit;
        if (limit == 0 || Track(address) is not { } state)
        {
            return;
        }

        var now = _time.GetTimestamp();
        lock (state)
        {
            if (state.IsBlocked)
            {
                return;
            }

            state.LastSeen = now;
            var ring = state.Failures ??= new long[limit];
            ring[state.NextFailure] = now;
            state.NextFailure = (state.NextFailure + 1) % limit;
            state.FailureCount = Math.Min(state.FailureCount + 1, limit);

            // Full: the oldest of the last `limit` failures is where the next one goes.
            if (state.FailureCount < limit || now - ring[state.NextFailure] >= _window)
            {
                return;
            }

            Block(state, now);
        }

        LogBlockedForAuthentication(state.Address, (long)Limits.BlockDuration.TotalSeconds, limit, (long)Limits.AuthFailureWindow.TotalSeconds);
    }

    /// <summary>Whether <paramref name="address"/> is blocked now.</summary>
    public bool IsBlocked(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (!_sources.TryGetValue(Normalize(address), out var state) || ReferenceEquals(state, _allowed))
        {
            return false;
        }

        lock (state)
        {
            return state.IsBlocked;
        }
    }

    private SourceVerdict Refusal => Limits.BlockedAnswer switch
    {
        BlockedAnswer.None => SourceVerdict.Drop,
        BlockedAnswer.Forbidden => SourceVerdict.Refuse,
        _ => throw new System.Diagnostics.UnreachableException(),
    };

    /// <summary>The address's entry; null when it is allowed, or new while the table is full.</summary>
    private SourceState? Track(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (_sources.TryGetValue(address, out var state) || _sources.TryGetValue(address = Normalize(address), out state))
        {
            return ReferenceEquals(state, _allowed) ? null : state;
        }

        if (Volatile.Read(ref _tracked) >= Limits.MaxTrackedAddresses)
        {
            if (_fullLog.TryTake(out _))
            {
                LogTableFull(Limits.MaxTrackedAddresses);
            }

            return null;
        }

        var fresh = Limits.IsAllowed(address) ? _allowed : new SourceState(address);
        state = _sources.GetOrAdd(address, fresh);
        if (ReferenceEquals(state, fresh))
        {
            Interlocked.Increment(ref _tracked);
        }

        return ReferenceEquals(state, _allowed) ? null : state;
    }

    /// <summary>An IPv4 peer on a dual-mode socket is the same peer as over IPv4.</summary>
    private static IPAddress Normalize(IPAddress address) => address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;

    /// <summary>Blocks under the entry's lock; the caller logs after it.</summary>
    private void Block(SourceState state, long now)
    {
        state.BlockedUntil = now + _blockFor;
        state.FailureCount = 0;
        state.NextFailure = 0;
        state.WindowCount = 0;
        state.Unblock = _scheduler.Schedule(Limits.BlockDuration, static s => ((SourceGuard)((object[])s!)[0]).Unblock((SourceState)((object[])s)[1]), new object[] { this, state });
        Interlocked.Increment(ref _blocked);
    }

    private void Unblock(SourceState state)
    {
        lock (state)
        {
            if (!state.IsBlocked)
            {
                return;
            }

            state.BlockedUntil = 0;
            state.Unblock = null;
            state.LastSeen = _time.GetTimestamp();
            state.WindowStart = state.LastSeen;
        }

        Interlocked.Decrement(ref _blocked);
        LogUnblocked(state.Address);
    }

    /// <summary>Forgets addresses idle for a window (allowed ones too: they are looked up again), never blocked ones.</summary>
    private void Sweep()
    {
        var now = _time.GetTimestamp();
        foreach (var (address, state) in _sources)
        {
            var idle = ReferenceEquals(state, _allowed);
            if (!idle)
            {
                lock (state)
                {
                    idle = !state.IsBlocked && now - state.LastSeen >= _window;
                }
            }

            if (idle && _sources.TryRemove(new KeyValuePair<IPAddress, SourceState>(address, state)))
            {
                Interlocked.Decrement(ref _tracked);
            }
        }

        _scheduler.Schedule(Limits.AuthFailureWindow, static s => ((SourceGuard)s!).Sweep(), this);
    }

    [LoggerMessage(EventId = 1301, Level = LogLevel.Warning, Message = "SECURITY blocked {Address} for {Seconds} s: {Failures} failed authentications in {Window} s")]
    private partial void LogBlockedForAuthentication(IPAddress address, long seconds, int failures, long window);

    [LoggerMessage(EventId = 1302, Level = LogLevel.Warning, Message = "SECURITY blocked {Address} for {Seconds} s: more than {Messages} messages in 1 s")]
    private partial void LogBlockedForRate(IPAddress address, long seconds, int messages);

    [LoggerMessage(EventId = 1303, Level = LogLevel.Warning, Message = "SECURITY unblocked {Address}")]
    private partial void LogUnblocked(IPAddress address);

    [LoggerMessage(EventId = 1304, Level = LogLevel.Warning, Message = "SECURITY tracking {Count} addresses, the most allowed: new addresses are not limited until idle ones are swept (a flood of spoofed sources?)")]
    private partial void LogTableFull(int count);
}
