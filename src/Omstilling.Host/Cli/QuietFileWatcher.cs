using Omstilling.Runtime;

namespace Omstilling.Host.Cli;

/// <summary>
/// Calls back when a file has changed and then been quiet for half a second: editors save in
/// several steps (write, rename, touch), and the file is read once they are done. The callback
/// runs on a timer thread, where an exception would end the process: what it throws is contained
/// at the watcher's boundary and the next change calls back again.
/// </summary>
internal sealed class QuietFileWatcher : IDisposable
{
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(500);

    private readonly FileSystemWatcher _watcher;
    private readonly ITimer _debounce;

    public QuietFileWatcher(string path, TimeProvider time, FaultBoundary faults, Action changed)
    {
        var full = Path.GetFullPath(path);
        _debounce = time.CreateTimer(_ => faults.Run(changed, full, "the reload (the next change tries again)"), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _watcher = new FileSystemWatcher(Path.GetDirectoryName(full)!, Path.GetFileName(full))
        {
            NotifyFilter = NotifyFilters.LastWrite | NotifyFilters.FileName | NotifyFilters.Size,
        };
        _watcher.Changed += (_, _) => Restart();
        _watcher.Created += (_, _) => Restart();
        _watcher.Renamed += (_, _) => Restart();
        _watcher.EnableRaisingEvents = true;
    }

    public void Dispose()
    {
        _watcher.Dispose();
        _debounce.Dispose();
    }

    private void Restart() => _debounce.Change(Quiet, Timeout.InfiniteTimeSpan);
}
