namespace Omstilling.Host.Cli;

/// <summary>
/// Calls back when a file has changed and then been quiet for half a second: editors save in
/// several steps (write, rename, touch), and the file is read once they are done.
/// </summary>
internal sealed class QuietFileWatcher : IDisposable
{
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(500);

    private readonly FileSystemWatcher _watcher;
    private readonly ITimer _debounce;

    public QuietFileWatcher(string path, TimeProvider time, Action changed)
    {
        var full = Path.GetFullPath(path);
        _debounce = time.CreateTimer(_ => changed(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
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
