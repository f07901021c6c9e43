using Omstilling.Policy;

namespace Omstilling.Host.Cli;

/// <summary>
/// Reloads the policy when its file changes (once it has been quiet, see <see cref="QuietFileWatcher"/>):
/// the new one is checked and swapped in atomically, once its prompts are ready, or rejected with
/// its errors logged and the old one kept (PolicyProvider).
/// </summary>
internal sealed partial class PolicyWatcher : IDisposable
{
    private readonly QuietFileWatcher _watcher;

    public PolicyWatcher(string path, PolicyProvider provider, Func<TelephonePolicy, CancellationToken, Task<IReadOnlyList<string>>> prepare, TimeProvider time, ILogger logger)
    {
        var full = Path.GetFullPath(path);
        _watcher = new QuietFileWatcher(full, time, () => _ = ReloadAsync(full, provider, prepare, logger));
    }

    public void Dispose() => _watcher.Dispose();

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
