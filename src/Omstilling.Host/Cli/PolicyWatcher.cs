using Omstilling.Policy;
using Omstilling.Runtime;

namespace Omstilling.Host.Cli;

/// <summary>
/// Reloads the policy when its file changes (once it has been quiet, see <see cref="QuietFileWatcher"/>):
/// the new one is checked and swapped in atomically, once its prompts are ready, or rejected with
/// its errors logged and the old one kept (PolicyProvider).
/// </summary>
internal sealed partial class PolicyWatcher : IDisposable
{
    private readonly QuietFileWatcher _watcher;

    /// <param name="faults">Where a reload that fails other than by the policy's own errors is contained (boundary <c>host.policy-watcher</c>): the policy in use stays.</param>
    public PolicyWatcher(string path, PolicyProvider provider, Func<TelephonePolicy, CancellationToken, Task<IReadOnlyList<string>>> prepare, TimeProvider time, FaultMonitor faults, ILogger logger)
    {
        var full = Path.GetFullPath(path);
        var boundary = faults.Boundary("host.policy-watcher");
        _watcher = new QuietFileWatcher(full, time, boundary, () => boundary.Observe(ReloadAsync(full, provider, prepare, logger), full, "the reload (the policy in use stays)"));
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
