using Omstilling.Policy;

namespace Omstilling.Host.Cli;

/// <summary>
/// Reloads the policy when its file changes: the new one is checked and swapped in atomically,
/// or rejected with its errors logged and the old one kept (PolicyProvider). Editors save in
/// several steps, so a change is acted on once the file has been quiet for half a second.
/// </summary>
internal sealed partial class PolicyWatcher : IDisposable
{
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(500);

    private readonly FileSystemWatcher _watcher;
    private readonly ITimer _debounce;

    public PolicyWatcher(string path, PolicyProvider provider, Func<TelephonePolicy, Task> applied, TimeProvider time, ILogger logger)
    {
        var full = Path.GetFullPath(path);
        _debounce = time.CreateTimer(_ => Reload(full, provider, applied, logger), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _watcher = new FileSystemWatcher(Path.GetDirectoryName(full)!, Path.GetFileName(full))
        {
            NotifyFilter = NotifyFilters.LastWrite | NotifyFilters.FileName | NotifyFilters.Size,
        };
        _watcher.Changed += (_, _) => _debounce.Change(Quiet, Timeout.InfiniteTimeSpan);
        _watcher.Created += (_, _) => _debounce.Change(Quiet, Timeout.InfiniteTimeSpan);
        _watcher.Renamed += (_, _) => _debounce.Change(Quiet, Timeout.InfiniteTimeSpan);
        _watcher.EnableRaisingEvents = true;
    }

    public void Dispose()
    {
        _watcher.Dispose();
        _debounce.Dispose();
    }

    private static void Reload(string path, PolicyProvider provider, Func<TelephonePolicy, Task> applied, ILogger logger)
    {
        var result = provider.TryReload(path);
        if (result.Applied)
        {
            LogReloaded(logger, path);
            _ = applied(provider.Current);
        }
    }

    [LoggerMessage(EventId = 9010, Level = LogLevel.Information, Message = "The telephone policy {Path} was reloaded")]
    private static partial void LogReloaded(ILogger logger, string path);
}
