using System.Globalization;

namespace Omstilling.Fuzzing.Engine;

/// <summary>
/// The process's peak resident memory. On Linux the peak (VmHWM) can be reset (writing 5 to
/// /proc/self/clear_refs, Linux 4.0+), so each target's run gets its own peak; elsewhere, or when the
/// reset is refused, the peak is the process's since it started.
/// </summary>
internal static class MemoryProbe
{
    public static void ResetPeak()
    {
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            // Not Linux, or not allowed: the peak stays the process's.
        }
    }

    /// <summary>Peak resident bytes (VmHWM), else the process's peak working set.</summary>
    public static long PeakResidentBytes()
    {
        try
        {
            foreach (var line in File.ReadLines("/proc/self/status"))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    var kilobytes = line["VmHWM:".Length..].Trim().Split(' ')[0];
                    return long.Parse(kilobytes, CultureInfo.InvariantCulture) * 1024;
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Fall through to the portable figure.
        }

        using var process = System.Diagnostics.Process.GetCurrentProcess();
        return process.PeakWorkingSet64;
    }
}
