using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;

namespace Omstilling.Web.Auth;

/// <summary>
/// Slows password guessing: per user name and per client address, failed logins are counted, and
/// from the <see cref="FailuresPerUser"/>th failure for a name (<see cref="FailuresPerAddress"/>th
/// from an address) each further one makes the name (address) wait, 1 minute, then 2, 4, ... up to
/// an hour. The count is forgotten <see cref="Window"/> after the last failure or the end of the
/// last wait, whichever is later, and a name's at its successful login. A login while waiting is
/// refused before the password is checked (a check costs 0.1 s of a core, so the wait also keeps
/// a flood of guesses from using up the server). The same happens to names that do not exist, so
/// the wait tells nothing about which do. An IPv6 client counts by its /64, which one host may
/// fill with addresses. Kept in memory: a restart forgets it. Thread-safe.
/// </summary>
internal sealed partial class LoginThrottle(TimeProvider time, ILogger<LoginThrottle> logger)
{
    public const int FailuresPerUser = 5;

    /// <summary>More than per name: a municipality's staff may share an address (one NAT, one terminal server).</summary>
    public const int FailuresPerAddress = 20;

    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    private static readonly TimeSpan FirstWait = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan LongestWait = TimeSpan.FromHours(1);

    /// <summary>Names and addresses remembered at most, so that guesses at random names cannot grow the table without end.</summary>
    private const int MaxTracked = 10_000;

    private readonly Lock _lock = new();
    private readonly Dictionary<string, Failures> _users = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Failures> _addresses = new(StringComparer.Ordinal);

    /// <summary>
    /// How long a login for <paramref name="userName"/> from <paramref name="address"/> must wait;
    /// zero when it may be tried now. A login refused for it is logged.
    /// </summary>
    public TimeSpan WaitBeforeTrying(string userName, IPAddress? address)
    {
        var now = time.GetUtcNow();
        var name = Key(userName);
        var from = Key(address);
        var wait = TimeSpan.Zero;
        lock (_lock)
        {
            if (_users.TryGetValue(name, out var user) && user.BlockedUntil > now)
            {
                wait = user.BlockedUntil - now;
            }

            if (_addresses.TryGetValue(from, out var fromAddress) && fromAddress.BlockedUntil - now > wait)
            {
                wait = fromAddress.BlockedUntil - now;
            }
        }

        if (wait > TimeSpan.Zero)
        {
            LogRefused(logger, Printable(name), from, wait.TotalSeconds);
        }

        return wait;
    }

    /// <summary>Counts a wrong name or password; returns how long the next try must wait (zero: none).</summary>
    public TimeSpan Failed(string userName, IPAddress? address)
    {
        var now = time.GetUtcNow();
        var name = Key(userName);
        var from = Key(address);
        TimeSpan userWait, addressWait;
        lock (_lock)
        {
            userWait = Count(_users, name, FailuresPerUser, now);
            addressWait = Count(_addresses, from, FailuresPerAddress, now);
        }

        LogFailed(logger, Printable(name), from);
        if (userWait > TimeSpan.Zero)
        {
            LogUserWaits(logger, Printable(name), userWait.TotalMinutes);
        }

        if (addressWait > TimeSpan.Zero)
        {
            LogAddressWaits(logger, from, addressWait.TotalMinutes);
        }

        return userWait > addressWait ? userWait : addressWait;
    }

    /// <summary>A login that succeeded: the name's failures are forgotten (the address's are not, or logging in to one's own account would clear the way to guess at others).</summary>
    public void Succeeded(string userName)
    {
        lock (_lock)
        {
            _users.Remove(Key(userName));
        }
    }

    /// <summary>The key for a name: as the user store compares them (trimmed, lower case).</summary>
    internal static string Key(string userName) => userName.Trim().ToLowerInvariant();

    internal static string Key(IPAddress? address)
    {
        if (address is null)
        {
            return "-";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes).ToString() + "/64";
    }

    private static TimeSpan Count(Dictionary<string, Failures> table, string key, int limit, DateTimeOffset now)
    {
        if (!table.TryGetValue(key, out var failures))
        {
            MakeRoom(table, now);
            failures = new Failures();
            table[key] = failures;
        }

        var quietSince = failures.BlockedUntil > failures.Last ? failures.BlockedUntil : failures.Last;
        if (now - quietSince >= Window)
        {
            failures.Count = 0;
        }

        failures.Count++;
        failures.Last = now;
        if (failures.Count < limit)
        {
            return TimeSpan.Zero;
        }

        var doublings = Math.Min(failures.Count - limit, 6); // 2^6 minutes is past the hour
        var wait = FirstWait * (1 << doublings);
        wait = wait > LongestWait ? LongestWait : wait;
        failures.BlockedUntil = now + wait;
        return wait;
    }

    /// <summary>Forgets what no longer counts when the table is full, and the oldest entry if that is not enough.</summary>
    private static void MakeRoom(Dictionary<string, Failures> table, DateTimeOffset now)
    {
        if (table.Count < MaxTracked)
        {
            return;
        }

        foreach (var (key, failures) in table)
        {
            if (failures.BlockedUntil <= now && now - failures.Last >= Window)
            {
                table.Remove(key);
            }
        }

        if (table.Count >= MaxTracked)
        {
            table.Remove(table.MinBy(e => e.Value.Last).Key);
        }
    }

    /// <summary>A name as typed may hold anything: control characters are left out of the log, and the length is capped.</summary>
    private static string Printable(string name)
    {
        var clean = string.Concat(name.Where(c => !char.IsControl(c)));
        return clean.Length > 100 ? clean[..100] + "…" : clean;
    }

    [LoggerMessage(EventId = 6201, Level = LogLevel.Information, Message = "Failed login as '{UserName}' from {Address}")]
    private static partial void LogFailed(ILogger logger, string userName, string address);

    [LoggerMessage(EventId = 6202, Level = LogLevel.Warning, Message = "Too many failed logins as '{UserName}': its next login waits {Minutes} min")]
    private static partial void LogUserWaits(ILogger logger, string userName, double minutes);

    [LoggerMessage(EventId = 6203, Level = LogLevel.Warning, Message = "Too many failed logins from {Address}: its next login waits {Minutes} min")]
    private static partial void LogAddressWaits(ILogger logger, string address, double minutes);

    [LoggerMessage(EventId = 6204, Level = LogLevel.Warning, Message = "Login as '{UserName}' from {Address} refused unchecked: it must wait {Seconds:0} s more")]
    private static partial void LogRefused(ILogger logger, string userName, string address, double seconds);

    /// <summary>One name's or address's failures. Changed only under the throttle's lock.</summary>
    private sealed class Failures
    {
        public int Count { get; set; }

        public DateTimeOffset Last { get; set; }

        public DateTimeOffset BlockedUntil { get; set; }
    }
}
