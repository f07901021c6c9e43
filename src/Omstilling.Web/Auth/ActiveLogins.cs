using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.Extensions.Logging;
using Omstilling.Storage.Users;

namespace Omstilling.Web.Auth;

/// <summary>
/// Whether a login's user still exists and is enabled, asked of the database at most once per
/// <see cref="CacheFor"/> per user: the cookie check of every request (<see cref="SessionLifetime"/>)
/// and an open page's check every minute (<see cref="SessionRevalidation"/>) end the login of a user
/// disabled or removed since (on the command line or on the web), within that time. When the
/// database cannot answer, the last answer stands, or the login goes on (it was checked at the
/// password, and an outage should not throw the operators out of the console). Names are the
/// signed cookie's, so the cache holds only real users. Thread-safe; one per app.
/// </summary>
internal sealed partial class ActiveLogins(Func<string, CancellationToken, Task<bool>> isActive, TimeProvider time, ILogger<ActiveLogins> logger)
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(10);

    private readonly ConcurrentDictionary<string, Answer> _answers = new(StringComparer.OrdinalIgnoreCase);

    public ActiveLogins(UserStore users, TimeProvider time, ILogger<ActiveLogins> logger)
        : this((users ?? throw new ArgumentNullException(nameof(users))).IsActiveAsync, time, logger)
    {
    }

    public async Task<bool> IsActiveAsync(string userName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(userName);
        var now = time.GetUtcNow();
        if (_answers.TryGetValue(userName, out var known) && now - known.At < CacheFor)
        {
            return known.Active;
        }

        bool active;
        try
        {
            active = await isActive(userName, cancellationToken);
        }
        catch (Exception e) when (e is DbException or TimeoutException or InvalidOperationException)
        {
            LogUnchecked(logger, userName, e.Message);
            return known?.Active ?? true;
        }

        _answers[userName] = new Answer(active, now);
        if (!active)
        {
            LogEnded(logger, userName);
        }

        return active;
    }

    /// <summary>Asks the database at the next request: after a successful login (a user enabled again), or a change made in this process.</summary>
    public void Forget(string userName) => _answers.TryRemove(userName, out _);

    [LoggerMessage(EventId = 6205, Level = LogLevel.Information, Message = "A login of '{UserName}' ends: the user is disabled or removed")]
    private static partial void LogEnded(ILogger logger, string userName);

    [LoggerMessage(EventId = 6206, Level = LogLevel.Warning, Message = "Whether '{UserName}' is still enabled cannot be checked ({Reason}); the login goes on")]
    private static partial void LogUnchecked(ILogger logger, string userName, string reason);

    private sealed record Answer(bool Active, DateTimeOffset At);
}
