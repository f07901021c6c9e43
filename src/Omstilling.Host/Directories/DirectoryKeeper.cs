using Omstilling.Directory;
using Omstilling.Directory.Loading;
using Omstilling.Host.Cli;
using Omstilling.Policy;
using Omstilling.Runtime;
using Omstilling.Storage.DirectoryRows;
using Omstilling.Web.Cards;
using Omstilling.Web.DirectoryAdmin;

namespace Omstilling.Host.Directories;

/// <summary>
/// Keeps the running server's staff directory (<see cref="DirectoryHolder"/>) in step with where it
/// lives (docs/directory.md): the database (the default; seeded once from the bundled file, then
/// changed by imports and the web), or a file given with <c>--directory</c> (read-only on the web).
/// It is read again when its source changes (the database's revision, polled; the file, watched;
/// at once after a change on the web) and when the policy it is checked against does, one read at
/// a time and always against the policy in force; a read with errors leaves the directory in use.
/// Thread-safe.
/// </summary>
internal sealed partial class DirectoryKeeper : IDirectoryKeeper, IAsyncDisposable
{
    /// <summary>How often the database's revision is looked at, so an import by the command line reaches a running server.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(2);

    private readonly DirectoryHolder _holder;
    private readonly DirectoryStore? _store;
    private readonly string? _file;
    private readonly PolicyProvider _policies;
    private readonly FaultBoundary _faults;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly CancellationTokenSource _stopping = new();
    private ITimer? _poll;
    private DailyJob? _retention;
    private QuietFileWatcher? _watcher;
    private long _revision;

    private DirectoryKeeper(DirectoryHolder holder, DirectoryStore? store, string? file, PolicyProvider policies, FaultBoundary faults, ILogger logger, long revision)
    {
        _holder = holder;
        _store = store;
        _file = file;
        _policies = policies;
        _faults = faults;
        _logger = logger;
        _revision = revision;
    }

    public DirectoryHolder Holder => _holder;

    public bool IsEditable => _store is not null;

    public string? ReadOnlyReason => _file is null ? null : $"Vidensdatabasen læses fra filen {_file} (--directory) og ændres dér.";

    /// <summary>
    /// Reads the directory to start with: from <paramref name="file"/> when given, else from the
    /// database, which is first seeded from <paramref name="seed"/> when it has never held one.
    /// Null with the problem logged when it cannot be read.
    /// </summary>
    public static async Task<DirectoryKeeper?> StartAsync(string? file, string? seed, DirectoryStore store, PolicyProvider policies, FaultMonitor faults, ILogger logger, CancellationToken cancellationToken)
    {
        var policy = policies.Current;
        if (file is not null)
        {
            return Load(DirectoryLoader.LoadFile(file, policy), policy, logger) is { } fromFile
                ? new DirectoryKeeper(new DirectoryHolder(fromFile), null, file, policies, faults.Boundary("host.directory"), logger, 0)
                : null;
        }

        var stored = await store.LoadAsync(cancellationToken);
        if (stored.File is null && seed is not null)
        {
            var loaded = DirectoryLoader.LoadFile(seed, policy);
            if (Load(loaded, policy, logger) is null)
            {
                return null;
            }

            var (diff, _) = await store.ApplyAsync(loaded.File!, "omstilling", $"seed {Path.GetFileName(seed)}", 0, cancellationToken);
            LogSeeded(logger, seed, diff.Changes.Length);
            stored = await store.LoadAsync(cancellationToken);
        }

        return Load(Check(stored, policy), policy, logger) is { } directory
            ? new DirectoryKeeper(new DirectoryHolder(directory), store, null, policies, faults.Boundary("host.directory"), logger, stored.Revision)
            : null;
    }

    /// <summary>Starts following the source and the policy.</summary>
    public void Follow(TimeProvider time)
    {
        _policies.Changed += OnPolicyChanged;
        if (_file is not null)
        {
            _watcher = new QuietFileWatcher(_file, time, _faults, () => _ = ReloadAsync("it has errors (see above)", force: true));
        }
        else
        {
            _poll = time.CreateTimer(_ => _ = ReloadAsync("it has errors against the policy (see above)", force: false), null, PollInterval, PollInterval);
            _retention = new DailyJob(time, _faults, () => DeleteExpiredChangesAsync(_store!, time), "a day's retention of the directory's audit log");
            _retention.Start();
        }
    }

    /// <summary>The policy's <c>retention: directory-changes-days</c>, applied to the audit log (the newest change stays: it is the revision).</summary>
    private async Task DeleteExpiredChangesAsync(DirectoryStore store, TimeProvider time)
    {
        var before = time.GetUtcNow() - TimeSpan.FromDays(_policies.Current.Retention.DirectoryChangesDays);
        var deleted = await store.DeleteChangesBeforeAsync(before, _stopping.Token);
        LogChangesDeleted(_logger, deleted, IsoTime.Format(before));
    }

    /// <summary>Reads the database's directory now (after a change made on the web), and completes when it is in use.</summary>
    public Task RefreshAsync(CancellationToken cancellationToken) => ReloadAsync("it has errors against the policy (see above)", force: false);

    public async ValueTask DisposeAsync()
    {
        _policies.Changed -= OnPolicyChanged;
        _retention?.Dispose();
        _watcher?.Dispose();
        if (_poll is not null)
        {
            await _poll.DisposeAsync();
        }

        await _stopping.CancelAsync();
        await _gate.WaitAsync();
        _gate.Release();
        _stopping.Dispose();
    }

    private void OnPolicyChanged(object? sender, TelephonePolicy policy) =>
        _ = ReloadAsync("it has errors against the new policy (see above)", force: true);

    /// <summary>One read at a time; a database read only when its revision moved, unless forced (the policy or file changed).</summary>
    private async Task ReloadAsync(string problem, bool force)
    {
        try
        {
            await _gate.WaitAsync(_stopping.Token);
        }
        catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException)
        {
            return;
        }

        try
        {
            var policy = _policies.Current;
            var where = _file ?? DirectoryStore.SourceName;
            DirectoryLoadResult loaded;
            long revision = 0;
            if (_store is null)
            {
                loaded = DirectoryLoader.LoadFile(_file!, policy);
            }
            else
            {
                revision = await _store.RevisionAsync(_stopping.Token);
                if (!force && revision == _revision)
                {
                    return;
                }

                var stored = await _store.LoadAsync(_stopping.Token);
                revision = stored.Revision;
                loaded = Check(stored, policy);
            }

            if (Load(loaded, policy, _logger) is { } directory)
            {
                _holder.Replace(directory);
                _revision = revision;
                LogReloaded(_logger, where);
            }
            else
            {
                _revision = revision; // the same broken revision is not read again until it changes or the policy does
                LogKept(_logger, where, problem);
            }
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
        }
        catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException or IOException)
        {
            _faults.Contain(e, this, "this read of the directory (the next change reads it again)");
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The stored directory checked against the policy as a file would be (one set of rules); nothing stored: the policy's own people.</summary>
    private static DirectoryLoadResult Check(StoredDirectory stored, TelephonePolicy policy) => stored.File is { } file
        ? DirectoryLoader.Load(DirectoryYaml.Write(file), DirectoryStore.SourceName, policy)
        : new DirectoryLoadResult(null, []);

    /// <summary>The directory a read gives, its problems logged; null when it has errors.</summary>
    private static StaffDirectory? Load(DirectoryLoadResult loaded, TelephonePolicy policy, ILogger logger)
    {
        foreach (var diagnostic in loaded.Diagnostics)
        {
            LogDiagnostic(logger, diagnostic.ToString());
        }

        if (loaded.File is { } file)
        {
            return StaffDirectory.FromPolicy(policy, file);
        }

        return loaded.Diagnostics.IsEmpty ? StaffDirectory.FromPolicy(policy) : null;
    }

    [LoggerMessage(EventId = 9045, Level = LogLevel.Information, Message = "Directory audit retention: {Count} change(s) made before {Before} deleted")]
    private static partial void LogChangesDeleted(ILogger logger, int count, string before);

    [LoggerMessage(EventId = 9044, Level = LogLevel.Warning, Message = "Directory: {Diagnostic}")]
    private static partial void LogDiagnostic(ILogger logger, string diagnostic);

    [LoggerMessage(EventId = 9006, Level = LogLevel.Information, Message = "The staff directory {Path} was reloaded")]
    private static partial void LogReloaded(ILogger logger, string path);

    [LoggerMessage(EventId = 9007, Level = LogLevel.Warning, Message = "The staff directory {Path} was not reloaded: {Problem}; the one in use stays")]
    private static partial void LogKept(ILogger logger, string path, string problem);

    [LoggerMessage(EventId = 9043, Level = LogLevel.Information, Message = "The staff directory in the database was seeded from {File}: {Entries} entries")]
    private static partial void LogSeeded(ILogger logger, string file, int entries);
}
