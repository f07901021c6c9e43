using Microsoft.Extensions.Logging.Abstractions;
using Omstilling.Host.Cli;
using Omstilling.Host.Tests.Support;
using Omstilling.Runtime;

namespace Omstilling.Host.Tests.Robustness;

/// <summary>A file watcher calls back on a timer thread, where an exception would end the process.</summary>
public sealed class WatcherContainmentTests : IDisposable
{
    private readonly string _folder = System.IO.Directory.CreateTempSubdirectory("omstilling-watch-").FullName;

    [Fact]
    public async Task A_reload_that_throws_is_contained_and_the_next_change_is_still_picked_up()
    {
        var file = Path.Combine(_folder, "policy.yaml");
        await File.WriteAllTextAsync(file, "first");
        var boundary = new FaultMonitor(NullLoggerFactory.Instance, TimeProvider.System).Boundary("host.policy-watcher");
        var calls = 0;
        using var watcher = new QuietFileWatcher(file, TimeProvider.System, boundary, () =>
        {
            if (Interlocked.Increment(ref calls) == 1)
            {
                throw new UnauthorizedAccessException("the reload's bug");
            }
        });

        await File.WriteAllTextAsync(file, "second");
        Assert.True(await Eventually.ReachedAsync(() => boundary.Count == 1), "the failing reload is contained");
        await File.WriteAllTextAsync(file, "third");

        Assert.True(await Eventually.ReachedAsync(() => Volatile.Read(ref calls) == 2), "the next change calls back again");
        Assert.Equal(1, boundary.Count);
    }

    public void Dispose() => System.IO.Directory.Delete(_folder, recursive: true);
}
