using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Omstilling.Benchmarks.MediaLoad;

/// <summary>
/// Runs cyclictest (rt-tests) beside a measurement: one real-time thread per core, above every
/// thread of the server and the client, waking every millisecond. How late it woke is how long
/// this machine itself held a core away (a virtual CPU pre-empted by its host, say): no packet
/// can be on time across such a stall, whatever the server does, so the figures are read with it.
/// Beside it, the steal time the kernel counted meanwhile (in 10 ms ticks): how long the host ran
/// something else while one of our virtual CPUs had work. A host that slows the cores rather than
/// stopping them may show there and not in cyclictest (kernel traces showed every core busy for
/// 25 to 35 ms with its threads making no progress, while cyclictest woke on time).
/// </summary>
internal sealed partial class PlatformProbe : IDisposable
{
    private readonly Process _process;
    private readonly long _stealBefore = StealTicks();

    private PlatformProbe(Process process) => _process = process;

    /// <summary>Steal time over every core since the probe started, in milliseconds (null where /proc/stat does not say).</summary>
    public double? StealMs
    {
        get
        {
            var now = StealTicks();
            return _stealBefore < 0 || now < 0 ? null : (now - _stealBefore) * 1000.0 / 100;
        }
    }

    /// <summary>Starts the probe for <paramref name="window"/>; null when cyclictest is not installed.</summary>
    public static PlatformProbe? Start(TimeSpan window)
    {
        var start = new ProcessStartInfo("cyclictest")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            ArgumentList = { "-m", "-S", "-p", "95", "-i", "1000", "-q", "-D", ((int)window.TotalSeconds).ToString(CultureInfo.InvariantCulture) },
        };
        try
        {
            return Process.Start(start) is { } process ? new PlatformProbe(process) : null;
        }
        catch (Win32Exception)
        {
            return null;
        }
    }

    /// <summary>What cyclictest wrote to standard error, once <see cref="ResultAsync"/> has returned (why it gave no result, say).</summary>
    public string Errors { get; private set; } = "";

    /// <summary>The latest wake-up on any core in milliseconds, once the probe has finished (null if it printed none).</summary>
    public async Task<double?> ResultAsync()
    {
        using var late = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var errors = _process.StandardError.ReadToEndAsync(late.Token);
        var output = await _process.StandardOutput.ReadToEndAsync(late.Token);
        Errors = (await errors).Trim();
        var worst = MaxLatency().Matches(output).Select(m => long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).DefaultIfEmpty(-1).Max();
        return worst < 0 ? null : worst / 1000.0;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
        }

        _process.Dispose();
    }

    /// <summary>The "steal" column of /proc/stat's first line, in clock ticks (USER_HZ, 100 a second); -1 if absent.</summary>
    private static long StealTicks()
    {
        try
        {
            var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries);
            return fields.Length > 8 ? long.Parse(fields[8], CultureInfo.InvariantCulture) : -1;
        }
        catch (IOException)
        {
            return -1;
        }
    }

    [GeneratedRegex(@"Max:\s*(\d+)")]
    private static partial Regex MaxLatency();
}
