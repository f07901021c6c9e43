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
/// </summary>
internal sealed partial class PlatformProbe : IDisposable
{
    private readonly Process _process;

    private PlatformProbe(Process process) => _process = process;

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

    /// <summary>The latest wake-up on any core in milliseconds, once the probe has finished (null if it printed none).</summary>
    public async Task<double?> ResultAsync()
    {
        var output = await _process.StandardOutput.ReadToEndAsync();
        await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
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

    [GeneratedRegex(@"Max:\s*(\d+)")]
    private static partial Regex MaxLatency();
}
