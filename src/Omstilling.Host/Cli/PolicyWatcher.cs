using Omstilling.Policy;

namespace Omstilling.Host.Cli;

/// <summary>
/// Reloads the policy when its file changes: the new one is checked and swapped in atomically,
/// once its prompts are ready, or rejected with its errors logged and the old one kept (PolicyProvider). Editors save in
/// several steps, so a change is acted on once the file has been quiet for half a second.
/// </summary>
internal sealed partial class PolicyWatcher : IDisposable
{
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(500);

    private readonly FileSystemWatcher _watcher;
    private readonly ITimer _debounce;

    public PolicyWatcher(string path, PolicyProvider provider, Func<TelephonePolicy, CancellationToken, Task<IReadOnlyList<string>>> prepare, TimeProvider time, ILogger logger)
    {
        var full = Path.GetFullPath(path);
        _debounce = time.CreateTimer(_ => _ = ReloadAsync(full, provider, prepare, logger), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
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

    private static async Task ReloadAsync(string path, PolicyProvider provider, Func<TelephonePolicy, CancellationToken, Task<IReadOnlyList<string>>> prepare, ILogger logger)
    {
        try
        {
            if ((await provider.TryReloadAsync(path, prepare, CancellationToken.None)).Applied)
            {
                LogReloaded(logger, path);
            }
        }
        catch (IOException e)
        {
            // Read while an editor was still writing it: the next change event brings it again.
            LogUnreadable(logger, path, e.Message);
        }
    }

    [LoggerMessage(EventId = 9010, Level = LogLevel.Information, Message = "The telephone policy {Path} was reloaded")]
    private static partial void LogReloaded(ILogger logger, string path);

    [LoggerMessage(EventId = 9011, Level = LogLevel.Warning, Message = "The telephone policy {Path} could not be read: {Problem}")]
    private static partial void LogUnreadable(ILogger logger, string path, string problem);
}
