using Omstilling.Calls.Media;
using Omstilling.Host.Demo;
using Omstilling.Host.Cli;
using Omstilling.Runtime;
using Omstilling.Sip.Auth;
using Omstilling.Sip.Registrar;

namespace Omstilling.Host.Accounts;

/// <summary>
/// Keeps the running server's SIP accounts in step with <c>accounts.json</c>: read at the start,
/// read again when the file changes (once quiet, <see cref="QuietFileWatcher"/>) or when the web
/// page has changed it (<see cref="Reload"/>). An account removed or given a new password has its
/// registrations ended at once; its phone's next REGISTER is challenged and refused. Each
/// account's SRTP policy goes to <see cref="SrtpAccounts"/> with it (the next call uses it). A file
/// that cannot be read leaves the accounts in use. Thread-safe: one reload at a time.
/// </summary>
internal sealed partial class AccountSync : IDisposable
{
    private readonly string _dataDirectory;
    private readonly InMemoryAccountStore _accounts;
    private readonly SipRegistrar _registrar;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private readonly QuietFileWatcher _watcher;
    private readonly SrtpAccounts _srtp;

    /// <param name="srtp">Where each account's SRTP policy goes: read from the file now and at every reload.</param>
    public AccountSync(string dataDirectory, InMemoryAccountStore accounts, SipRegistrar registrar, SrtpAccounts srtp, TimeProvider time, FaultMonitor faults, ILogger logger)
    {
        _dataDirectory = dataDirectory;
        _accounts = accounts;
        _registrar = registrar;
        _srtp = srtp;
        _logger = logger;
        try
        {
            ApplySrtp(AccountFile.Load(dataDirectory));
        }
        catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            LogKept(_logger, e.Message); // read a moment ago by TryLoad; changed since, and the watcher will see it
        }

        _watcher = new QuietFileWatcher(AccountFile.PathIn(dataDirectory), time, faults.Boundary("host.account-watcher"), Reload);
    }

    /// <summary>
    /// The accounts at the start (with <paramref name="demo"/>, the demo's when the file has none)
    /// into <paramref name="accounts"/>; false with the problem when the file cannot be read.
    /// </summary>
    public static bool TryLoad(string dataDirectory, bool demo, string realm, InMemoryAccountStore accounts, out string problem)
    {
        try
        {
            if (demo && AccountFile.Load(dataDirectory).Count == 0)
            {
                AccountFile.Save(dataDirectory, DemoData.Accounts(realm).Select(a => StoredAccount.From(a, personId: null)));
            }

            accounts.Replace(AccountFile.Load(dataDirectory).Select(a => a.ToSipAccount()));
            problem = "";
            return true;
        }
        catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            problem = e.Message;
            return false;
        }
    }

    /// <summary>Reads the file again and applies it; what cannot be read is logged and the accounts in use stay.</summary>
    public void Reload()
    {
        lock (_gate)
        {
            IReadOnlyList<StoredAccount> loaded;
            try
            {
                loaded = AccountFile.Load(_dataDirectory);
            }
            catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
            {
                LogKept(_logger, e.Message);
                return;
            }

            ApplySrtp(loaded);
            foreach (var username in _accounts.Replace(loaded.Select(a => a.ToSipAccount())))
            {
                LogEnded(_logger, username, _registrar.Unregister(username));
            }

            LogReloaded(_logger, loaded.Count);
        }
    }

    public void Dispose() => _watcher.Dispose();

    private void ApplySrtp(IReadOnlyList<StoredAccount> loaded) =>
        _srtp.Replace(loaded.Select(a => new KeyValuePair<string, Omstilling.Media.Srtp.SrtpPolicy>(a.Username, a.SrtpPolicy())));

    [LoggerMessage(EventId = 9040, Level = LogLevel.Information, Message = "SIP accounts reloaded: {Count} accounts")]
    private static partial void LogReloaded(ILogger logger, int count);

    [LoggerMessage(EventId = 9041, Level = LogLevel.Information, Message = "SIP account {Username} removed or given a new password: {Registrations} registrations ended")]
    private static partial void LogEnded(ILogger logger, string username, int registrations);

    [LoggerMessage(EventId = 9042, Level = LogLevel.Warning, Message = "The SIP accounts file could not be read, the accounts in use stay: {Problem}")]
    private static partial void LogKept(ILogger logger, string problem);
}
